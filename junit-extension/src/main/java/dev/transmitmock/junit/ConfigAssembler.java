package dev.transmitmock.junit;

import dev.transmitmock.server.config.ClientAuthMode;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ConfigException;
import dev.transmitmock.server.config.ConfigLoader;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.config.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Builds the emulator's {@link MockConfig} from {@link ExtensionSettings}: the classpath resource
 * (or the config given in code, or the embedded default), then the overrides. Every problem becomes
 * an {@link ExtensionConfigurationException} saying what to change.
 */
final class ConfigAssembler {
  /** How declarations of {@link TransmitMock} are named in messages. */
  static final String DECLARATIVE_PREFIX = "@TransmitMock on ";

  private final ClassLoader classLoader;
  private final String where;

  /**
   * @param classLoader where classpath configuration resources are looked up
   * @param where names the declaration in error messages
   */
  ConfigAssembler(ClassLoader classLoader, String where) {
    this.classLoader = classLoader;
    this.where = where;
  }

  MockConfig assemble(ExtensionSettings settings) {
    return assemble(settings, List.of());
  }

  /**
   * The configuration with the settings' clients and the generated ones added.
   *
   * @throws ExtensionConfigurationException for a bad configuration, or an mTLS client without
   *     HTTPS
   */
  MockConfig assemble(ExtensionSettings settings, List<GeneratedCredentials> generated) {
    MockConfig config = assembleConfig(settings, generated);
    TlsConfig tls = settings.tls().orElse(config.tls());
    for (GeneratedCredentials client : generated) {
      if (client.needsTls() && (!tls.enabled() || tls.clientAuth() == ClientAuthMode.NONE)) {
        throw new ExtensionConfigurationException(
            where
                + ": "
                + client.declaration().description()
                + " authenticates with a client certificate in the TLS handshake, which needs"
                + (tls.enabled()
                    ? " the emulator to request client certificates; set clientAuth WANT or NEED"
                    : " HTTPS; " + httpsHint()));
      }
    }
    return config;
  }

  private String httpsHint() {
    return where.startsWith(DECLARATIVE_PREFIX)
        ? "add https = true (or httpsOnly = true) to @TransmitMock"
        : "call https() (or httpsOnly()) on TransmitMockExtension.builder()";
  }

  private MockConfig assembleConfig(
      ExtensionSettings settings, List<GeneratedCredentials> generated) {
    try {
      MockConfig base =
          settings.configResource().isPresent()
              ? load(settings.configResource().get())
              : settings.config().orElseGet(ConfigLoader::embeddedDefault);
      MockConfig.Builder builder = base.toBuilder();
      if (settings.issuer().isPresent()) {
        builder.issuer(settings.issuer().get());
      } else {
        settings.region().ifPresent(region -> builder.issuer(region.issuer()));
      }
      settings.tokenLifetime().ifPresent(builder::tokenLifetime);
      if (settings.verboseErrors()) {
        builder.verboseErrors(true);
      }
      settings.applications().forEach(builder::application);
      List<ClientConfig> clients = new ArrayList<>(settings.clients());
      generated.forEach(client -> clients.add(client.config()));
      if (!clients.isEmpty()) {
        addClients(base, builder, clients);
      }
      return builder.build();
    } catch (ConfigException e) {
      throw new ExtensionConfigurationException(
          where + ": invalid transmit-mock configuration: " + e.getMessage(), e);
    }
  }

  private static void addClients(
      MockConfig base, MockConfig.Builder builder, List<ClientConfig> clients) {
    Set<String> replaced = clients.stream().map(ClientConfig::clientId).collect(Collectors.toSet());
    builder.clearClients();
    base.clients().stream().filter(c -> !replaced.contains(c.clientId())).forEach(builder::client);
    Set<URI> known = new HashSet<>(base.serviceResources());
    base.resources().forEach(r -> known.add(r.uri()));
    for (ClientConfig client : clients) {
      for (URI resource : client.resources()) {
        if (known.add(resource)) {
          builder.resource(ResourceConfig.builder(resource).build());
        }
      }
      builder.client(client);
    }
  }

  private MockConfig load(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = classLoader.getResourceAsStream(name)) {
      if (in == null) {
        throw new ExtensionConfigurationException(
            where
                + ": config resource \""
                + resource
                + "\" not found on the test classpath; put the file under src/test/resources/"
                + name
                + " or fix the name");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ConfigLoader.parse(text, "classpath:" + name);
    } catch (ConfigException e) {
      String source = e.source().orElse("classpath:" + name);
      String detail =
          e.getMessage().contains(source) ? e.getMessage() : source + ": " + e.getMessage();
      throw new ExtensionConfigurationException(
          where + ": invalid transmit-mock configuration in " + detail, e);
    } catch (IOException e) {
      throw new ExtensionConfigurationException(
          where + ": cannot read config resource \"" + resource + "\": " + e.getMessage(), e);
    }
  }
}
