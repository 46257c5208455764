package dev.transmitmock.spring.test;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

/**
 * Resets the emulator of an {@link AutoConfigureTransmitMock} test before each test method (clock,
 * journal, faults, runtime clients, keys), unless the class says {@code resetBeforeEach = false}.
 * Registered for every Spring test in {@code META-INF/spring.factories}; it does nothing for
 * classes without the annotation. Dynamic tests of a {@code @TestFactory} method share one reset.
 */
final class TransmitMockTestExecutionListener implements TestExecutionListener, Ordered {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    AutoConfigureTransmitMock declaration =
        TestContextAnnotationUtils.findMergedAnnotation(
            testContext.getTestClass(), AutoConfigureTransmitMock.class);
    if (declaration != null && declaration.resetBeforeEach()) {
      TransmitMockContextCustomizer.emulatorOf(testContext.getApplicationContext()).reset();
    }
  }

  /** Early among the listeners, so the test's own {@code @BeforeEach} sees a reset emulator. */
  @Override
  public int getOrder() {
    return 1_000;
  }
}
