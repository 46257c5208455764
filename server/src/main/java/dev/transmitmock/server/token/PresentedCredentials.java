package dev.transmitmock.server.token;

import dev.transmitmock.server.config.AuthMethod;
import java.util.Optional;

/**
 * The client credentials a request presents, in the body, in an HTTP Basic header or as a {@code
 * client_assertion} JWT, read with node-oidc-provider's rules: one mechanism only, Basic values
 * form-decoded as {@link BasicCredentials} describes, the client of an assertion is its {@code
 * sub}. A request with only a {@code client_id} presents {@link AuthMethod#NONE}: an mTLS client's
 * certificate comes with the TLS handshake. Neither secret nor assertion is ever printed.
 *
 * @param clientId the client id presented
 * @param secret the secret presented, if any
 * @param method the mechanism used
 * @param clientAssertion the {@code client_assertion} JWT presented, if any
 */
public record PresentedCredentials(
    String clientId, Optional<String> secret, AuthMethod method, Optional<String> clientAssertion) {

  /** Credentials without a client assertion. */
  public PresentedCredentials(String clientId, Optional<String> secret, AuthMethod method) {
    this(clientId, secret, method, Optional.empty());
  }

  /**
   * Reads the credentials of a request, in node-oidc-provider's order ({@code
   * shared/client_auth.js}; the Basic checks in the order of the releases before 9.4, whose
   * "mismatch in body and authorization client ids" the emulator keeps).
   *
   * @throws OAuthException 400 {@code invalid_request} for a malformed or badly encoded Basic
   *     header, an empty Basic secret, two mechanisms, or none
   */
  public static PresentedCredentials read(
      FormParameters form, Optional<String> authorizationHeader) {
    if (authorizationHeader.isPresent()) {
      BasicCredentials basic = BasicCredentials.decode(authorizationHeader.get());
      String id = basic.clientId();
      String secret = basic.secret();
      Optional<String> bodyId = form.get("client_id");
      if (bodyId.isPresent() && !bodyId.get().equals(id)) {
        throw OAuthError.invalidRequest("mismatch in body and authorization client ids")
            .exception();
      }
      if (secret.isEmpty()) {
        throw OAuthError.invalidRequest(
                "client_secret must be provided in the Authorization header")
            .exception();
      }
      if (form.has("client_secret") || form.has("client_assertion")) {
        throw OAuthError.invalidRequest(
                "client authentication must only be provided using one mechanism")
            .exception();
      }
      if (id.isEmpty()) {
        throw noMechanism();
      }
      return new PresentedCredentials(id, Optional.of(secret), AuthMethod.CLIENT_SECRET_BASIC);
    }
    if (form.has("client_assertion")) {
      if (form.has("client_secret")) {
        throw OAuthError.invalidRequest(
                "client authentication must only be provided using one mechanism")
            .exception();
      }
      return fromAssertion(form);
    }
    Optional<String> clientId = form.get("client_id");
    if (clientId.isEmpty()) {
      throw noMechanism();
    }
    Optional<String> secret = form.get("client_secret");
    return new PresentedCredentials(
        clientId.get(),
        secret,
        secret.isPresent() ? AuthMethod.CLIENT_SECRET_POST : AuthMethod.NONE);
  }

  private static OAuthException noMechanism() {
    return OAuthError.invalidRequest("no client authentication mechanism provided").exception();
  }

  private static PresentedCredentials fromAssertion(FormParameters form) {
    String assertion = form.get("client_assertion").orElse("");
    String subject;
    try {
      subject = com.nimbusds.jwt.JWTParser.parse(assertion).getJWTClaimsSet().getSubject();
    } catch (java.text.ParseException | RuntimeException e) {
      throw OAuthError.invalidRequest("invalid client_assertion format").exception();
    }
    if (subject == null || subject.isEmpty()) {
      throw OAuthError.invalidClient(
              "sub (JWT subject) must be provided in the client_assertion JWT", false)
          .exception();
    }
    Optional<String> type = form.get("client_assertion_type");
    if (type.isEmpty()) {
      throw OAuthError.invalidRequest("client_assertion_type must be provided").exception();
    }
    if (!type.get().equals(JWT_BEARER)) {
      throw OAuthError.invalidRequest("client_assertion_type must have value " + JWT_BEARER)
          .exception();
    }
    Optional<String> bodyId = form.get("client_id");
    if (bodyId.isPresent() && !bodyId.get().equals(subject)) {
      throw OAuthError.invalidRequest("client_id mismatch").exception();
    }
    return new PresentedCredentials(
        subject, Optional.empty(), AuthMethod.PRIVATE_KEY_JWT, Optional.of(assertion));
  }

  /** The {@code client_assertion_type} of RFC 7523. */
  public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  /** Whether Basic was used: a 401 then carries a {@code WWW-Authenticate} challenge. */
  public boolean usedBasic() {
    return method == AuthMethod.CLIENT_SECRET_BASIC;
  }

  @Override
  public String toString() {
    return "PresentedCredentials[clientId=" + clientId + ", method=" + method.wireName() + "]";
  }
}
