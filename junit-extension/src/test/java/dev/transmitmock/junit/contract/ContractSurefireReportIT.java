package dev.transmitmock.junit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Surefire's XML report (the file CI dashboards read) says about the generated contract tests:
 * the build runs {@link ContractTestFactoryTest} in a Surefire execution of its own ({@code
 * contract-report}, see the pom) and this test reads the report it wrote.
 */
class ContractSurefireReportIT {

  @Test
  void surefire_reports_each_generated_test_under_its_case_id() throws Exception {
    List<String> names = testcaseNames(Path.of(System.getProperty("contract.report.file")));

    assertThat(names)
        .contains(
            "[valid-token] a valid token of orders-svc for https://api.orders.example is accepted",
            "[missing-header] a request without an Authorization header is rejected")
        .anySatisfy(name -> assertThat(name).startsWith("[alg-none] "))
        .anySatisfy(name -> assertThat(name).startsWith("[expires-now] "))
        .noneSatisfy(name -> assertThat(name).containsPattern("\\[\\d+]$"));
  }

  private static List<String> testcaseNames(Path report) throws Exception {
    assertThat(report).as("Surefire report of the contract-report execution").isRegularFile();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    NodeList cases;
    try (var in = Files.newInputStream(report)) {
      cases = factory.newDocumentBuilder().parse(in).getElementsByTagName("testcase");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      names.add(((Element) cases.item(i)).getAttribute("name"));
    }
    return names;
  }
}
