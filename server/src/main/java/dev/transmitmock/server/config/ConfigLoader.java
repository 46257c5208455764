package dev.transmitmock.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.ClientAuthenticationRules;
import dev.transmitmock.protocol.ClientFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a {@link MockConfig} from a YAML or JSON document. Every problem is a {@link
 * ConfigException} naming the file and the path inside it; unknown keys are errors with a
 * suggestion, never ignored.
 *
 * <pre>{@code
 * MockConfig config = ConfigLoader.load(Path.of("transmit-mock.yaml"));
 * MockConfig inline = ConfigLoader.parse("issuer: https://eu.userid.security", "inline");
 * }</pre>
 */
public final class ConfigLoader {
  /** Classpath location of the configuration the runnable jar uses when given none. */
  public static final String EMBEDDED_DEFAULT = "/dev/transmitmock/server/default-config.yaml";

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder(new YAMLFactory())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final Set<String> ROOT_KEYS =
      Set.of(
          "issuer",
          "region",
          "tenantId",
          "tokenLifetime",
          "publicBaseUrl",
          "tokenTyp",
          "errorStyle",
          "alwaysIncludeScope",
          "unassignedResourcePolicy",
          "defaultAudience",
          "serviceResources",
          "resources",
          "clients",
          "keys",
          "journalCapacity",
          "maxRequestBodyBytes",
          "tls",
          "verboseErrors",
          "scopes",
          "unknownScopePolicy",
          "metadataWithoutCis",
          "applications");
  private static final Set<String> RESOURCE_KEYS = ClientFields.RESOURCE;
  private static final Set<String> APPLICATION_KEYS = ClientFields.APPLICATION;
  private static final Set<String> CLIENT_KEYS = ClientFields.CLIENT;
  private static final Set<String> TLS_KEYS =
      Set.of(
          "enabled",
          "port",
          "httpEnabled",
          "keyStore",
          "keyStorePassword",
          "certificatePem",
          "privateKeyPem",
          "clientAuth",
          "subjectAltNames",
          "caCertificateOut",
          "clientCaCertificates");
  private static final Set<String> KEY_KEYS =
      Set.of("kid", "algorithm", "pemFile", "pem", "passphrase", "active");

  private ConfigLoader() {}

  /**
   * Loads a YAML or JSON file. A relative {@code pemFile} inside it is resolved against the file's
   * folder.
   */
  public static MockConfig load(Path file) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(source, null, "config file not found");
    } catch (IOException e) {
      throw new ConfigException(source, null, "cannot read config file: " + e.getMessage());
    }
    Path folder = file.toAbsolutePath().getParent();
    return build(read(text, source, folder), source);
  }

  /** Parses YAML or JSON text; {@code sourceName} is used in error messages. */
  public static MockConfig parse(String text, String sourceName) {
    return build(read(text, sourceName, Path.of("")), sourceName);
  }

  /**
   * The configuration the runnable jar uses when given none: one app and one management client.
   * Same as {@link EmbeddedDefaultConfig#config()}; parses nothing.
   */
  public static MockConfig embeddedDefault() {
    return EmbeddedDefaultConfig.config();
  }

  /**
   * The text of the embedded default configuration: the YAML form of {@link
   * EmbeddedDefaultConfig#config()}.
   */
  public static String embeddedDefaultText() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(EMBEDDED_DEFAULT)) {
      if (in == null) {
        throw new IllegalStateException("embedded default config missing: " + EMBEDDED_DEFAULT);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read embedded default config", e);
    }
  }

  /**
   * Reads one client, shaped like an entry of {@code clients} in a config file (used by the control
   * API to register clients at runtime).
   *
   * @throws ConfigException naming the field at fault
   */
  public static ClientConfig client(JsonNode node) {
    try {
      return toClient(new ConfigNode(node, ""));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ConfigException.at(null, e.getMessage());
    }
  }

  /**
   * Reads one resource, shaped like an entry of {@code resources} in a config file.
   *
   * @throws ConfigException naming the field at fault
   */
  public static ResourceConfig resource(JsonNode node) {
    return toResource(new ConfigNode(node, ""));
  }

  private static MockConfig build(MockConfig.Builder builder, String source) {
    try {
      return builder.build();
    } catch (ConfigException e) {
      throw e.withSource(source);
    }
  }

  /** Parses a document into a builder, so that environment overrides can still be applied. */
  static MockConfig.Builder read(String text, String source, Path folder) {
    try {
      JsonNode root;
      try {
        root = MAPPER.readTree(text);
      } catch (JacksonException e) {
        throw new ConfigException(source, location(e), "not valid YAML or JSON: " + reason(e));
      }
      if (root == null || root.isMissingNode() || root.isNull()) {
        return MockConfig.builder();
      }
      return toBuilder(new ConfigNode(root, ""), folder);
    } catch (ConfigException e) {
      throw e.withSource(source);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ConfigException(source, null, e.getMessage());
    }
  }

  private static MockConfig.Builder toBuilder(ConfigNode root, Path folder) {
    root.requireObject(ROOT_KEYS);
    MockConfig.Builder builder = MockConfig.builder();
    if (root.has("region")) {
      builder.region(parseRegion(root.get("region")));
    }
    root.text("issuer")
        .ifPresent(
            issuer -> builder.issuer(ConfigNode.parseAbsoluteUri("issuer", issuer).toString()));
    root.text("tenantId").ifPresent(builder::tenantId);
    root.duration("tokenLifetime").ifPresent(builder::tokenLifetime);
    root.uri("publicBaseUrl").ifPresent(builder::publicBaseUrl);
    root.choice("tokenTyp", choices(TokenTyp.values(), TokenTyp::configName))
        .ifPresent(builder::tokenTyp);
    root.choice("errorStyle", choices(ErrorStyle.values(), ErrorStyle::configName))
        .ifPresent(builder::errorStyle);
    root.bool("alwaysIncludeScope").ifPresent(builder::alwaysIncludeScope);
    root.choice(
            "unassignedResourcePolicy",
            choices(UnassignedResourcePolicy.values(), UnassignedResourcePolicy::configName))
        .ifPresent(builder::unassignedResourcePolicy);
    root.text("defaultAudience").ifPresent(builder::defaultAudience);
    if (root.has("serviceResources")) {
      builder.serviceResources(
          root.list("serviceResources").stream().map(ConfigNode::asAbsoluteUri).toList());
    }
    root.integer("journalCapacity").ifPresent(builder::journalCapacity);
    root.integer("maxRequestBodyBytes").ifPresent(builder::maxRequestBodyBytes);
    root.bool("verboseErrors").ifPresent(builder::verboseErrors);
    if (root.has("scopes")) {
      builder.scopes(root.list("scopes").stream().map(ConfigNode::asText).toList());
    }
    root.choice(
            "unknownScopePolicy",
            choices(UnknownScopePolicy.values(), UnknownScopePolicy::configName))
        .ifPresent(builder::unknownScopePolicy);
    root.bool("metadataWithoutCis").ifPresent(builder::metadataWithoutCis);
    for (ConfigNode application : root.list("applications")) {
      builder.application(toApplication(application, folder));
    }

    for (ConfigNode resource : root.list("resources")) {
      builder.resource(toResource(resource));
    }
    for (ConfigNode client : root.list("clients")) {
      builder.client(toClient(client));
    }
    for (ConfigNode key : root.list("keys")) {
      builder.key(toKey(key, folder));
    }
    if (root.has("tls")) {
      builder.tls(toTls(root.get("tls"), folder));
    }
    return builder;
  }

  private static Region parseRegion(ConfigNode node) {
    String value = node.asText();
    return Region.parse(value)
        .orElseThrow(
            () ->
                node.error(
                    "'"
                        + value
                        + "' is not one of "
                        + Arrays.stream(Region.values())
                            .map(Enum::name)
                            .collect(Collectors.joining(", "))));
  }

  private static ResourceConfig toResource(ConfigNode resource) {
    resource.requireObject(RESOURCE_KEYS);
    if (!resource.has("uri")) {
      String path = resource.path();
      throw ConfigException.at(path.isEmpty() ? "uri" : path + ".uri", "is required");
    }
    ResourceConfig.Builder r = ResourceConfig.builder(resource.get("uri").asAbsoluteUri());
    resource.duration("tokenLifetime").ifPresent(r::tokenLifetime);
    resource.list("scopes").forEach(scope -> r.scopes(scope.asText()));
    try {
      return r.build();
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(child(resource, "scopes"), e.getMessage());
    }
  }

  private static ClientConfig toClient(ConfigNode client) {
    client.requireObject(CLIENT_KEYS);
    ClientConfig.Builder builder =
        ClientConfig.builder(client.requiredText(ClientFields.CLIENT_ID));
    AuthMethod method =
        client
            .choice(ClientFields.TOKEN_ENDPOINT_AUTH_METHOD, authMethods())
            .orElse(AuthMethod.CLIENT_SECRET_BASIC);
    if (method.usesSecret()) {
      builder.secret(client.requiredText(ClientFields.CLIENT_SECRET));
    } else if (client.has(ClientFields.CLIENT_SECRET)) {
      throw ConfigException.at(
          child(client, ClientFields.CLIENT_SECRET),
          ClientAuthenticationRules.secretProblem(method, true).orElseThrow());
    }
    builder.authentication(toAuthentication(client, method));
    client
        .choice(ClientFields.TYPE, choices(ClientType.values(), ClientType::configName))
        .ifPresent(builder::type);
    client.text(ClientFields.APP_ID).ifPresent(builder::appId);
    client.text(ClientFields.APP_NAME).ifPresent(builder::appName);
    client
        .list(ClientFields.RESOURCES)
        .forEach(r -> builder.resources(java.util.List.of(r.asAbsoluteUri())));
    client.list(ClientFields.SCOPES).forEach(s -> builder.scopes(s.asText()));
    client.duration(ClientFields.TOKEN_LIFETIME).ifPresent(builder::tokenLifetime);
    builder.claims(client.plainObject(ClientFields.CLAIMS));
    if (client.has(ClientFields.GRANT_TYPES)) {
      builder.grantTypes(
          client.list(ClientFields.GRANT_TYPES).stream().map(ConfigNode::asText).toList());
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(child(client, ClientFields.GRANT_TYPES), e.getMessage());
    }
  }

  private static Map<String, AuthMethod> authMethods() {
    Map<String, AuthMethod> map = new LinkedHashMap<>();
    for (AuthMethod method : AuthMethod.values()) {
      map.put(method.wireName(), method);
    }
    return map;
  }

  private static ApplicationConfig toApplication(ConfigNode application, Path folder) {
    application.requireObject(APPLICATION_KEYS);
    ApplicationConfig.Builder builder =
        ApplicationConfig.builder(application.requiredText("appId"));
    builder.issuer(application.requiredText("issuer"));
    application.text("jwksPath").ifPresent(builder::jwksPath);
    application.duration("globalKeyAcceptedFor").ifPresent(builder::globalKeyAcceptedFor);
    for (ConfigNode key : application.list("keys")) {
      builder.key(toKey(key, folder));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      // The message starts with the field at fault ("jwksPath: ...", "appId '...' must ...").
      String message = e.getMessage();
      String field =
          APPLICATION_KEYS.stream().filter(message::startsWith).findFirst().orElse("appId");
      String reason =
          message.startsWith(field + ": ") ? message.substring(field.length() + 2) : message;
      throw ConfigException.at(child(application, field), reason);
    }
  }

  private static ClientAuthConfig toAuthentication(ConfigNode client, AuthMethod method) {
    ClientAuthConfig.Builder auth = ClientAuthConfig.builder(method);
    client.json(ClientFields.JWKS).ifPresent(auth::jwks);
    client.uri(ClientFields.JWKS_URI).ifPresent(auth::jwksUri);
    client.text(ClientFields.PUBLIC_KEY_PEM).ifPresent(auth::publicKeyPem);
    client.text(ClientFields.TLS_CLIENT_AUTH_SUBJECT_DN).ifPresent(auth::tlsClientAuthSubjectDn);
    client.text(ClientFields.TLS_CLIENT_AUTH_SAN_DNS).ifPresent(auth::tlsClientAuthSanDns);
    client.text(ClientFields.TLS_CLIENT_AUTH_SAN_URI).ifPresent(auth::tlsClientAuthSanUri);
    client.text(ClientFields.TLS_CLIENT_AUTH_SAN_IP).ifPresent(auth::tlsClientAuthSanIp);
    client.text(ClientFields.TLS_CLIENT_AUTH_SAN_EMAIL).ifPresent(auth::tlsClientAuthSanEmail);
    client
        .list(ClientFields.CERTIFICATE_THUMBPRINTS)
        .forEach(t -> auth.certificateThumbprint(t.asText()));
    client
        .bool(ClientFields.CERTIFICATE_BOUND_ACCESS_TOKENS)
        .ifPresent(auth::certificateBoundAccessTokens);
    ClientAuthConfig built;
    try {
      built = auth.build();
      ClientKeyMaterial.check(built);
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(
          child(client, ClientFields.TOKEN_ENDPOINT_AUTH_METHOD), e.getMessage());
    }
    return built;
  }

  private static String child(ConfigNode node, String key) {
    return node.path().isEmpty() ? key : node.path() + "." + key;
  }

  private static TlsConfig toTls(ConfigNode tls, Path folder) {
    tls.requireObject(TLS_KEYS);
    TlsConfig.Builder builder = TlsConfig.builder();
    tls.bool("enabled").ifPresent(builder::enabled);
    tls.integer("port").ifPresent(builder::port);
    tls.bool("httpEnabled").ifPresent(builder::httpEnabled);
    if (tls.has("keyStore")) {
      builder.keyStore(
          folder.resolve(tls.get("keyStore").asText()), tls.text("keyStorePassword").orElse(""));
    } else if (tls.has("keyStorePassword")) {
      throw ConfigException.at(child(tls, "keyStorePassword"), "needs keyStore");
    }
    tls.text("certificatePem")
        .ifPresent(pem -> builder.certificatePem(pemOrFile(tls, "certificatePem", pem, folder)));
    tls.text("privateKeyPem")
        .ifPresent(pem -> builder.privateKeyPem(pemOrFile(tls, "privateKeyPem", pem, folder)));
    tls.choice("clientAuth", choices(ClientAuthMode.values(), ClientAuthMode::configName))
        .ifPresent(builder::clientAuth);
    tls.list("subjectAltNames").forEach(name -> builder.subjectAltName(name.asText()));
    tls.text("caCertificateOut").ifPresent(file -> builder.caCertificateOut(folder.resolve(file)));
    for (ConfigNode ca : tls.list("clientCaCertificates")) {
      builder.clientCaCertificatesPem(certificatesPem(ca, folder));
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(tls.path(), e.getMessage().replaceFirst("^tls(\\.port)?: ", ""));
    }
  }

  /** CA certificates: PEM text, or a PEM file (relative to the config file's folder). */
  private static String certificatesPem(ConfigNode item, Path folder) {
    String value = item.asText();
    String pem;
    if (value.contains("-----BEGIN")) {
      pem = value;
    } else {
      Path file = folder.resolve(value.trim());
      try {
        pem = Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw ConfigException.at(item.path(), "neither PEM text nor a readable PEM file: " + file);
      }
    }
    try {
      if (PemCertificates.read(pem).isEmpty()) {
        throw ConfigException.at(item.path(), "no PEM certificate found");
      }
    } catch (IllegalArgumentException e) {
      throw ConfigException.at(item.path(), "not a readable PEM certificate");
    }
    return pem;
  }

  /** PEM text as is, or the PEM file it names (relative to the config file's folder). */
  private static String pemOrFile(ConfigNode node, String key, String value, Path folder) {
    if (value.contains("-----BEGIN")) {
      return value;
    }
    Path file = folder.resolve(value.trim());
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw ConfigException.at(
          child(node, key), "neither PEM text nor a readable PEM file: " + file);
    }
  }

  private static KeyConfig toKey(ConfigNode key, Path folder) {
    key.requireObject(KEY_KEYS);
    KeyConfig.Builder builder = KeyConfig.builder();
    key.text("kid").ifPresent(builder::kid);
    key.choice("algorithm", choices(SigningAlgorithm.values(), SigningAlgorithm::name))
        .ifPresent(builder::algorithm);
    if (key.has("pemFile") && key.has("pem")) {
      throw key.error("give either pemFile or pem, not both");
    }
    key.text("pemFile").ifPresent(file -> builder.pemFile(folder.resolve(file)));
    key.text("pem").ifPresent(builder::pem);
    key.text("passphrase").ifPresent(builder::passphrase);
    key.bool("active").ifPresent(builder::active);
    return builder.build();
  }

  private static <E extends Enum<E>> Map<String, E> choices(
      E[] values, java.util.function.Function<E, String> name) {
    Map<String, E> map = new LinkedHashMap<>();
    for (E value : values) {
      map.put(name.apply(value), value);
    }
    return map;
  }

  private static String location(JacksonException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return null;
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String reason(JacksonException e) {
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
