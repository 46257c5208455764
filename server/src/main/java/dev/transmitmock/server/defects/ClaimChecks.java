package dev.transmitmock.server.defects;

import dev.transmitmock.protocol.RejectionCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claim checks of a careful consumer: {@code exp}, {@code iat}, {@code iss}, {@code aud} and
 * {@code sub} present and well typed, {@code exp} after now, {@code nbf} and {@code iat} not in the
 * future (on the emulator's clock, with the given skew), the exact issuer, and an expected
 * audience.
 */
final class ClaimChecks {
  /** What a careful consumer of Transmit access tokens requires. */
  static final List<String> REQUIRED = List.of("exp", "iat", "iss", "aud", "sub");

  /** The clock skew verifiers commonly allow (Nimbus, Spring Security). */
  static final Duration COMMON_SKEW = Duration.ofSeconds(60);

  private final InspectionReport report;
  private final Instant now;
  private final Duration skew;

  ClaimChecks(InspectionReport report, Instant now, Duration skew) {
    this.report = report;
    this.now = now;
    this.skew = skew;
  }

  void check(
      Map<String, Object> claims,
      String issuer,
      Optional<String> expectedAudience,
      Collection<String> knownAudiences) {
    for (String claim : REQUIRED) {
      if (!claims.containsKey(claim) || claims.get(claim) == null) {
        report.reject(
            RejectionCategory.MISSING_CLAIM,
            "missing-" + claim,
            "no " + claim + " claim: " + whyRequired(claim));
      }
    }
    checkExpiry(claims);
    numericDate(claims, "nbf")
        .filter(nbf -> nbf.isAfter(now.plus(skew)))
        .ifPresent(
            nbf ->
                report.reject(
                    RejectionCategory.NOT_YET_VALID,
                    "nbf-in-the-future",
                    "nbf "
                        + nbf
                        + " lies "
                        + human(Duration.between(now, nbf))
                        + " after the emulator's clock ("
                        + now
                        + ")"));
    numericDate(claims, "iat")
        .filter(iat -> iat.isAfter(now.plus(skew)))
        .ifPresent(
            iat ->
                report.reject(
                    RejectionCategory.NOT_YET_VALID,
                    "iat-in-the-future",
                    "iat "
                        + iat
                        + " lies "
                        + human(Duration.between(now, iat))
                        + " after the emulator's clock ("
                        + now
                        + "): a token cannot be used before it was issued"));
    text(claims, "iss")
        .filter(iss -> !iss.equals(issuer))
        .ifPresent(
            iss ->
                report.reject(
                    RejectionCategory.WRONG_ISSUER,
                    "wrong-iss",
                    "iss \"" + iss + "\" is not the emulator's issuer \"" + issuer + "\""));
    text(claims, "sub"); // its type only: any subject may call
    audiences(claims).ifPresent(aud -> checkAudience(aud, expectedAudience, knownAudiences));
    for (String claim : List.of("client_id", "jti")) {
      if (!claims.containsKey(claim)) {
        report.note(
            "no "
                + claim
                + " claim: RFC 9068 requires it in an at+jwt access token, and Transmit's tokens"
                + " carry it");
      }
    }
  }

  private void checkExpiry(Map<String, Object> claims) {
    Optional<Instant> exp = numericDate(claims, "exp");
    if (exp.isEmpty()) {
      return;
    }
    Duration past = Duration.between(exp.get(), now);
    if (!exp.get().isAfter(now.minus(skew))) {
      report.reject(
          RejectionCategory.EXPIRED,
          "expired",
          "exp "
              + exp.get()
              + (past.isZero()
                  ? " is exactly the emulator's clock"
                  : " lies " + human(past) + " before the emulator's clock")
              + " ("
              + now
              + ")"
              + (skew.isZero() ? "" : ", beyond the allowed skew of " + human(skew)));
      if (past.compareTo(COMMON_SKEW) < 0 && skew.compareTo(COMMON_SKEW) < 0) {
        report.note(
            "skew-sensitive: a verifier allowing the common 60 s clock skew still accepts this"
                + " token for "
                + human(COMMON_SKEW.minus(past)));
      }
    }
  }

  private void checkAudience(
      List<String> audiences, Optional<String> expected, Collection<String> known) {
    if (expected.isPresent()) {
      if (!audiences.contains(expected.get())) {
        report.reject(
            RejectionCategory.WRONG_AUDIENCE,
            "wrong-aud",
            "aud " + audiences + " does not hold the expected audience \"" + expected.get() + "\"");
      }
      return;
    }
    if (audiences.stream().noneMatch(known::contains)) {
      report.reject(
          RejectionCategory.WRONG_AUDIENCE,
          "wrong-aud",
          "aud "
              + audiences
              + " names none of the emulator's audiences (its resources, Transmit's service"
              + " resources, the default audience), so no API of this tenant expects it");
    }
  }

  private Optional<Instant> numericDate(Map<String, Object> claims, String claim) {
    Object value = claims.get(claim);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number number)) {
      report.reject(
          RejectionCategory.MALFORMED,
          "claim-type",
          claim + " is not a NumericDate (seconds since the epoch): " + value);
      return Optional.empty();
    }
    double seconds = number.doubleValue();
    if (Double.isNaN(seconds) || Math.abs(seconds) > Instant.MAX.getEpochSecond()) {
      report.reject(
          RejectionCategory.MALFORMED, "claim-type", claim + " is out of range: " + value);
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond((long) Math.floor(seconds)));
  }

  private Optional<String> text(Map<String, Object> claims, String claim) {
    Object value = claims.get(claim);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      report.reject(
          RejectionCategory.MALFORMED, "claim-type", claim + " is not a string: " + value);
      return Optional.empty();
    }
    return Optional.of(text);
  }

  private Optional<List<String>> audiences(Map<String, Object> claims) {
    Object value = claims.get("aud");
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String single) {
      return Optional.of(List.of(single));
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      List<String> audiences = new ArrayList<>();
      list.forEach(item -> audiences.add((String) item));
      return Optional.of(audiences);
    }
    report.reject(
        RejectionCategory.MALFORMED,
        "claim-type",
        "aud is neither a string nor a list of strings: " + value);
    return Optional.empty();
  }

  private static String whyRequired(String claim) {
    return switch (claim) {
      case "exp" -> "a token that never expires";
      case "iat" -> "its age cannot be checked";
      case "iss" -> "the issuer cannot be checked";
      case "aud" -> "the token is good for any API that does not insist on its audience";
      default -> "the caller cannot be identified";
    };
  }

  /** A duration for a person: {@code 10 min}, {@code 1 h 5 min}, {@code 42 s}. */
  static String human(Duration duration) {
    long seconds = Math.abs(duration.getSeconds());
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    StringBuilder text = new StringBuilder();
    if (days > 0) {
      text.append(days).append(" d ");
    }
    if (hours > 0) {
      text.append(hours).append(" h ");
    }
    if (minutes > 0) {
      text.append(minutes).append(" min ");
    }
    if (rest > 0 || text.length() == 0) {
      text.append(rest).append(" s ");
    }
    return text.toString().trim();
  }
}
