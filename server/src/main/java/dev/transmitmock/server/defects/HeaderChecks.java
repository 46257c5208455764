package dev.transmitmock.server.defects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.transmitmock.protocol.RejectionCategory;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.keys.SigningKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The header and signature checks of a careful consumer, in the order it makes them: the {@code
 * typ}, {@code crit}, the algorithm (only those of the emulator's published keys; never {@code
 * none}, never HMAC), the {@code kid} (required, looked up exactly among the published keys), then
 * the signature with that key. {@code jwk}, {@code jku}, {@code x5u} and {@code x5c} are noted: a
 * careful consumer ignores them.
 */
final class HeaderChecks {
  /** The {@code typ} values of an access token a careful consumer accepts, besides none. */
  private static final Set<String> ACCEPTED_TYPES = Set.of("at+jwt", "application/at+jwt", "jwt");

  private static final List<String> KEY_LOCATORS = List.of("jwk", "jku", "x5u", "x5c");

  private final KeyRing.State keys;
  private final InspectionReport report;

  HeaderChecks(KeyRing.State keys, InspectionReport report) {
    this.keys = keys;
    this.report = report;
  }

  /** Checks the header and, where it makes sense, the signature. */
  void check(TokenParts parts) {
    Map<String, Object> header = parts.header().orElseThrow();
    checkType(header.get("typ"));
    checkCritical(header);
    boolean algorithmAllowed = checkAlgorithm(header.get("alg"));
    Optional<SigningKey> key = checkKid(header.get("kid"));
    noteKeyLocators(header);
    if (algorithmAllowed && key.isPresent()) {
      checkSignature(parts, key.get(), String.valueOf(header.get("alg")));
    }
  }

  private void checkType(Object typ) {
    if (typ == null) {
      return;
    }
    if (!(typ instanceof String text)) {
      report.reject(RejectionCategory.WRONG_TYPE, "typ", "typ is not a string: " + typ);
      return;
    }
    if (!ACCEPTED_TYPES.contains(text.toLowerCase(Locale.ROOT))) {
      report.reject(
          RejectionCategory.WRONG_TYPE,
          "typ",
          "typ \""
              + text
              + "\" names another kind of JWT; an access token has typ at+jwt (RFC 9068), JWT or"
              + " none");
      return;
    }
    if (text.equalsIgnoreCase("at+jwt") || text.equalsIgnoreCase("application/at+jwt")) {
      report.note(
          "typ \""
              + text
              + "\": Nimbus' DefaultJWTProcessor and Spring Security's NimbusJwtDecoder reject it"
              + " with their default settings (allow at+jwt, or set tokenTyp: JWT)");
    }
  }

  private void checkCritical(Map<String, Object> header) {
    Object crit = header.get("crit");
    if (crit == null) {
      return;
    }
    if (!(crit instanceof List<?> names) || names.isEmpty()) {
      report.reject(
          RejectionCategory.MALFORMED,
          "crit",
          "crit must be a non-empty list of header parameter names (RFC 7515 §4.1.11)");
      return;
    }
    report.reject(
        RejectionCategory.MALFORMED,
        "crit",
        "crit names "
            + names
            + ": extensions a consumer of Transmit tokens does not understand, so the token is"
            + " invalid (RFC 7515 §4.1.11)");
  }

  /** Whether the algorithm is one a careful consumer verifies. */
  private boolean checkAlgorithm(Object alg) {
    if (!(alg instanceof String name) || name.isBlank()) {
      report.reject(
          RejectionCategory.MALFORMED,
          "alg-missing",
          alg == null ? "no alg header" : "alg is not a string: " + alg);
      return false;
    }
    if (name.equalsIgnoreCase("none")) {
      report.reject(
          RejectionCategory.UNSUPPORTED_ALGORITHM,
          "alg-none",
          "alg \""
              + name
              + "\": an unsigned token; a verifier must never accept it, in any spelling"
              + " (RFC 8725 §2.1)");
      return false;
    }
    if (name.toUpperCase(Locale.ROOT).startsWith("HS")) {
      report.reject(
          RejectionCategory.UNSUPPORTED_ALGORITHM,
          "alg-hmac",
          "alg \""
              + name
              + "\": a shared-secret HMAC; Transmit signs with its private key, and a verifier that"
              + " lets the header pick the algorithm may take the public key as the secret"
              + " (CVE-2016-10555)");
      return false;
    }
    Set<String> allowed = new TreeSet<>();
    for (SigningKey key : keys.published()) {
      allowed.add(key.algorithm().name());
    }
    if (!allowed.contains(name)) {
      report.reject(
          RejectionCategory.UNSUPPORTED_ALGORITHM,
          "alg-not-allowed",
          "alg \""
              + name
              + "\" is not the algorithm of any published key (accepted: "
              + String.join(", ", allowed)
              + ")");
      return false;
    }
    return true;
  }

  private Optional<SigningKey> checkKid(Object kid) {
    if (kid == null) {
      report.reject(
          RejectionCategory.UNKNOWN_KEY,
          "kid-missing",
          "no kid header: Transmit's tokens always name their key, and a verifier must not guess"
              + " which key to try");
      return Optional.empty();
    }
    if (!(kid instanceof String name)) {
      report.reject(RejectionCategory.UNKNOWN_KEY, "kid-unknown", "kid is not a string: " + kid);
      return Optional.empty();
    }
    Optional<SigningKey> published =
        keys.published().stream().filter(k -> k.kid().equals(name)).findFirst();
    if (published.isPresent()) {
      return published;
    }
    if (keys.retired().stream().anyMatch(k -> k.kid().equals(name))) {
      report.reject(
          RejectionCategory.UNKNOWN_KEY,
          "kid-retired",
          "kid \""
              + name
              + "\" names a key retired from the JWKS: a consumer refreshing its keys no longer"
              + " finds it");
    } else {
      report.reject(
          RejectionCategory.UNKNOWN_KEY,
          "kid-unknown",
          "kid \"" + name + "\" names no key in the emulator's JWKS");
    }
    return Optional.empty();
  }

  private void noteKeyLocators(Map<String, Object> header) {
    for (String locator : KEY_LOCATORS) {
      if (header.containsKey(locator)) {
        report.note(
            locator
                + " header present: a careful consumer ignores it and takes keys only from the"
                + " issuer's JWKS (RFC 8725 §3.10)");
      }
    }
  }

  private void checkSignature(TokenParts parts, SigningKey key, String alg) {
    if (!parts.hasThreeSegments() || parts.signature().isEmpty()) {
      return; // already MALFORMED
    }
    if (!key.algorithm().name().equals(alg)) {
      report.reject(
          RejectionCategory.UNSUPPORTED_ALGORITHM,
          "alg-key-mismatch",
          "alg \"" + alg + "\" but key " + key.kid() + " signs " + key.algorithm().name());
      return;
    }
    boolean valid;
    try {
      valid =
          verifier(key)
              .verify(
                  new JWSHeader(key.jwsAlgorithm()),
                  parts.signingInput(),
                  Base64URL.encode(parts.signature().get()));
    } catch (JOSEException | RuntimeException e) {
      valid = false;
    }
    if (valid) {
      report.signedBy(key.kid());
    } else {
      report.reject(
          RejectionCategory.BAD_SIGNATURE,
          "signature",
          "the signature does not verify with the published key " + key.kid());
    }
  }

  private static JWSVerifier verifier(SigningKey key) throws JOSEException {
    // The crit check is reported on its own; here only the signature counts.
    return key.publicJwk() instanceof RSAKey rsa
        ? new RSASSAVerifier(rsa.toRSAPublicKey(), Set.of())
        : new ECDSAVerifier(((ECKey) key.publicJwk()).toECPublicKey(), Set.of());
  }
}
