package dev.transmitmock.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

/**
 * The test leg runs on the Spring Boot line its build says (4.0 in spring/, 3.5 in
 * spring/boot3-tests/, the same test sources), with the Spring Framework that line brings.
 */
class BootVersionTest {

  @Test
  void the_tests_run_on_the_spring_boot_version_of_their_leg() {
    String expected = System.getProperty("expected.spring-boot.version");

    assertThat(expected).as("set by the module's surefire configuration").isNotBlank();
    assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
    assertThat(SpringVersion.getVersion()).startsWith(expected.startsWith("3.") ? "6.2." : "7.");
  }
}
