package dev.transmitmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

  @Test
  void short_options_take_separate_attached_and_equals_values() throws Exception {
    assertThat(CommandLineOptions.parse(new String[] {"-p", "81"}).port()).contains(81);
    assertThat(CommandLineOptions.parse(new String[] {"-p82"}).port()).contains(82);
    assertThat(CommandLineOptions.parse(new String[] {"-p=83"}).port()).contains(83);
    assertThat(CommandLineOptions.parse(new String[] {"-cconf.yaml"}).config())
        .contains(Path.of("conf.yaml"));
  }

  @Test
  void an_option_name_is_never_taken_as_the_previous_options_value() {
    assertThatThrownBy(
            () -> CommandLineOptions.parse(new String[] {"--control-token", "--no-control"}))
        .isInstanceOf(CommandLineOptions.UsageException.class)
        .hasMessage("Missing required parameter for option '--control-token' (TOKEN)");
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--config", "--port", "8080"}))
        .hasMessage("Missing required parameter for option '--config' (FILE)");
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--config", "-p9"}))
        .hasMessage("Missing required parameter for option '--config' (FILE)");
  }

  @Test
  void a_value_that_looks_like_an_option_can_be_given_after_an_equals_sign() throws Exception {
    CommandLineOptions options =
        CommandLineOptions.parse(new String[] {"--control-token=--no-control"});

    assertThat(options.controlToken()).contains("--no-control");
    assertThat(options.noControl()).isFalse();
  }

  @Test
  void a_value_starting_with_a_dash_that_names_no_option_is_a_value() throws Exception {
    assertThat(CommandLineOptions.parse(new String[] {"--port", "-1"}).port()).contains(-1);
  }

  @Test
  void unknown_short_options_are_named_as_given() {
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"-x42"}))
        .hasMessage("Unknown option: '-x42'");
  }

  @Test
  void a_flag_refuses_an_attached_value() {
    assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"-hx"}))
        .hasMessage("option '--help' takes no value");
  }

  @Test
  void to_string_masks_the_control_token() throws Exception {
    CommandLineOptions options =
        CommandLineOptions.parse(new String[] {"--control-token", "s3cret-token", "-p", "0"});

    assertThat(options.toString())
        .doesNotContain("s3cret-token")
        .contains("controlToken=Optional[***]");
  }
}
