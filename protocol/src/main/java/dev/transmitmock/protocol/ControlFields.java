package dev.transmitmock.protocol;

import java.util.Set;

/**
 * The JSON field names of the control API's requests and answers, grouped by route. Client and
 * resource fields are in {@link ClientFields}, fault-rule fields in {@link FaultRuleShape}.
 *
 * <pre>{@code
 * http.post(baseUrl + ControlPaths.CLOCK, Map.of(ControlFields.Clock.ADVANCE, "PT1H"));
 * String now = (String) answer.get(ControlFields.Clock.NOW);
 * }</pre>
 */
public final class ControlFields {
  private ControlFields() {}

  /** {@value ControlPaths#CLOCK}. */
  public static final class Clock {
    /** Request: an ISO-8601 duration to move the clock by. */
    public static final String ADVANCE = "advance";

    /** Request: an instant to set the clock to. */
    public static final String SET = "set";

    /** Request: {@code true} stops the clock, {@code false} lets it run. */
    public static final String FREEZE = "freeze";

    /** Every request field. */
    public static final Set<String> REQUEST = Set.of(ADVANCE, SET, FREEZE);

    /** Answer: the emulator's current instant. */
    public static final String NOW = "now";

    /** Answer: the current instant in epoch seconds. */
    public static final String EPOCH_SECOND = "epochSecond";

    /** Answer: whether the clock is frozen. */
    public static final String FROZEN = "frozen";

    /** Answer: the clock's offset from the system clock, an ISO-8601 duration. */
    public static final String OFFSET = "offset";

    private Clock() {}
  }

  /** {@value ControlPaths#JOURNAL}: query parameters and entry fields. */
  public static final class Journal {
    /** Query and entry: the client id. */
    public static final String CLIENT_ID = "clientId";

    /** Query and entry: the {@link Endpoint} wire name. */
    public static final String ENDPOINT = "endpoint";

    /**
     * Query and entry: {@value #ISSUED}, {@value #SUCCEEDED}, {@value #REJECTED}, {@value #FAULTED}
     * or {@value #INJECTED}.
     */
    public static final String OUTCOME = "outcome";

    /** Query and entry: the requested resource. */
    public static final String RESOURCE = "resource";

    /** Query: only entries after this sequence number. */
    public static final String AFTER = "after";

    /** Every query parameter. */
    public static final Set<String> QUERY = Set.of(CLIENT_ID, ENDPOINT, OUTCOME, RESOURCE, AFTER);

    /** Answer: the list of entries. */
    public static final String ENTRIES = "entries";

    /** Entry: the sequence number. */
    public static final String SEQUENCE = "sequence";

    /** Entry: when the request arrived (emulator clock). */
    public static final String TIME = "time";

    /** Entry: the {@link AuthMethod} wire name the client used. */
    public static final String AUTH_METHOD = "authMethod";

    /** Entry: the requested scope. */
    public static final String SCOPE = "scope";

    /** Entry: the HTTP status answered. */
    public static final String STATUS = "status";

    /** Entry: the OAuth {@code error}. */
    public static final String ERROR = "error";

    /** Entry: the OAuth {@code error_description}. */
    public static final String ERROR_DESCRIPTION = "errorDescription";

    /** Entry: why the request was refused, in more words than Transmit gives. */
    public static final String ERROR_DETAIL = "errorDetail";

    /** Entry: the {@code jti} of an issued token. */
    public static final String JTI = "jti";

    /** Entry: the id of the next-token rule that shaped the answer. */
    public static final String NEXT_TOKEN_RULE = "nextTokenRule";

    /** Outcome: a token was issued. */
    public static final String ISSUED = "issued";

    /** Outcome: a non-token request succeeded. */
    public static final String SUCCEEDED = "succeeded";

    /** Outcome: the request was refused. */
    public static final String REJECTED = "rejected";

    /** Outcome: a fault rule answered. */
    public static final String FAULTED = "faulted";

    /** Outcome: a next-token rule answered with the error it was given. */
    public static final String INJECTED = "injected";

    private Journal() {}
  }

  /** {@value ControlPaths#KEYS}. */
  public static final class Keys {
    /** Request and answer: the key id. */
    public static final String KID = "kid";

    /** Request and answer: {@code RS256}, {@code PS256} or {@code ES256}. */
    public static final String ALGORITHM = "algorithm";

    /** Request: whether the new key signs from now on. */
    public static final String ACTIVATE = "activate";

    /** Every request field. */
    public static final Set<String> REQUEST = Set.of(KID, ALGORITHM, ACTIVATE);

    /** Answer: the active key's id. */
    public static final String ACTIVE = "active";

    /** Answer: the list of keys. */
    public static final String KEYS = "keys";

    /** Answer: a key's status, {@value #ACTIVE}, {@value #PUBLISHED} or {@value #RETIRED}. */
    public static final String STATUS = "status";

    /** Answer after a rotation: the previously active key's id. */
    public static final String PREVIOUS = "previous";

    /** Key status: published in the JWKS, not signing. */
    public static final String PUBLISHED = "published";

    /** Key status: no longer published. */
    public static final String RETIRED = "retired";

    private Keys() {}
  }

  /** {@value ControlPaths#TLS_CLIENT_CERTIFICATES}. */
  public static final class Tls {
    /** Request and answer: the certificate's subject DN. */
    public static final String SUBJECT_DN = "subjectDn";

    /** Request: extra subject alternative names. */
    public static final String SUBJECT_ALT_NAMES = "subjectAltNames";

    /** Every request field. */
    public static final Set<String> REQUEST = Set.of(SUBJECT_DN, SUBJECT_ALT_NAMES);

    /** Answer: the certificate's {@code x5t#S256}. */
    public static final String THUMBPRINT = "thumbprint";

    /** Answer: the certificate, PEM. */
    public static final String CERTIFICATE_PEM = "certificatePem";

    /** Answer: the certificate and its CA, PEM. */
    public static final String CHAIN_PEM = "chainPem";

    /** Answer: the certificate's private key, PEM. */
    public static final String PRIVATE_KEY_PEM = "privateKeyPem";

    private Tls() {}
  }

  /** {@value ControlPaths#TOKENS} (minting) and {@value ControlPaths#DEFECTS} (the catalog). */
  public static final class Tokens {
    /** Request: the client the token is for. */
    public static final String CLIENT_ID = "clientId";

    /** Request: the resource (audience). */
    public static final String RESOURCE = "resource";

    /** Request: the scope. */
    public static final String SCOPE = "scope";

    /** Request: a defect id from the catalog. */
    public static final String DEFECT = "defect";

    /** Request: claims to set or override. */
    public static final String CLAIMS = "claims";

    /** Request: header parameters to set or override. */
    public static final String HEADER = "header";

    /** Request: sign an application client's token with the global key. */
    public static final String GLOBAL_KEY = "globalKey";

    /** Every request field. */
    public static final Set<String> REQUEST =
        Set.of(CLIENT_ID, RESOURCE, SCOPE, DEFECT, CLAIMS, HEADER, GLOBAL_KEY);

    /** Answer: the minted token. */
    public static final String ACCESS_TOKEN = "access_token";

    /** Catalog answer: the list of defects. */
    public static final String DEFECTS = "defects";

    /** Catalog entry and query parameter: the {@link DefectKind} wire name. */
    public static final String KIND = "kind";

    /** Catalog entry: the defect's id. */
    public static final String ID = "id";

    /** Catalog entry: the attack in one line. */
    public static final String DESCRIPTION = "description";

    /** Catalog entry: where the attack comes from. */
    public static final String REFERENCE = "reference";

    /** Catalog entry: the first check a careful verifier fails ({@link RejectionCategory}). */
    public static final String EXPECTED_REJECTION = "expectedRejection";

    private Tokens() {}
  }

  /** Answer fields of list and removal routes. */
  public static final class Lists {
    /** {@value ControlPaths#CLIENTS}: the clients. */
    public static final String CLIENTS = "clients";

    /** {@value ControlPaths#RESOURCES}: the resources. */
    public static final String RESOURCES = "resources";

    /** {@value ControlPaths#FAULTS}: the fault rules. */
    public static final String FAULTS = "faults";

    /** How many entries a {@code DELETE} removed. */
    public static final String CLEARED = "cleared";

    /** What a {@code DELETE} of one entry removed. */
    public static final String REMOVED = "removed";

    private Lists() {}
  }
}
