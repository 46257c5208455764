package dev.transmitmock.spring.test;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.junit.StandaloneTransmitMock;
import dev.transmitmock.junit.TransmitApplication;
import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.control.MockClock;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the emulator of an {@link AutoConfigureTransmitMock} declaration for one application
 * context, writes its URLs into that context's {@code Environment} ({@link EmulatorProperties}) and
 * registers it as beans. Equal declarations make equal customizers, so Spring's context cache hands
 * test classes declared alike the same context, and the same emulator; the emulator stops when the
 * context is closed (or fails to start).
 */
final class TransmitMockContextCustomizer implements ContextCustomizer {

  /** Bean names; the types are what tests and the application inject. */
  static final String MOCK_BEAN = "transmitMock";

  static final String SERVER_BEAN = "transmitMockServer";
  static final String CLOCK_BEAN = "transmitMockClock";
  static final String CONNECTION_DETAILS_BEAN = "transmitMockConnectionDetails";
  static final String POST_PROCESSOR_BEAN = "transmitMockEmulatorPostProcessor";

  private final TransmitMockDeclaration declaration;

  /** Names the declaration in messages; not part of equality (another class may share it). */
  private final String where;

  TransmitMockContextCustomizer(TransmitMockDeclaration declaration, String where) {
    this.declaration = requireNonNull(declaration, "declaration must not be null");
    this.where = requireNonNull(where, "where must not be null");
  }

  @Override
  public void customizeContext(
      ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
    refuseClientsNeedingHttps();
    StandaloneTransmitMock mock =
        StandaloneTransmitMock.builder(where)
            .config(declaration.config())
            .issuer(declaration.issuer())
            .region(declaration.region())
            .tokenLifetime(declaration.tokenLifetime())
            .clients(declaration.clients().toArray(TransmitClient[]::new))
            .applications(declaration.applications().toArray(TransmitApplication[]::new))
            .verboseErrors(declaration.verboseErrors())
            .start();
    try {
      closeWithContext(context, mock);
      EmulatorWarmUp.jwks(mock, where);
      EmulatorProperties.addTo(context.getEnvironment(), mock, declaration.registrations(), where);
      registerBeans(context, mock);
    } catch (RuntimeException e) {
      mock.close();
      throw e;
    }
  }

  private void refuseClientsNeedingHttps() {
    for (TransmitClient client : declaration.clients()) {
      if (client.authMethod() == AuthMethod.TLS_CLIENT_AUTH
          || client.authMethod() == AuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH) {
        throw new IllegalStateException(
            where
                + ": @TransmitClient(id = \""
                + client.id()
                + "\", authMethod = "
                + client.authMethod()
                + ") authenticates with a TLS client certificate, which needs HTTPS;"
                + " @AutoConfigureTransmitMock serves plain HTTP only: test that client with"
                + " @TransmitMock(https = true), or declare it with a secret or PRIVATE_KEY_JWT");
      }
    }
  }

  /**
   * As a disposable singleton the emulator stops even when the context fails to refresh (then no
   * close event is published).
   */
  private static void closeWithContext(
      ConfigurableApplicationContext context, StandaloneTransmitMock mock) {
    if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean(MOCK_BEAN + ".lifecycle", mock::close);
    } else {
      context.addApplicationListener(
          event -> {
            if (event instanceof ContextClosedEvent) {
              mock.close();
            }
          });
    }
  }

  private void registerBeans(ConfigurableApplicationContext context, StandaloneTransmitMock mock) {
    ConfigurableListableBeanFactory beans = context.getBeanFactory();
    if (!(beans instanceof BeanDefinitionRegistry registry)) {
      throw new IllegalStateException(
          where
              + ": the application context's bean factory ("
              + beans.getClass().getName()
              + ") accepts no bean definitions; @AutoConfigureTransmitMock needs a"
              + " GenericApplicationContext, as @SpringBootTest and @SpringJUnitConfig create");
    }
    beans.registerSingleton(MOCK_BEAN, mock);
    beans.registerSingleton(SERVER_BEAN, mock.server());
    TransmitMockConnectionDetails details =
        new EmbeddedConnectionDetails(mock, declaration.shareClock());
    beans.registerSingleton(CONNECTION_DETAILS_BEAN, details);
    if (declaration.shareClock()) {
      RootBeanDefinition clock = new RootBeanDefinition(MockClock.class, mock::clock);
      clock.setPrimary(true);
      registry.registerBeanDefinition(CLOCK_BEAN, clock);
    }
    RootBeanDefinition postProcessor =
        new RootBeanDefinition(
            TransmitEmulatorPostProcessor.class,
            () ->
                new TransmitEmulatorPostProcessor(
                    () -> Optional.of(details), context.getEnvironment()));
    postProcessor.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
    registry.registerBeanDefinition(POST_PROCESSOR_BEAN, postProcessor);
  }

  /** The emulator a test class's context holds. */
  static StandaloneTransmitMock emulatorOf(ApplicationContext context) {
    return context.getBean(MOCK_BEAN, StandaloneTransmitMock.class);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TransmitMockContextCustomizer that
        && declaration.equals(that.declaration);
  }

  @Override
  public int hashCode() {
    return declaration.hashCode();
  }

  @Override
  public String toString() {
    return "TransmitMockContextCustomizer[" + declaration + "]";
  }
}
