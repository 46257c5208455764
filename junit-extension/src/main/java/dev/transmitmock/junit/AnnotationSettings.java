package dev.transmitmock.junit;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.GrantTypes;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.Region;
import dev.transmitmock.server.config.TlsConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Turns a {@link TransmitMock} annotation into {@link ExtensionSettings}, rejecting bad values. */
final class AnnotationSettings {
  private static final String SECRET_SUFFIX = "-secret";

  private AnnotationSettings() {}

  /**
   * The settings of a {@link TransmitMock} and of the {@link TransmitClient}s placed on the class
   * beside it (directly, inherited or through a composed annotation), which join its clients.
   *
   * @throws ExtensionConfigurationException for a bad value, or a client id declared twice
   */
  static ExtensionSettings from(
      TransmitMock annotation, List<TransmitClient> classLevelClients, Class<?> annotated) {
    String where = "@TransmitMock on " + annotated.getName();
    Optional<String> region = nonBlank(annotation.region());
    List<TransmitClient> declared = new ArrayList<>(Arrays.asList(annotation.clients()));
    declared.addAll(classLevelClients);
    DeclaredClients clients = DeclaredClients.of(declared, where);
    return new ExtensionSettings(
        nonBlank(annotation.config()),
        Optional.empty(),
        nonBlank(annotation.issuer()),
        region.map(name -> region(name, where)),
        nonBlank(annotation.tokenLifetime()).map(text -> duration(text, where + ": tokenLifetime")),
        clients.configured(),
        annotation.strict(),
        annotation.shared(),
        annotation.resetBeforeEach(),
        port(annotation.port(), where),
        tls(annotation),
        clients.generated(),
        annotation.verboseErrors(),
        applications(List.of(annotation.applications()), where));
  }

  /** The declared applications, checked. */
  static List<ApplicationConfig> applications(List<TransmitApplication> declared, String where) {
    List<ApplicationConfig> applications = new ArrayList<>();
    for (TransmitApplication application : declared) {
      applications.add(application(application, where));
    }
    return applications;
  }

  private static ApplicationConfig application(TransmitApplication application, String where) {
    String appWhere = where + ": @TransmitApplication(id = \"" + application.id() + "\")";
    try {
      ApplicationConfig.Builder builder =
          ApplicationConfig.builder(application.id().trim()).issuer(application.issuer().trim());
      nonBlank(application.jwksPath()).ifPresent(builder::jwksPath);
      nonBlank(application.globalKeyAcceptedFor())
          .ifPresent(
              text ->
                  builder.globalKeyAcceptedFor(
                      duration(text, appWhere + ": globalKeyAcceptedFor")));
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(appWhere + ": " + e.getMessage());
    }
  }

  /** The declared grant types, checked: Transmit's, and not client credentials for NONE. */
  private static List<String> grantTypes(TransmitClient client, String clientWhere) {
    List<String> grants = Arrays.stream(client.grantTypes()).map(String::trim).toList();
    for (String grant : grants) {
      if (!GrantTypes.isTransmit(grant)) {
        throw new ExtensionConfigurationException(
            clientWhere
                + ": grant type \""
                + grant
                + "\" is not one of Transmit's: "
                + String.join(", ", GrantTypes.TRANSMIT));
      }
    }
    if (client.authMethod() == AuthMethod.NONE && grants.contains(GrantTypes.CLIENT_CREDENTIALS)) {
      throw new ExtensionConfigurationException(
          clientWhere
              + ": a NONE (public) client cannot use client_credentials; remove it from"
              + " grantTypes, or give the client a secret, a key or a certificate");
    }
    return grants;
  }

  static void refuseDuplicateIds(List<TransmitClient> clients, String where) {
    Set<String> seen = new HashSet<>();
    for (TransmitClient client : clients) {
      String id = client.id().trim();
      if (!id.isEmpty() && !seen.add(id)) {
        throw new ExtensionConfigurationException(
            where
                + ": client \""
                + id
                + "\" is declared twice (clients = {...} and @TransmitClient annotations on the"
                + " class count together); keep one declaration");
      }
    }
  }

  private static Optional<TlsConfig> tls(TransmitMock annotation) {
    if (annotation.httpsOnly()) {
      return Optional.of(TlsConfig.builder().httpEnabled(false).build());
    }
    return annotation.https() ? Optional.of(TlsConfig.builder().build()) : Optional.empty();
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

  static GeneratedClient generatedClient(TransmitClient client, String where) {
    String id = requireId(client, where);
    String description =
        "@TransmitClient(id = \"" + client.id() + "\", authMethod = " + client.authMethod() + ")";
    String clientWhere = where + ": " + description;
    if (!client.secret().isEmpty()) {
      throw new ExtensionConfigurationException(
          clientWhere
              + ": a "
              + client.authMethod().wireName()
              + " client has no secret; remove secret, or use authMethod = CLIENT_SECRET_BASIC");
    }
    List<URI> resources = new ArrayList<>();
    for (String resource : client.resources()) {
      resources.add(absoluteUri(resource, clientWhere));
    }
    return new GeneratedClient(
        id,
        client.authMethod(),
        client.type(),
        resources,
        nonBlank(client.lifetime()).map(text -> duration(text, clientWhere + ": lifetime")),
        description,
        nonBlank(client.appId()),
        grantTypes(client, clientWhere));
  }

  private static String requireId(TransmitClient client, String where) {
    String id = client.id().trim();
    if (id.isEmpty()) {
      throw new ExtensionConfigurationException(
          where + ": @TransmitClient needs a non-blank id, e.g. id = \"orders-svc\"");
    }
    return id;
  }

  static ClientConfig client(TransmitClient client, String where) {
    String id = requireId(client, where);
    String clientWhere = where + ": @TransmitClient(id = \"" + client.id() + "\")";
    ClientConfig.Builder builder = ClientConfig.builder(id).type(client.type());
    if (client.authMethod() == AuthMethod.NONE) {
      if (!client.secret().isEmpty()) {
        throw new ExtensionConfigurationException(
            clientWhere + ": a NONE (public) client has no secret; remove secret");
      }
      builder.authentication(ClientAuthConfig.builder(AuthMethod.NONE).build());
    } else {
      builder.secret(client.secret().isEmpty() ? id + SECRET_SUFFIX : client.secret());
    }
    if (client.authMethod() == AuthMethod.CLIENT_SECRET_POST) {
      builder.authentication(ClientAuthConfig.builder(AuthMethod.CLIENT_SECRET_POST).build());
    }
    nonBlank(client.appId()).ifPresent(builder::appId);
    List<String> grants = grantTypes(client, clientWhere);
    if (!grants.isEmpty()) {
      builder.grantTypes(grants);
    }
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
