package dev.transmitmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.testing.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliControlOptionsTest extends InProcessCliTest {
  private int run(Map<String, String> given, String... args) {
    env.putAll(given);
    String[] withPort = new String[args.length + 2];
    withPort[0] = "--port";
    withPort[1] = "0";
    System.arraycopy(args, 0, withPort, 2, args.length);
    return run(withPort);
  }

  private static int status(TransmitMockServer server, String path, String bearer)
      throws Exception {
    TestHttp http = TestHttp.to(server.baseUrl());
    return (bearer == null ? http : http.withBearer(bearer)).get(path).status();
  }

  @Test
  void the_control_api_is_on_by_default_and_the_banner_says_where() throws Exception {
    assertThat(run(Map.of())).isZero();

    assertThat(status(cli.server(), "/_mock/clock", null)).isEqualTo(200);
    assertThat(out.toString()).contains("control API:").contains("/_mock/");
  }

  @Test
  void the_banner_shows_the_console_url_and_the_console_answers_there() throws Exception {
    assertThat(run(Map.of())).isZero();

    String consoleUrl = cli.server().baseUrl() + "/_mock/ui";
    assertThat(out.toString()).contains("  console:         " + consoleUrl + "\n");
    assertThat(status(cli.server(), "/_mock/ui", null)).isEqualTo(200);
  }

  @Test
  void with_a_control_token_the_banner_says_the_console_asks_for_it() throws Exception {
    assertThat(run(Map.of(), "--control-token", "flag-token")).isZero();

    assertThat(out.toString()).contains("/_mock/ui (asks for the token)");
    assertThat(status(cli.server(), "/_mock/ui", null)).isEqualTo(200);
  }

  @Test
  void no_control_turns_the_control_api_off_but_not_health() throws Exception {
    assertThat(run(Map.of(), "--no-control")).isZero();

    assertThat(status(cli.server(), "/_mock/clock", null)).isEqualTo(404);
    assertThat(status(cli.server(), "/_mock/health", null)).isEqualTo(200);
    assertThat(out.toString()).contains("control API:     off").doesNotContain("console:");
    assertThat(status(cli.server(), "/_mock/ui", null)).isEqualTo(404);
  }

  @Test
  void control_enabled_false_in_the_environment_turns_it_off() throws Exception {
    assertThat(run(Map.of("TRANSMIT_MOCK_CONTROL_ENABLED", "false"))).isZero();

    assertThat(status(cli.server(), "/_mock/clock", null)).isEqualTo(404);
  }

  @Test
  void control_token_flag_requires_the_bearer_token() throws Exception {
    assertThat(run(Map.of(), "--control-token", "flag-token")).isZero();

    assertThat(status(cli.server(), "/_mock/clock", null)).isEqualTo(401);
    assertThat(status(cli.server(), "/_mock/clock", "wrong")).isEqualTo(401);
    assertThat(status(cli.server(), "/_mock/clock", "flag-token")).isEqualTo(200);
    assertThat(out.toString()).contains("bearer token required").doesNotContain("flag-token");
  }

  @Test
  void control_token_from_the_environment_requires_the_bearer_token() throws Exception {
    assertThat(run(Map.of("TRANSMIT_MOCK_CONTROL_TOKEN", "env-token"))).isZero();

    assertThat(status(cli.server(), "/_mock/clock", null)).isEqualTo(401);
    assertThat(status(cli.server(), "/_mock/clock", "env-token")).isEqualTo(200);
  }

  @Test
  void the_flag_token_wins_over_the_environment_token() throws Exception {
    assertThat(
            run(
                Map.of("TRANSMIT_MOCK_CONTROL_TOKEN", "env-token"),
                "--control-token",
                "flag-token"))
        .isZero();

    assertThat(status(cli.server(), "/_mock/clock", "env-token")).isEqualTo(401);
    assertThat(status(cli.server(), "/_mock/clock", "flag-token")).isEqualTo(200);
  }

  @Test
  void a_control_enabled_value_other_than_true_or_false_is_a_usage_error() {
    assertThat(run(Map.of("TRANSMIT_MOCK_CONTROL_ENABLED", "maybe"))).isEqualTo(2);

    assertThat(err.toString()).contains("TRANSMIT_MOCK_CONTROL_ENABLED").contains("maybe");
    assertThat(cli.server()).isNull();
  }

  @Test
  void a_control_token_with_the_control_api_off_is_a_usage_error() {
    assertThat(run(Map.of(), "--no-control", "--control-token", "t")).isEqualTo(2);

    assertThat(err.toString()).contains("--control-token").contains("no effect");
    assertThat(cli.server()).isNull();
  }

  @Test
  void a_blank_control_token_is_a_usage_error() {
    assertThat(run(Map.of(), "--control-token", " ")).isEqualTo(2);

    assertThat(err.toString()).contains("--control-token").contains("blank");
  }
}
