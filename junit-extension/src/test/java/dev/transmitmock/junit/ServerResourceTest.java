package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fallback that stops a run-wide server at JVM exit on JUnit versions that would not. */
class ServerResourceTest {

  private static ServerResource start() {
    ClassLoader loader = ServerResourceTest.class.getClassLoader();
    return ServerResource.start(
        ExtensionSettings.DEFAULTS, new ConfigAssembler(loader, "test"), "test");
  }

  @Test
  void the_exit_hook_stops_a_server_nobody_closed() {
    ServerResource resource = start();
    resource.closeAtJvmExit();
    Thread hook = resource.exitHook().orElseThrow();

    hook.run(); // what the JVM does at exit

    assertThat(resource.server().isRunning()).isFalse();
    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
  }

  @Test
  void closing_the_server_first_unregisters_its_exit_hook() {
    ServerResource resource = start();
    resource.closeAtJvmExit();
    Thread hook = resource.exitHook().orElseThrow();

    resource.close();

    assertThat(resource.exitHook()).isEmpty();
    assertThat(Runtime.getRuntime().removeShutdownHook(hook)).isFalse();
  }

  @Test
  void closing_twice_is_harmless() {
    ServerResource resource = start();

    resource.close();
    resource.close();

    assertThat(resource.isClosed()).isTrue();
    assertThat(resource.server().isRunning()).isFalse();
  }
}
