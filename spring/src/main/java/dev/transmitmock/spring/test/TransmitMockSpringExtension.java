package dev.transmitmock.spring.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.util.ClassUtils;

/**
 * The JUnit side of {@link AutoConfigureTransmitMock}: test and lifecycle method parameters of type
 * {@code TransmitMockHandle} or {@code TransmitMockServer} get the emulator of the test's
 * application context, as with {@code @TransmitMock}; and a class carrying {@code @TransmitMock}
 * too, which would start a second emulator the application does not know, is refused.
 *
 * <p>Parameters Spring autowires ({@code @Autowired}, {@code @Qualifier}, {@code @Value}) and
 * constructor parameters are left to Spring's own extension.
 */
final class TransmitMockSpringExtension implements BeforeAllCallback, ParameterResolver {

  private static final String HANDLE = "dev.transmitmock.junit.TransmitMockHandle";
  private static final String SERVER = "dev.transmitmock.server.TransmitMockServer";
  private static final String TRANSMIT_MOCK = "dev.transmitmock.junit.TransmitMock";
  private static final Set<Class<? extends Annotation>> SPRING_INJECTION =
      Set.of(Autowired.class, Qualifier.class, Value.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ClassLoader loader = testClass.getClassLoader();
    if (!ClassUtils.isPresent(TransmitMockContextCustomizerFactory.EMULATOR_CLASS, loader)) {
      throw new ExtensionConfigurationException(
          TransmitMockContextCustomizerFactory.missingEmulator(testClass));
    }
    if (!springTest(testClass)) {
      throw new ExtensionConfigurationException(
          "@AutoConfigureTransmitMock on "
              + testClass.getName()
              + " configures a Spring application context, and this class has none: add"
              + " @SpringBootTest (or @SpringJUnitConfig, @ExtendWith(SpringExtension.class));"
              + " for a test without Spring use @TransmitMock");
    }
    Class<? extends Annotation> transmitMock = transmitMockAnnotation(loader);
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (c.isAnnotationPresent(transmitMock)) {
        throw new ExtensionConfigurationException(
            c.getName()
                + " has both @TransmitMock and @AutoConfigureTransmitMock, which would start two"
                + " emulators: the application would trust one and the test would mint tokens"
                + " from the other. Keep @AutoConfigureTransmitMock (same attributes; parameters"
                + " of type TransmitMockHandle are injected as before) and remove @TransmitMock");
      }
    }
  }

  /**
   * Whether Spring's extension runs this class (meta-annotations such as @SpringBootTest count).
   */
  private static boolean springTest(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      boolean extended =
          AnnotationSupport.findRepeatableAnnotations(c, ExtendWith.class).stream()
              .flatMap(extendWith -> Arrays.stream(extendWith.value()))
              .anyMatch(SpringExtension.class::isAssignableFrom);
      if (extended) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Annotation> transmitMockAnnotation(ClassLoader loader) {
    return (Class<? extends Annotation>) ClassUtils.resolveClassName(TRANSMIT_MOCK, loader);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    if (!(parameter.getDeclaringExecutable() instanceof Method)
        || SPRING_INJECTION.stream().anyMatch(parameter::isAnnotated)) {
      return false;
    }
    String type = parameter.getParameter().getType().getName();
    return type.equals(HANDLE) || type.equals(SERVER);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    return application.getBean(parameter.getParameter().getType());
  }
}
