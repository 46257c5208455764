package dev.transmitmock.junit;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.config.ClientConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link TransmitClient} declarations split by what the emulator needs before it starts: clients it
 * can configure as they are (a secret, or none for a public client) and clients whose key or
 * certificate is generated at start. One reading for {@link TransmitMock} and {@link
 * StandaloneTransmitMock}, so both check and mean the same.
 *
 * @param configured clients with a secret ({@code client_secret_basic/post}) or public ({@code
 *     none})
 * @param generated clients authenticating with a generated private key or certificate
 */
record DeclaredClients(List<ClientConfig> configured, List<GeneratedClient> generated) {

  DeclaredClients {
    configured = List.copyOf(configured);
    generated = List.copyOf(generated);
  }

  /**
   * Reads the declarations.
   *
   * @param where names the declaration in error messages
   * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for a bad value, or a
   *     client id declared twice
   */
  static DeclaredClients of(List<TransmitClient> declared, String where) {
    AnnotationSettings.refuseDuplicateIds(declared, where);
    List<ClientConfig> configured = new ArrayList<>();
    List<GeneratedClient> generated = new ArrayList<>();
    for (TransmitClient client : declared) {
      if (client.authMethod().usesSecret() || client.authMethod() == AuthMethod.NONE) {
        configured.add(AnnotationSettings.client(client, where));
      } else {
        generated.add(AnnotationSettings.generatedClient(client, where));
      }
    }
    return new DeclaredClients(configured, generated);
  }
}
