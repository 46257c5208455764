package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.control.Faults;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.control.NextTokenRule;
import dev.transmitmock.server.control.NextTokenRules;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import dev.transmitmock.server.token.ClientRegistry;
import dev.transmitmock.server.workspace.Workspace;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A {@link WorkspaceHandle}: the workspace's state and URLs, the server's keys, TLS and CA.
 * Credentials come from the handle it was made from (the server's declared clients) unless the
 * workspace's owner registered its own.
 */
final class WorkspaceBoundHandle implements WorkspaceHandle {
  private final TransmitMockHandle server;
  private final Workspace workspace;
  private final Map<String, TransmitClientCredentials> own;

  WorkspaceBoundHandle(
      TransmitMockHandle server, Workspace workspace, Map<String, TransmitClientCredentials> own) {
    this.server = requireNonNull(server, "server must not be null");
    this.workspace = requireNonNull(workspace, "workspace must not be null");
    this.own = Map.copyOf(own);
  }

  @Override
  public Workspace serverWorkspace() {
    return workspace;
  }

  @Override
  public Optional<WorkspaceHandle> workspace() {
    return Optional.of(this);
  }

  @Override
  public TransmitMockServer server() {
    return server.server();
  }

  @Override
  public URI baseUrl() {
    return workspace.baseUrl();
  }

  @Override
  public URI tokenEndpoint() {
    return workspace.tokenEndpoint();
  }

  @Override
  public URI jwksUri() {
    return workspace.jwksUri();
  }

  @Override
  public URI discoveryUri() {
    return workspace.discoveryUri();
  }

  @Override
  public URI httpsBaseUrl() {
    return workspace.baseUrlOn(server().httpsBaseUrl());
  }

  @Override
  public URI httpsTokenEndpoint() {
    return URI.create(httpsBaseUrl() + "/oidc/token");
  }

  @Override
  public URI httpsJwksUri() {
    return URI.create(httpsBaseUrl() + "/cis/oidc/jwks");
  }

  @Override
  public URI httpsDiscoveryUri() {
    return URI.create(httpsBaseUrl() + "/cis/oidc/.well-known/openid-configuration");
  }

  @Override
  public Path caCertificateFile() {
    return server.caCertificateFile();
  }

  @Override
  public SSLContext sslContext() {
    return server.sslContext();
  }

  @Override
  public TransmitClientCredentials credentials(String clientId) {
    requireNonNull(clientId, "clientId must not be null");
    TransmitClientCredentials found = own.get(clientId);
    return (found != null ? found : server.credentials(clientId)).in(workspace);
  }

  @Override
  public String tokenFor(String clientId) {
    return workspace.tokenFor(clientId);
  }

  @Override
  public String tokenFor(String clientId, String resource) {
    return workspace.tokenFor(clientId, resource);
  }

  @Override
  public String defectiveToken(Defect defect) {
    return workspace.defectiveTokens().mint(defect);
  }

  @Override
  public String defectiveToken(Defect defect, TokenSpec spec) {
    return workspace.defectiveToken(defect, spec);
  }

  @Override
  public String token(TokenSpec spec) {
    return workspace.mintToken(spec);
  }

  @Override
  public DefectiveTokens defectiveTokens() {
    return workspace.defectiveTokens();
  }

  @Override
  public Faults faults() {
    return workspace.faults();
  }

  @Override
  public MockClock clock() {
    return workspace.clock();
  }

  @Override
  public TokenJournal journal() {
    return new TokenJournal(workspace.journal());
  }

  @Override
  public ClientRegistry clients() {
    return workspace.clients();
  }

  @Override
  public NextTokenRule.Builder nextToken(String clientId) {
    return workspace.nextToken(clientId);
  }

  @Override
  public NextTokenRules nextTokenRules() {
    return workspace.nextTokenRules();
  }

  /** Resets the workspace (not the server's settings, which are server-wide). */
  @Override
  public void reset() {
    workspace.reset();
  }

  /** The server's values with the workspace's URLs in place of the server's. */
  @Override
  public Map<String, String> properties() {
    Map<String, String> values = new LinkedHashMap<>(server.properties());
    values.put(TransmitMockProperties.BASE_URL, baseUrl().toString());
    values.put(TransmitMockProperties.TOKEN_ENDPOINT, tokenEndpoint().toString());
    values.put(TransmitMockProperties.JWKS_URI, jwksUri().toString());
    values.put(TransmitMockProperties.DISCOVERY_URI, discoveryUri().toString());
    if (server().httpsEnabled()) {
      values.put(TransmitMockProperties.HTTPS_BASE_URL, httpsBaseUrl().toString());
      values.put(TransmitMockProperties.HTTPS_TOKEN_ENDPOINT, httpsTokenEndpoint().toString());
      values.put(TransmitMockProperties.HTTPS_JWKS_URI, httpsJwksUri().toString());
      values.put(TransmitMockProperties.HTTPS_DISCOVERY_URI, httpsDiscoveryUri().toString());
    }
    return java.util.Collections.unmodifiableMap(values);
  }

  @Override
  public WorkspaceHandle createWorkspace() {
    return server.createWorkspace();
  }

  @Override
  public void close() {
    workspace.delete();
  }

  @Override
  public String toString() {
    return "WorkspaceHandle[" + workspace.id() + " on " + server() + "]";
  }
}
