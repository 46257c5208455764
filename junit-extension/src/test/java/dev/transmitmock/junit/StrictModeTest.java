package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class StrictModeTest {

  @Test
  void fails_a_test_whose_token_request_was_rejected_naming_the_reason() {
    EngineExecutionResults results = Fixtures.run(WrongSecretFixture.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable failure = Fixtures.onlyFailure(results);
    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("strict mode")
        .hasMessageContaining("client=demo-app")
        .hasMessageContaining("invalid_client")
        .hasMessageContaining("Fix the client id, secret or resource");
  }

  @Test
  void names_the_detail_the_wire_leaves_out() {
    Throwable failure = Fixtures.onlyFailure(Fixtures.run(WrongSecretFixture.class));

    assertThat(failure)
        .hasMessageContaining("(client authentication failed) detail: invalid secret provided");
  }

  @Test
  void names_an_unknown_resource_as_the_reason() {
    Throwable failure = Fixtures.onlyFailure(Fixtures.run(UnknownResourceFixture.class));

    assertThat(failure)
        .hasMessageContaining("resource=https://api.unknown.example")
        .hasMessageContaining("invalid_target");
  }

  @Test
  void never_prints_the_secret_the_test_sent() {
    Throwable failure = Fixtures.onlyFailure(Fixtures.run(WrongSecretFixture.class));

    assertThat(failure.getMessage()).doesNotContain(WrongSecretFixture.WRONG_SECRET);
  }

  @Test
  void passes_tests_whose_token_requests_all_succeeded() {
    Fixtures.run(SucceedingFixture.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void only_blames_the_test_that_made_the_rejected_request() {
    Fixtures.run(MixedFixture.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
  }

  @Test
  void lets_a_test_clear_rejections_it_provoked_on_purpose() {
    Fixtures.run(ClearedFixture.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void does_nothing_when_strict_mode_is_off() {
    Fixtures.run(LenientFixture.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @TransmitMock(strict = true)
  static class WrongSecretFixture {
    static final String WRONG_SECRET = "s3cr3t-that-must-not-leak";

    @Test
    void requests_a_token_with_a_wrong_secret(TransmitMockHandle mock) {
      TestHttp.to(mock.tokenEndpoint()).token("demo-app", WRONG_SECRET);
    }
  }

  @TransmitMock(strict = true)
  static class UnknownResourceFixture {
    @Test
    void requests_a_token_for_an_unknown_resource(TransmitMockHandle mock) {
      TestHttp.to(mock.tokenEndpoint())
          .token("demo-app", "demo-app-secret", "https://api.unknown.example");
    }
  }

  @TransmitMock(strict = true)
  static class SucceedingFixture {
    @Test
    void requests_a_token_correctly(TransmitMockHandle mock) {
      TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret");
    }
  }

  static class MixedFixture {
    @RegisterExtension
    static TransmitMockExtension mock = TransmitMockExtension.builder().strict(true).build();

    @Test
    void good() {
      TestHttp.to(mock.tokenEndpoint()).token("demo-app", "demo-app-secret");
    }

    @Test
    void bad() {
      TestHttp.to(mock.tokenEndpoint()).token("demo-app", "nope");
    }
  }

  @TransmitMock(strict = true)
  static class ClearedFixture {
    @Test
    void provokes_a_rejection_and_clears_it(TransmitMockHandle mock) {
      assertThat(TestHttp.to(mock.tokenEndpoint()).token("demo-app", "nope").status())
          .isEqualTo(401);
      mock.journal().assertRejected("demo-app", "invalid_client").clear();
    }
  }

  @TransmitMock
  static class LenientFixture {
    @Test
    void requests_a_token_with_a_wrong_secret(TransmitMockHandle mock) {
      TestHttp.to(mock.tokenEndpoint()).token("demo-app", "nope");
    }
  }
}
