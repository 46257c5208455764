package dev.transmitmock.client;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import dev.transmitmock.client.TokenRejectedException.Reason;
import java.util.Locale;
import java.util.Set;

/**
 * Checks the {@code typ} header. Transmit's client access tokens are believed to carry {@code
 * at+jwt} (RFC 9068), ID tokens carry {@code JWT}, and some deployments omit it; Nimbus' default
 * only accepts {@code JWT} or none. Comparison is case-insensitive and ignores an {@code
 * application/} prefix, as RFC 7515 section 4.1.9 allows.
 */
final class TokenTypeVerifier implements JOSEObjectTypeVerifier<SecurityContext> {

  private static final String MEDIA_TYPE_PREFIX = "application/";

  private final Set<String> acceptedLowerCase;
  private final boolean typeRequired;

  TokenTypeVerifier(Set<String> acceptedLowerCase, boolean typeRequired) {
    this.acceptedLowerCase = Set.copyOf(acceptedLowerCase);
    this.typeRequired = typeRequired;
  }

  static String normalize(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    return lower.startsWith(MEDIA_TYPE_PREFIX)
        ? lower.substring(MEDIA_TYPE_PREFIX.length())
        : lower;
  }

  @Override
  public void verify(JOSEObjectType type, SecurityContext context) throws ClaimsRejection {
    if (type == null) {
      if (typeRequired) {
        throw new ClaimsRejection(Reason.WRONG_TYPE, "token header has no typ and one is required");
      }
      return;
    }
    if (!acceptedLowerCase.contains(normalize(type.getType()))) {
      throw new ClaimsRejection(
          Reason.WRONG_TYPE,
          "token header typ "
              + LogSafe.quote(type.getType())
              + " is not one of "
              + acceptedLowerCase);
    }
  }
}
