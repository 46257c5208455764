package dev.transmitmock.examples.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test takes from {@code compose.yaml}, so that the containers it starts are the ones the
 * file describes: the emulator's service name (its network alias), environment and mounted config
 * file, and the consumer's entrypoint and script.
 */
record ComposeFile(
    String emulatorService,
    Map<String, String> emulatorEnvironment,
    Path configSource,
    String configTarget,
    List<String> consumerEntrypoint,
    String consumerScript) {

  static final String EMULATOR = "transmit-mock";
  static final String CONSUMER = "consumer";

  static ComposeFile read(Path file) throws IOException {
    JsonNode services =
        new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("services");
    JsonNode emulator = required(services, EMULATOR, file);
    JsonNode consumer = required(services, CONSUMER, file);

    Map<String, String> environment = new LinkedHashMap<>();
    emulator
        .path("environment")
        .fields()
        .forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));

    String[] volume = emulator.path("volumes").path(0).asText().split(":");
    if (volume.length < 2) {
      throw new IllegalStateException(
          file + ": services.transmit-mock.volumes[0] is not SOURCE:TARGET");
    }
    List<String> entrypoint = new ArrayList<>();
    consumer.path("entrypoint").forEach(part -> entrypoint.add(part.asText()));
    if (!consumer
        .path("depends_on")
        .path(EMULATOR)
        .path("condition")
        .asText()
        .equals("service_healthy")) {
      throw new IllegalStateException(file + ": the consumer should wait for a healthy emulator");
    }
    return new ComposeFile(
        EMULATOR,
        environment,
        file.getParent().resolve(volume[0]).normalize(),
        volume[1],
        entrypoint,
        // compose reads "$$" as a literal "$"
        consumer.path("command").path(0).asText().replace("$$", "$"));
  }

  private static JsonNode required(JsonNode services, String name, Path file) {
    JsonNode service = services.path(name);
    if (service.isMissingNode()) {
      throw new IllegalStateException(file + ": no service '" + name + "'");
    }
    return service;
  }
}
