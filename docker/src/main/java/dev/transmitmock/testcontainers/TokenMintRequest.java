package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.ControlFields;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link TokenControl#mint(TokenMintRequest)} should mint: a valid token for a client, with
 * claims or header members overridden, or one with a named defect.
 *
 * <pre>{@code
 * TokenMintRequest.forClient("demo-app").defect("alg-none").build();
 * TokenMintRequest.forClient("demo-app").claim("aud", "https://other.example").build();
 * }</pre>
 *
 * @param fields the request as the control API's JSON members
 */
public record TokenMintRequest(Map<String, Object> fields) {

  /** Copies the fields. */
  public TokenMintRequest {
    fields = Map.copyOf(requireNonNull(fields, "fields must not be null"));
  }

  /** Starts a request for a token of the given client. */
  public static Builder forClient(String clientId) {
    return new Builder(clientId);
  }

  /** Builds a {@link TokenMintRequest}. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final Map<String, Object> header = new LinkedHashMap<>();

    private Builder(String clientId) {
      fields.put(
          ControlFields.Tokens.CLIENT_ID, requireNonNull(clientId, "clientId must not be null"));
    }

    /** The resource (audience) of the token. */
    public Builder resource(String resource) {
      fields.put(
          ControlFields.Tokens.RESOURCE, requireNonNull(resource, "resource must not be null"));
      return this;
    }

    /** The scope, checked as on the wire. */
    public Builder scope(String scope) {
      fields.put(ControlFields.Tokens.SCOPE, requireNonNull(scope, "scope must not be null"));
      return this;
    }

    /** A defect from the catalog ({@link TransmitMockControl#defects()}). */
    public Builder defect(String defectId) {
      fields.put(
          ControlFields.Tokens.DEFECT, requireNonNull(defectId, "defectId must not be null"));
      return this;
    }

    /**
     * A defect from the catalog ({@link TransmitMockControl#defects()}).
     *
     * @throws IllegalArgumentException for a defect that is not an access token ({@link
     *     Defect#isMintable()} is false, e.g. a {@code client-assertion} defect)
     */
    public Builder defect(Defect defect) {
      requireNonNull(defect, "defect must not be null");
      if (!defect.isMintable()) {
        throw new IllegalArgumentException(
            "defect '"
                + defect.id()
                + "' is of kind "
                + defect.kind()
                + ", not an access token: only "
                + Defect.ACCESS_TOKEN
                + " and "
                + Defect.CERTIFICATE_BINDING
                + " defects can be minted");
      }
      return defect(defect.id());
    }

    /** Overrides (or adds) a claim; a {@code null} value removes it. */
    public Builder claim(String name, Object value) {
      claims.put(requireNonNull(name, "name must not be null"), value);
      return this;
    }

    /** Overrides (or adds) a JOSE header member; a {@code null} value removes it. */
    public Builder header(String name, Object value) {
      header.put(requireNonNull(name, "name must not be null"), value);
      return this;
    }

    /** Builds the request. */
    public TokenMintRequest build() {
      Map<String, Object> all = new LinkedHashMap<>(fields);
      if (!claims.isEmpty()) {
        all.put(ControlFields.Tokens.CLAIMS, new LinkedHashMap<>(claims));
      }
      if (!header.isEmpty()) {
        all.put(ControlFields.Tokens.HEADER, new LinkedHashMap<>(header));
      }
      return new TokenMintRequest(all);
    }
  }
}
