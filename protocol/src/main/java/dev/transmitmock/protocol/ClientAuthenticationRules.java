package dev.transmitmock.protocol;

import java.util.List;
import java.util.Optional;

/**
 * The rules a client definition obeys, with their messages: which authentication material fits
 * which {@link AuthMethod}, who has a secret, and which grant types a client may use. The server's
 * config loader and the Testcontainers module's {@code ClientDefinition} both apply them, so a
 * definition the container module accepts is one the emulator accepts, with the same wording.
 *
 * <pre>{@code
 * ClientAuthenticationRules.checkMaterial(
 *     AuthMethod.PRIVATE_KEY_JWT, new Material(true, false, false, 0, false)); // fine
 * ClientAuthenticationRules.checkSecret(AuthMethod.NONE, true);
 * // IllegalArgumentException: a none client has no secret; remove clientSecret
 * }</pre>
 *
 * <p>The rules: a {@code private_key_jwt} client has exactly one of {@code jwks}, {@code jwksUri}
 * or {@code publicKeyPem}; a {@code tls_client_auth} client exactly one subject field; a {@code
 * self_signed_tls_client_auth} client exactly one of certificate thumbprints, {@code publicKeyPem}
 * (its certificate), {@code jwks} or {@code jwksUri} (keys with {@code x5c}); a secret or {@code
 * none} client none of them. Secret clients need a non-empty secret, the others have none. A {@code
 * none} (public) client cannot use {@code client_credentials}; every grant type is one of {@link
 * GrantTypes#TRANSMIT}.
 */
public final class ClientAuthenticationRules {

  /**
   * Which authentication material a client carries (whether it is there, never its value).
   *
   * @param jwks whether {@code jwks} is set
   * @param jwksUri whether {@code jwksUri} is set
   * @param publicKeyPem whether {@code publicKeyPem} is set
   * @param subjects how many of the {@link ClientFields#TLS_CLIENT_AUTH_SUBJECTS} are set
   * @param thumbprints whether any certificate thumbprint is set
   */
  public record Material(
      boolean jwks, boolean jwksUri, boolean publicKeyPem, int subjects, boolean thumbprints) {

    /** No material: what a secret or {@code none} client has. */
    public static final Material NONE = new Material(false, false, false, 0, false);

    /** How many of {@code jwks}, {@code jwksUri} and {@code publicKeyPem} are set. */
    public int keySources() {
      return (jwks ? 1 : 0) + (jwksUri ? 1 : 0) + (publicKeyPem ? 1 : 0);
    }

    /** Whether nothing at all is set. */
    public boolean isEmpty() {
      return keySources() == 0 && subjects == 0 && !thumbprints;
    }
  }

  private ClientAuthenticationRules() {}

  /** Why the material does not fit the method, if it does not. */
  public static Optional<String> materialProblem(AuthMethod method, Material material) {
    int keySources = material.keySources();
    int subjects = material.subjects();
    boolean thumbprints = material.thumbprints();
    boolean fits =
        switch (method) {
          case PRIVATE_KEY_JWT -> keySources == 1 && !thumbprints && subjects == 0;
          case TLS_CLIENT_AUTH -> subjects == 1 && keySources == 0 && !thumbprints;
          case SELF_SIGNED_TLS_CLIENT_AUTH ->
              keySources + (thumbprints ? 1 : 0) == 1 && subjects == 0;
          default -> material.isEmpty();
        };
    return fits ? Optional.empty() : Optional.of(materialMessage(method));
  }

  /**
   * Checks the material against the method.
   *
   * @throws IllegalArgumentException with {@link #materialProblem}'s message
   */
  public static void checkMaterial(AuthMethod method, Material material) {
    materialProblem(method, material)
        .ifPresent(
            message -> {
              throw new IllegalArgumentException(message);
            });
  }

  /** What a client of this method needs, or must leave out. */
  public static String materialMessage(AuthMethod method) {
    return switch (method) {
      case PRIVATE_KEY_JWT ->
          "a private_key_jwt client needs exactly one of jwks, jwksUri or publicKeyPem";
      case TLS_CLIENT_AUTH ->
          "a tls_client_auth client needs exactly one of "
              + String.join(", ", ClientFields.TLS_CLIENT_AUTH_SUBJECTS);
      case SELF_SIGNED_TLS_CLIENT_AUTH ->
          "a self_signed_tls_client_auth client needs exactly one of certificateThumbprints,"
              + " publicKeyPem (its certificate), jwks or jwksUri (keys with x5c)";
      case NONE ->
          "a none (public) client presents nothing but its client_id; jwks, jwksUri,"
              + " publicKeyPem, certificate thumbprints and tlsClientAuth* do not apply";
      default ->
          "a "
              + method.wireName()
              + " client authenticates with its secret; jwks, jwksUri, publicKeyPem,"
              + " certificate thumbprints and tlsClientAuth* do not apply";
    };
  }

  /** Why a client of this method with (or without) a non-empty secret is wrong, if it is. */
  public static Optional<String> secretProblem(AuthMethod method, boolean hasSecret) {
    if (method.usesSecret() && !hasSecret) {
      return Optional.of(
          "a " + method.wireName() + " client needs a non-empty " + ClientFields.CLIENT_SECRET);
    }
    if (!method.usesSecret() && hasSecret) {
      return Optional.of(
          "a " + method.wireName() + " client has no secret; remove " + ClientFields.CLIENT_SECRET);
    }
    return Optional.empty();
  }

  /**
   * Checks that secret clients have a non-empty secret and the others none.
   *
   * @throws IllegalArgumentException with {@link #secretProblem}'s message
   */
  public static void checkSecret(AuthMethod method, boolean hasSecret) {
    secretProblem(method, hasSecret)
        .ifPresent(
            message -> {
              throw new IllegalArgumentException(message);
            });
  }

  /** Why these grant types do not suit a client of this method, if they do not. */
  public static Optional<String> grantTypesProblem(AuthMethod method, List<String> grantTypes) {
    for (String grantType : grantTypes) {
      if (!GrantTypes.isTransmit(grantType)) {
        return Optional.of(
            "grant type '"
                + grantType
                + "' is not one of Transmit's: "
                + String.join(", ", GrantTypes.TRANSMIT));
      }
    }
    if (method == AuthMethod.NONE && grantTypes.contains(GrantTypes.CLIENT_CREDENTIALS)) {
      return Optional.of(
          "a none (public) client cannot use client_credentials; give it a secret, a key or a"
              + " certificate instead");
    }
    return Optional.empty();
  }

  /**
   * Checks the grant types against Transmit's and the method.
   *
   * @throws IllegalArgumentException with {@link #grantTypesProblem}'s message
   */
  public static void checkGrantTypes(AuthMethod method, List<String> grantTypes) {
    grantTypesProblem(method, grantTypes)
        .ifPresent(
            message -> {
              throw new IllegalArgumentException(message);
            });
  }
}
