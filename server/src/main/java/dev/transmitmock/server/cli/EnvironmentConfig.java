package dev.transmitmock.server.cli;

import static dev.transmitmock.protocol.EnvironmentVariables.*;

import dev.transmitmock.server.config.ClientAuthMode;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.ConfigNode;
import dev.transmitmock.server.config.EmbeddedDefaultConfig;
import dev.transmitmock.server.config.ErrorStyle;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.Region;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.config.TokenTyp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the effective configuration of the runnable jar and the Docker image from a config file
 * (flag or {@code TRANSMIT_MOCK_CONFIG}), inline text ({@code TRANSMIT_MOCK_CONFIG_INLINE}) or the
 * embedded default, then applies the scalar {@code TRANSMIT_MOCK_*} overrides. An unknown {@code
 * TRANSMIT_MOCK_*} variable is an error: nothing configured is silently ignored. The names are
 * {@link dev.transmitmock.protocol.EnvironmentVariables}.
 *
 * <pre>{@code
 * MockConfig config = EnvironmentConfig.resolve(Optional.empty(), System.getenv());
 * }</pre>
 */
public final class EnvironmentConfig {
  private EnvironmentConfig() {}

  /**
   * The effective configuration.
   *
   * @param configFile a config file given on the command line; wins over the environment
   * @param env the environment (normally {@link System#getenv()})
   * @throws ConfigException naming the file or variable at fault
   */
  public static MockConfig resolve(Optional<Path> configFile, Map<String, String> env) {
    checkNoUnknownVariables(env);
    Optional<Path> file = configFile.or(() -> value(env, CONFIG).map(Path::of));
    Optional<String> inline = value(env, CONFIG_INLINE);
    if (file.isPresent() && inline.isPresent() && configFile.isEmpty()) {
      throw new ConfigException(
          CONFIG_INLINE, null, "set either " + CONFIG + " or " + CONFIG_INLINE + ", not both");
    }
    MockConfig base;
    if (file.isPresent()) {
      base = ConfigLoader.load(file.get());
    } else if (inline.isPresent()) {
      base = ConfigLoader.parse(inline.get(), CONFIG_INLINE);
    } else {
      base = EmbeddedDefaultConfig.config();
    }
    return applyOverrides(base, env);
  }

  /** Applies the scalar {@code TRANSMIT_MOCK_*} overrides to a configuration. */
  public static MockConfig applyOverrides(MockConfig base, Map<String, String> env) {
    MockConfig.Builder builder = base.toBuilder();
    Optional<Region> region =
        value(env, REGION)
            .map(
                name ->
                    Region.parse(name)
                        .orElseThrow(
                            () ->
                                new ConfigException(
                                    REGION,
                                    null,
                                    "'"
                                        + name
                                        + "' is not one of "
                                        + Arrays.stream(Region.values())
                                            .map(Enum::name)
                                            .collect(Collectors.joining(", ")))));
    Optional<String> issuer = value(env, ISSUER);
    if (issuer.isPresent()) {
      builder.issuer(
          attributed(ISSUER, () -> ConfigNode.parseAbsoluteUri(null, issuer.get())).toString());
    } else if (region.isPresent()) {
      builder.issuer(region.get().issuer());
    }
    value(env, TENANT_ID).ifPresent(builder::tenantId);
    value(env, TOKEN_LIFETIME)
        .ifPresent(
            text ->
                builder.tokenLifetime(
                    attributed(TOKEN_LIFETIME, () -> ConfigNode.parseDuration(null, text))));
    value(env, PUBLIC_BASE_URL)
        .ifPresent(
            text ->
                builder.publicBaseUrl(
                    attributed(PUBLIC_BASE_URL, () -> ConfigNode.parseAbsoluteUri(null, text))));
    value(env, TOKEN_TYP)
        .ifPresent(text -> builder.tokenTyp(choose(TOKEN_TYP, text, TokenTyp.values())));
    value(env, ERROR_STYLE)
        .ifPresent(text -> builder.errorStyle(choose(ERROR_STYLE, text, ErrorStyle.values())));
    bool(env, VERBOSE_ERRORS).ifPresent(builder::verboseErrors);
    builder.tls(tlsOverrides(base.tls(), env));
    try {
      return builder.build();
    } catch (ConfigException e) {
      throw e.withSource("environment");
    }
  }

  private static TlsConfig tlsOverrides(TlsConfig base, Map<String, String> env) {
    boolean touched =
        env.keySet().stream().anyMatch(name -> name.startsWith(PREFIX + "TLS_"))
            || env.containsKey(HTTPS_PORT)
            || env.containsKey(HTTP_ENABLED);
    if (!touched) {
      return base;
    }
    TlsConfig.Builder tls = base.toBuilder();
    value(env, HTTPS_PORT)
        .ifPresent(
            text -> {
              tls.enabled(true).port(port(HTTPS_PORT, text));
            });
    Optional<Boolean> enabled = bool(env, TLS_ENABLED);
    enabled.ifPresent(tls::enabled);
    bool(env, HTTP_ENABLED).ifPresent(tls::httpEnabled);
    Optional<String> keyStore = value(env, TLS_KEYSTORE);
    if (keyStore.isPresent()) {
      tls.keyStore(Path.of(keyStore.get()), value(env, TLS_KEYSTORE_PASSWORD).orElse(""));
    } else if (value(env, TLS_KEYSTORE_PASSWORD).isPresent()) {
      throw new ConfigException(TLS_KEYSTORE_PASSWORD, null, "needs " + TLS_KEYSTORE);
    }
    value(env, TLS_CERTIFICATE_PEM)
        .ifPresent(text -> tls.certificatePem(pemOrFile(TLS_CERTIFICATE_PEM, text)));
    value(env, TLS_PRIVATE_KEY_PEM)
        .ifPresent(text -> tls.privateKeyPem(pemOrFile(TLS_PRIVATE_KEY_PEM, text)));
    value(env, TLS_CLIENT_AUTH)
        .ifPresent(
            text ->
                tls.clientAuth(
                    ClientAuthMode.parse(text)
                        .orElseThrow(
                            () ->
                                new ConfigException(
                                    TLS_CLIENT_AUTH,
                                    null,
                                    "'" + text + "' is not one of none, want, need"))));
    value(env, TLS_SUBJECT_ALT_NAMES)
        .ifPresent(
            text ->
                Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .forEach(tls::subjectAltName));
    value(env, TLS_CA_OUT).ifPresent(file -> tls.caCertificateOut(Path.of(file)));
    value(env, TLS_CLIENT_CA_CERTIFICATES).ifPresent(text -> clientCas(tls, text));
    boolean anyTlsSetting =
        env.keySet().stream()
            .anyMatch(
                name ->
                    name.startsWith(PREFIX + "TLS_")
                        && !name.equals(TLS_ENABLED)
                        && value(env, name).isPresent());
    if (enabled.isEmpty() && anyTlsSetting && !base.enabled() && value(env, HTTPS_PORT).isEmpty()) {
      tls.enabled(true);
    }
    try {
      return tls.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("environment", null, e.getMessage());
    }
  }

  private static void clientCas(TlsConfig.Builder tls, String text) {
    if (text.contains("-----BEGIN")) {
      addClientCas(tls, text, "the inline PEM");
      return;
    }
    for (String file : text.split(",")) {
      String trimmed = file.trim();
      if (!trimmed.isEmpty()) {
        addClientCas(tls, pemOrFile(TLS_CLIENT_CA_CERTIFICATES, trimmed), trimmed);
      }
    }
  }

  private static void addClientCas(TlsConfig.Builder tls, String pem, String source) {
    try {
      tls.clientCaCertificatesPem(pem);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          TLS_CLIENT_CA_CERTIFICATES, null, source + " is not a readable PEM certificate");
    }
  }

  private static int port(String variable, String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port < 0 || port > 65_535) {
        throw new ConfigException(variable, null, "must be between 0 and 65535, was " + port);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException(variable, null, "not a port number: '" + text + "'");
    }
  }

  private static Optional<Boolean> bool(Map<String, String> env, String name) {
    Optional<String> text = value(env, name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.get().equalsIgnoreCase("true")) {
      return Optional.of(true);
    }
    if (text.get().equalsIgnoreCase("false")) {
      return Optional.of(false);
    }
    throw new ConfigException(name, null, "'" + text.get() + "' is not one of true, false");
  }

  /** PEM text as is, or the content of the PEM file it names. */
  private static String pemOrFile(String variable, String value) {
    if (value.contains("-----BEGIN")) {
      return value;
    }
    try {
      return java.nio.file.Files.readString(
          Path.of(value), java.nio.charset.StandardCharsets.US_ASCII);
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      boolean printable = value.length() < 300 && !value.contains("\n");
      throw new ConfigException(
          variable,
          null,
          "neither PEM text nor a readable PEM file" + (printable ? ": " + value : ""));
    }
  }

  private static <T> T attributed(String variable, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (ConfigException e) {
      throw e.withSource(variable);
    }
  }

  private static <E extends Enum<E>> E choose(String variable, String text, E[] values) {
    for (E value : values) {
      if (configName(value).equalsIgnoreCase(text.trim())) {
        return value;
      }
    }
    throw new ConfigException(
        variable,
        null,
        "'"
            + text
            + "' is not one of "
            + Arrays.stream(values)
                .map(EnvironmentConfig::configName)
                .collect(Collectors.joining(", ")));
  }

  private static String configName(Enum<?> value) {
    if (value instanceof TokenTyp typ) {
      return typ.configName();
    }
    if (value instanceof ErrorStyle style) {
      return style.configName();
    }
    return value.name();
  }

  private static void checkNoUnknownVariables(Map<String, String> env) {
    Set<String> unknown = new TreeSet<>();
    for (String name : env.keySet()) {
      if (name.startsWith(PREFIX) && !KNOWN.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          "environment",
          null,
          "unknown variable"
              + (unknown.size() > 1 ? "s " : " ")
              + String.join(", ", unknown)
              + "; known: "
              + String.join(", ", new TreeSet<>(KNOWN)));
    }
  }

  /**
   * Whether {@code TRANSMIT_MOCK_CONTROL_ENABLED} turns the control API on or off; empty when
   * unset.
   *
   * @throws ConfigException when the value is not {@code true} or {@code false}
   */
  public static Optional<Boolean> controlEnabled(Map<String, String> env) {
    Optional<String> text = value(env, CONTROL_ENABLED);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.get().equalsIgnoreCase("true")) {
      return Optional.of(true);
    }
    if (text.get().equalsIgnoreCase("false")) {
      return Optional.of(false);
    }
    throw new ConfigException(
        CONTROL_ENABLED, null, "'" + text.get() + "' is not one of true, false");
  }

  /** A variable's value, treating empty as absent. */
  public static Optional<String> value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
