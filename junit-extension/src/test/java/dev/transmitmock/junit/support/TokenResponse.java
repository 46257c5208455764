package dev.transmitmock.junit.support;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;

/** A token endpoint's answer: status and JSON body, with the access token's claims when issued. */
public record TokenResponse(int status, String body) {
  /** The {@code access_token} field of a successful answer. */
  public String accessToken() {
    Object token = json().get("access_token");
    if (token == null) {
      throw new AssertionError("no access_token in " + status + " " + body);
    }
    return token.toString();
  }

  /** The claims of the access token (parsed, not verified). */
  public JWTClaimsSet claims() {
    try {
      return SignedJWT.parse(accessToken()).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new AssertionError("access_token is not a JWT", e);
    }
  }

  /** The body as a JSON object. */
  public Map<String, Object> json() {
    try {
      return JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
