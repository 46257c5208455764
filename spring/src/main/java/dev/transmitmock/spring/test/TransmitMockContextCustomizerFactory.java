package dev.transmitmock.spring.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Turns {@link AutoConfigureTransmitMock} into a {@link TransmitMockContextCustomizer}; registered
 * for every Spring test in {@code META-INF/spring.factories}, so it does nothing (and loads nothing
 * of the emulator) for classes without the annotation.
 */
final class TransmitMockContextCustomizerFactory implements ContextCustomizerFactory {

  static final String EMULATOR_CLASS = "dev.transmitmock.junit.StandaloneTransmitMock";

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    if (!ClassUtils.isPresent(EMULATOR_CLASS, testClass.getClassLoader())) {
      // Spring cannot read the annotation then (its clients() type is missing): say so instead of
      // running the test without the emulator it asked for
      for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
        if (c.isAnnotationPresent(AutoConfigureTransmitMock.class)) {
          throw new IllegalStateException(missingEmulator(testClass));
        }
      }
      return null;
    }
    AutoConfigureTransmitMock annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureTransmitMock.class);
    return annotation == null
        ? null
        : new TransmitMockContextCustomizer(
            TransmitMockDeclaration.of(annotation),
            "@AutoConfigureTransmitMock on " + testClass.getName());
  }

  static String missingEmulator(Class<?> testClass) {
    return "@AutoConfigureTransmitMock on "
        + testClass.getName()
        + " needs the emulator on the test classpath: add the test dependency"
        + " dev.transmitmock:transmit-mock-junit (Maven: <scope>test</scope>; Gradle:"
        + " testImplementation)";
  }
}
