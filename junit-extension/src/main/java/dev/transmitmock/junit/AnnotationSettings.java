package dev.transmitmock.junit;

import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.Region;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Turns a {@link TransmitMock} annotation into {@link ExtensionSettings}, rejecting bad values. */
final class AnnotationSettings {
  private static final String SECRET_SUFFIX = "-secret";

  private AnnotationSettings() {}

  static ExtensionSettings from(TransmitMock annotation, Class<?> annotated) {
    String where = "@TransmitMock on " + annotated.getName();
    Optional<String> region = nonBlank(annotation.region());
    List<ClientConfig> clients = new ArrayList<>();
    for (TransmitClient client : annotation.clients()) {
      clients.add(client(client, where));
    }
    return new ExtensionSettings(
        nonBlank(annotation.config()),
        Optional.empty(),
        nonBlank(annotation.issuer()),
        region.map(name -> region(name, where)),
        nonBlank(annotation.tokenLifetime()).map(text -> duration(text, where + ": tokenLifetime")),
        clients,
        annotation.strict(),
        annotation.shared(),
        annotation.resetBeforeEach(),
        port(annotation.port(), where));
  }

  static Region region(String name, String where) {
    return Region.parse(name)
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    where
                        + ": unknown region \""
                        + name
                        + "\"; use one of "
                        + Arrays.stream(Region.values())
                            .map(Region::name)
                            .collect(Collectors.joining(", "))
                        + ", or set issuer instead"));
  }

  static Duration duration(String text, String where) {
    try {
      Duration parsed = Duration.parse(text.trim());
      if (parsed.isNegative()) {
        throw new ExtensionConfigurationException(
            where + ": \"" + text + "\" is negative; give a lifetime of zero or more");
      }
      return parsed;
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException(
          where
              + ": \""
              + text
              + "\" is not an ISO-8601 duration; write e.g. \"PT5M\" for five minutes or"
              + " \"PT1H\" for an hour");
    }
  }

  static int port(int port, String where) {
    if (port < 0 || port > 65_535) {
      throw new ExtensionConfigurationException(
          where + ": port " + port + " is out of range; use 0 for a free port");
    }
    return port;
  }

  private static ClientConfig client(TransmitClient client, String where) {
    String id = client.id().trim();
    String clientWhere = where + ": @TransmitClient(id = \"" + client.id() + "\")";
    if (id.isEmpty()) {
      throw new ExtensionConfigurationException(
          where + ": @TransmitClient needs a non-blank id, e.g. id = \"orders-svc\"");
    }
    ClientConfig.Builder builder =
        ClientConfig.builder(id)
            .secret(client.secret().isEmpty() ? id + SECRET_SUFFIX : client.secret())
            .type(client.type());
    for (String resource : client.resources()) {
      builder.resources(List.of(absoluteUri(resource, clientWhere)));
    }
    nonBlank(client.lifetime())
        .ifPresent(text -> builder.tokenLifetime(duration(text, clientWhere + ": lifetime")));
    return builder.build();
  }

  static URI absoluteUri(String text, String where) {
    try {
      URI uri = new URI(text.trim());
      if (uri.isAbsolute()) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with what to write instead
    }
    throw new ExtensionConfigurationException(
        where
            + ": resource \""
            + text
            + "\" is not an absolute URI; write e.g. \"https://api.orders.example\"");
  }

  private static Optional<String> nonBlank(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }
}
