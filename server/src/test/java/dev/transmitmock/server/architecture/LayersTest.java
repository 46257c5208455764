package dev.transmitmock.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the floor plan of docs/ARCHITECTURE.md true: the server's packages stand on floors, and no
 * class imports (calls, extends, names in a signature or annotation) a class of a floor above its
 * own, nor of another package on its own floor; the packages form no loop. There is no list of
 * exceptions: a new package must be given a floor here and in the document.
 */
class LayersTest {
  private static final String BASE = "dev.transmitmock.server";

  /** Bottom first; packages on one floor may not import each other. */
  static final List<List<String>> FLOORS =
      List.of(
          List.of("config"),
          List.of("pki"),
          List.of("keys"),
          List.of("control"),
          List.of("token"),
          List.of("defects"),
          List.of("workspace"),
          List.of("http"),
          List.of("http.oidc", "http.control"),
          List.of(""),
          List.of("cli"));

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);
  }

  private static String packageOf(String floorPackage) {
    return floorPackage.isEmpty() ? BASE : BASE + "." + floorPackage;
  }

  @Test
  void everyPackageHasAFloor() {
    Set<String> known = new TreeSet<>();
    FLOORS.forEach(floor -> floor.forEach(p -> known.add(packageOf(p))));
    Set<String> unplaced = new TreeSet<>();
    for (JavaClass type : main) {
      if (!known.contains(type.getPackageName())) {
        unplaced.add(type.getPackageName());
      }
    }
    assertThat(main).as("the server's main classes were found").hasSizeGreaterThan(100);
    assertThat(unplaced).as("packages with no floor in LayersTest and ARCHITECTURE.md").isEmpty();
  }

  @Test
  void noPackageImportsOneAboveItOrBesideIt() {
    for (int floor = 0; floor < FLOORS.size(); floor++) {
      for (String own : FLOORS.get(floor)) {
        List<String> forbidden = new ArrayList<>();
        for (int above = floor + 1; above < FLOORS.size(); above++) {
          FLOORS.get(above).forEach(p -> forbidden.add(packageOf(p)));
        }
        FLOORS.get(floor).stream()
            .filter(p -> !p.equals(own))
            .forEach(p -> forbidden.add(packageOf(p)));
        if (forbidden.isEmpty()) {
          continue;
        }
        noClasses()
            .that()
            .resideInAPackage(packageOf(own))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(forbidden.toArray(String[]::new))
            .because("'" + packageOf(own) + "' stands below or beside " + forbidden)
            .check(main);
      }
    }
  }

  @Test
  void packagesFormNoLoop() {
    slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(main);
  }
}
