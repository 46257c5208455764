package dev.transmitmock.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.spring.apps.orders.OrdersApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Mistakes fail the test class with a message that says what to change. */
class MisuseTest {

  @Test
  void transmit_mock_next_to_auto_configure_transmit_mock_is_refused() {
    assertThat(FixtureRuns.failureMessages(FixtureRuns.run(TwoEmulators.class)))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("has both @TransmitMock and @AutoConfigureTransmitMock")
                    .contains("remove @TransmitMock"));
  }

  @Test
  void a_class_level_transmit_client_is_refused_with_where_spring_tests_declare_clients() {
    assertThat(FixtureRuns.failureMessages(FixtureRuns.run(ClassLevelClient.class)))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("@TransmitClient(id = \"orders-svc\")")
                    .contains("@AutoConfigureTransmitMock, put it in that annotation's clients"));
  }

  @Test
  void a_decoder_for_another_issuer_than_the_emulators_fails_the_context_naming_both() {
    assertThat(FixtureRuns.failureMessages(FixtureRuns.run(EmulatorInAnotherRegion.class)))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("accepts tokens of the issuer https://userid.security")
                    .contains("the emulator issues https://eu.userid.security")
                    .contains("region"));
  }

  @Test
  void a_registration_of_an_unknown_client_names_the_clients_there_are() {
    assertThat(FixtureRuns.failureMessages(FixtureRuns.run(RegistrationOfAnUnknownClient.class)))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains(
                        "@AutoConfigureTransmitMock on "
                            + RegistrationOfAnUnknownClient.class.getName())
                    .contains("clientId = \"nobody\"")
                    .contains("demo-app"));
  }

  @Test
  void a_client_that_needs_https_is_refused_with_what_to_use_instead() {
    assertThat(FixtureRuns.failureMessages(FixtureRuns.run(ClientNeedingHttps.class)))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("authMethod = TLS_CLIENT_AUTH")
                    .contains("@TransmitMock(https = true)"));
  }

  @Test
  void a_bad_token_lifetime_names_the_annotation_and_shows_the_format() {
    assertThat(FixtureRuns.failureMessages(FixtureRuns.run(BadTokenLifetime.class)))
        .anySatisfy(
            message ->
                assertThat(message)
                    .startsWith("@AutoConfigureTransmitMock on " + BadTokenLifetime.class.getName())
                    .contains("PT5M"));
  }

  @Test
  void the_annotation_on_a_test_without_spring_is_refused_instead_of_ignored() {
    assertThat(FixtureRuns.failureMessages(FixtureRuns.run(NoSpringContext.class)))
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("has none: add @SpringBootTest")
                    .contains("without Spring use @TransmitMock"));
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock
  @TransmitClient(id = "orders-svc")
  static class ClassLevelClient {
    @Test
    void never_runs() {}
  }

  @AutoConfigureTransmitMock
  static class NoSpringContext {
    @Test
    void never_runs() {}
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @TransmitMock
  @AutoConfigureTransmitMock
  static class TwoEmulators {
    @Test
    void never_runs() {}
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock(region = "EU")
  static class EmulatorInAnotherRegion {
    @Test
    void never_runs() {}
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock(
      registrations = @TransmitRegistration(registrationId = "inventory", clientId = "nobody"))
  static class RegistrationOfAnUnknownClient {
    @Test
    void never_runs() {}
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock(
      clients = @TransmitClient(id = "payments-svc", authMethod = AuthMethod.TLS_CLIENT_AUTH))
  static class ClientNeedingHttps {
    @Test
    void never_runs() {}
  }

  @SpringBootTest(classes = OrdersApplication.class)
  @AutoConfigureTransmitMock(tokenLifetime = "five minutes")
  static class BadTokenLifetime {
    @Test
    void never_runs() {}
  }
}
