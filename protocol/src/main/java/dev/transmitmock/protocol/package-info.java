/**
 * The emulator's wire vocabulary, held once for the server, the Testcontainers module and the JUnit
 * extension: the names a client, a config file or a control request uses, and the rules a client
 * definition or a fault rule must obey. No dependencies, so any module can use it.
 *
 * <pre>{@code
 * String path = ControlPaths.FAULTS;                      // "/_mock/faults"
 * AuthMethod method = AuthMethod.byWireName("private_key_jwt").orElseThrow();
 * String env = EnvironmentVariables.CONTROL_TOKEN;        // "TRANSMIT_MOCK_CONTROL_TOKEN"
 * ClientAuthenticationRules.check(method, ClientAuthenticationRules.Material.builder().jwks(true).build());
 * }</pre>
 *
 * <p>Types: {@link dev.transmitmock.protocol.AuthMethod}, {@link
 * dev.transmitmock.protocol.Endpoint}, {@link dev.transmitmock.protocol.TransmitPaths}, {@link
 * dev.transmitmock.protocol.ControlPaths}, {@link dev.transmitmock.protocol.EnvironmentVariables},
 * {@link dev.transmitmock.protocol.ClientFields}, {@link
 * dev.transmitmock.protocol.ClientAuthenticationRules}, {@link
 * dev.transmitmock.protocol.FaultRuleShape}, {@link dev.transmitmock.protocol.DefectKind}, {@link
 * dev.transmitmock.protocol.RejectionCategory}.
 */
package dev.transmitmock.protocol;
