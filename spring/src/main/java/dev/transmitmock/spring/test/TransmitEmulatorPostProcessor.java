package dev.transmitmock.spring.test;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.spring.TransmitJwtDecoder;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Points the application at the emulator of {@link TransmitMockConnectionDetails}: each {@link
 * TransmitJwtDecoder} bean is rebuilt with the emulator's JWKS (and clock, when shared), keeping
 * its issuer, audience and skew; the OAuth2 client registrations that get tokens from Transmit get
 * the emulator's token endpoint ({@link ClientRegistrationRedirect}).
 *
 * <p>The issuer is checked, not replaced: a decoder expecting another issuer than the emulator's
 * fails the context start, so the test proves the issuer production will see.
 */
final class TransmitEmulatorPostProcessor implements BeanPostProcessor {

  private static final String CLIENT_REGISTRATIONS =
      "org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository";

  private final Supplier<Optional<TransmitMockConnectionDetails>> emulator;
  private final Environment environment;
  private final boolean clientsPresent;

  TransmitEmulatorPostProcessor(
      Supplier<Optional<TransmitMockConnectionDetails>> emulator, Environment environment) {
    this.emulator = requireNonNull(emulator, "emulator must not be null");
    this.environment = requireNonNull(environment, "environment must not be null");
    this.clientsPresent =
        ClassUtils.isPresent(
            CLIENT_REGISTRATIONS, TransmitEmulatorPostProcessor.class.getClassLoader());
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    if (bean instanceof TransmitJwtDecoder decoder) {
      return emulator.get().map(details -> redirect(decoder, beanName, details)).orElse(decoder);
    }
    if (clientsPresent && ClientRegistrationRedirect.applies(bean)) {
      return emulator
          .get()
          .map(details -> ClientRegistrationRedirect.redirect(bean, details, environment))
          .orElse(bean);
    }
    return bean;
  }

  private static TransmitJwtDecoder redirect(
      TransmitJwtDecoder decoder, String beanName, TransmitMockConnectionDetails details) {
    if (!decoder.issuer().equals(details.issuer())) {
      throw new BeanCreationException(
          beanName,
          "the TransmitJwtDecoder accepts tokens of the issuer "
              + decoder.issuer()
              + ", but the emulator issues "
              + details.issuer()
              + "; start the emulator for the issuer production expects"
              + " (@AutoConfigureTransmitMock(region = ...) or issuer = ..., or the container's"
              + " withIssuer(...)), or build the decoder for the emulator's");
    }
    TransmitJwtDecoder.Builder redirected = decoder.toBuilder().jwksUri(details.jwksUri());
    details.clock().ifPresent(redirected::clock);
    return redirected.build();
  }
}
