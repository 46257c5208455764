package dev.transmitmock.spring.test;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Points the application at an emulator described by a {@link TransmitMockConnectionDetails} bean
 * that {@code @ServiceConnection} registered for a {@code TransmitMockContainer}. Without such a
 * bean (production) it adds nothing; {@link AutoConfigureTransmitMock} registers its own.
 */
@AutoConfiguration
@ConditionalOnBean(TransmitMockConnectionDetails.class)
public class TransmitMockConnectionAutoConfiguration {

  /** Re-points {@code TransmitJwtDecoder} beans and Transmit client registrations. */
  @Bean
  @ConditionalOnMissingBean(TransmitEmulatorPostProcessor.class)
  static TransmitEmulatorPostProcessor transmitMockEmulatorPostProcessor(
      ObjectProvider<TransmitMockConnectionDetails> emulator, Environment environment) {
    return new TransmitEmulatorPostProcessor(
        () -> Optional.ofNullable(emulator.getIfAvailable()), environment);
  }
}
