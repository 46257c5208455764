package dev.transmitmock.protocol;

import java.util.List;
import java.util.Set;

/**
 * The field names of clients, resources and applications: the camelCase keys of a config file's
 * {@code clients}, {@code resources} and {@code applications} entries, of {@code POST
 * /_mock/clients} and {@code POST /_mock/resources}. An unknown key is an error, so {@link
 * #CLIENT}, {@link #RESOURCE} and {@link #APPLICATION} are complete.
 *
 * <pre>{@code
 * entry.put(ClientFields.CLIENT_ID, "orders-svc");
 * entry.put(ClientFields.TOKEN_ENDPOINT_AUTH_METHOD, AuthMethod.PRIVATE_KEY_JWT.wireName());
 * }</pre>
 */
public final class ClientFields {
  /** The OAuth client id. */
  public static final String CLIENT_ID = "clientId";

  /** The client secret (secret methods only). */
  public static final String CLIENT_SECRET = "clientSecret";

  /** {@value #TYPE_APP} or {@value #TYPE_MANAGEMENT}. */
  public static final String TYPE = "type";

  /** The {@code type} of an application client ({@code "roles": []}). */
  public static final String TYPE_APP = "app";

  /** The {@code type} of a management (admin) client ({@code "roles": ["Admin"]}). */
  public static final String TYPE_MANAGEMENT = "management";

  /** The client's application, the {@code app_id} claim; also an application's id. */
  public static final String APP_ID = "appId";

  /** The {@code app_name} claim. */
  public static final String APP_NAME = "appName";

  /** The config file's list of clients. */
  public static final String CLIENTS = "clients";

  /** The config file's list of applications with their own signing keys. */
  public static final String APPLICATIONS = "applications";

  /** The resources (audiences) the client may ask for; also the config file's list of resources. */
  public static final String RESOURCES = "resources";

  /** The scopes the client may ask for; also a resource's scopes. */
  public static final String SCOPES = "scopes";

  /** An ISO-8601 duration: the lifetime of the client's (or the resource's) tokens. */
  public static final String TOKEN_LIFETIME = "tokenLifetime";

  /** Extra claims of the client's tokens. */
  public static final String CLAIMS = "claims";

  /** The {@link AuthMethod} wire name. */
  public static final String TOKEN_ENDPOINT_AUTH_METHOD = "tokenEndpointAuthMethod";

  /** The client's public keys as a JWK set (or one JWK). */
  public static final String JWKS = "jwks";

  /** Where the client publishes its JWK set. */
  public static final String JWKS_URI = "jwksUri";

  /** The client's public key or certificate, PEM. */
  public static final String PUBLIC_KEY_PEM = "publicKeyPem";

  /** The subject DN a {@code tls_client_auth} certificate must carry. */
  public static final String TLS_CLIENT_AUTH_SUBJECT_DN = "tlsClientAuthSubjectDn";

  /** A dNSName SAN a {@code tls_client_auth} certificate must carry. */
  public static final String TLS_CLIENT_AUTH_SAN_DNS = "tlsClientAuthSanDns";

  /** A URI SAN a {@code tls_client_auth} certificate must carry. */
  public static final String TLS_CLIENT_AUTH_SAN_URI = "tlsClientAuthSanUri";

  /** An IP address SAN a {@code tls_client_auth} certificate must carry. */
  public static final String TLS_CLIENT_AUTH_SAN_IP = "tlsClientAuthSanIp";

  /** An email SAN a {@code tls_client_auth} certificate must carry. */
  public static final String TLS_CLIENT_AUTH_SAN_EMAIL = "tlsClientAuthSanEmail";

  /**
   * The five subject fields of a {@code tls_client_auth} client, in the order messages list them.
   */
  public static final List<String> TLS_CLIENT_AUTH_SUBJECTS =
      List.of(
          TLS_CLIENT_AUTH_SUBJECT_DN,
          TLS_CLIENT_AUTH_SAN_DNS,
          TLS_CLIENT_AUTH_SAN_URI,
          TLS_CLIENT_AUTH_SAN_IP,
          TLS_CLIENT_AUTH_SAN_EMAIL);

  /** {@code x5t#S256} thumbprints of accepted self-signed certificates. */
  public static final String CERTIFICATE_THUMBPRINTS = "certificateThumbprints";

  /** Whether the client's tokens are bound to its TLS client certificate. */
  public static final String CERTIFICATE_BOUND_ACCESS_TOKENS = "certificateBoundAccessTokens";

  /** The grant types the client may use. */
  public static final String GRANT_TYPES = "grantTypes";

  /** A resource's absolute URI. */
  public static final String URI = "uri";

  /** An application's issuer (its own domain). */
  public static final String ISSUER = "issuer";

  /** An application's signing keys. */
  public static final String KEYS = "keys";

  /** Where the emulator serves an application's JWKS. */
  public static final String JWKS_PATH = "jwksPath";

  /** How long tokens signed with the global key stay valid for an application's clients. */
  public static final String GLOBAL_KEY_ACCEPTED_FOR = "globalKeyAcceptedFor";

  /** Every key of a client entry. */
  public static final Set<String> CLIENT =
      Set.of(
          CLIENT_ID,
          CLIENT_SECRET,
          TYPE,
          APP_ID,
          APP_NAME,
          RESOURCES,
          SCOPES,
          TOKEN_LIFETIME,
          CLAIMS,
          TOKEN_ENDPOINT_AUTH_METHOD,
          JWKS,
          JWKS_URI,
          PUBLIC_KEY_PEM,
          TLS_CLIENT_AUTH_SUBJECT_DN,
          TLS_CLIENT_AUTH_SAN_DNS,
          TLS_CLIENT_AUTH_SAN_URI,
          TLS_CLIENT_AUTH_SAN_IP,
          TLS_CLIENT_AUTH_SAN_EMAIL,
          CERTIFICATE_THUMBPRINTS,
          CERTIFICATE_BOUND_ACCESS_TOKENS,
          GRANT_TYPES);

  /** Every key of a resource entry. */
  public static final Set<String> RESOURCE = Set.of(URI, TOKEN_LIFETIME, SCOPES);

  /** Every key of an application entry. */
  public static final Set<String> APPLICATION =
      Set.of(APP_ID, ISSUER, KEYS, JWKS_PATH, GLOBAL_KEY_ACCEPTED_FOR);

  private ClientFields() {}
}
