package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The test-control API ({@code /_mock/}) of an emulator running in a container: the same abilities
 * as the in-process handle, over HTTP. Obtain it with {@link TransmitMockContainer#control()}.
 *
 * <pre>{@code
 * TransmitMockControl control = mock.control();
 * control.reset();                                   // configured state, before every test
 * control.clock().advance(Duration.ofHours(2));      // tokens issued before now are expired
 * control.faults().add(FaultRule.on("token").status(503).times(1).build());
 * control.nextToken().install(NextTokenRule.forClient("demo-app").expiresIn(Duration.ofSeconds(5)).build());
 * control.settings().tokenTyp("JWT");
 * List<RecordedRequest> issued = control.journal().issuedTo("orders-svc");
 * String forged = control.tokens().mint(TokenMintRequest.forClient("demo-app").defect("alg-none").build());
 * IssuedClientCertificate cert = control.tls().issueClientCertificate("CN=payments-svc,O=Acme");
 * }</pre>
 */
public final class TransmitMockControl {

  static final String RESET_PATH = "/_mock/reset";
  static final String DEFECTS_PATH = "/_mock/defects";

  private final EmulatorHttp http;

  TransmitMockControl(EmulatorHttp http) {
    this.http = requireNonNull(http, "http must not be null");
  }

  /** The emulator's settable clock. */
  public ClockControl clock() {
    return new ClockControl(http);
  }

  /** The journal of token, introspection and revocation requests. */
  public JournalControl journal() {
    return new JournalControl(http);
  }

  /** Injected failures of the token, JWKS, discovery and introspection endpoints. */
  public FaultControl faults() {
    return new FaultControl(http);
  }

  /** Clients and resources, changed at runtime. */
  public ClientControl clients() {
    return new ClientControl(http);
  }

  /** The signing keys: publish, activate, retire, rotate. */
  public KeyControl keys() {
    return new KeyControl(http);
  }

  /** Client certificates issued from the emulator's generated CA (needs HTTPS). */
  public TlsControl tls() {
    return new TlsControl(http);
  }

  /**
   * Rules shaping what the real token endpoint answers a client next: {@code
   * control.nextToken().install(NextTokenRule.forClient("demo-app").omit("scope").build())}.
   */
  public NextTokenControl nextToken() {
    return new NextTokenControl(http);
  }

  /** Settings changeable at runtime: {@code typ}, error style, issuer, default lifetime. */
  public SettingsControl settings() {
    return new SettingsControl(http);
  }

  /** Minting of tokens, valid ones with overrides and deliberately defective ones. */
  public TokenControl tokens() {
    return new TokenControl(http);
  }

  /**
   * The whole catalog of attacks, of every {@linkplain Defect#kind() kind}. Not every entry is a
   * token: filter on {@link Defect#isMintable()} before minting each, or ask for one kind with
   * {@link #defects(String)}.
   */
  public List<Defect> defects() {
    return defectsAt(DEFECTS_PATH);
  }

  /**
   * The catalog entries of one kind: {@value Defect#ACCESS_TOKEN}, {@value Defect#CLIENT_ASSERTION}
   * or {@value Defect#CERTIFICATE_BINDING} (another kind is a {@link TransmitMockException} with
   * the emulator's 400).
   */
  public List<Defect> defects(String kind) {
    requireNonNull(kind, "kind must not be null");
    return defectsAt(DEFECTS_PATH + "?kind=" + URLEncoder.encode(kind, StandardCharsets.UTF_8));
  }

  private List<Defect> defectsAt(String path) {
    Object answer = http.controlGet(path);
    Object list = answer instanceof Map ? ((Map<?, ?>) answer).get("defects") : answer;
    if (!(list instanceof List)) {
      throw new TransmitMockException(
          "GET " + DEFECTS_PATH + " answered without a list of defects", 200, "");
    }
    return ((List<?>) list)
        .stream()
            .filter(Map.class::isInstance)
            .map(entry -> Defect.fromJson((Map<?, ?>) entry))
            .toList();
  }

  /**
   * Brings back exactly the configured state: clients and resources, keys, clock, journal, faults,
   * next-token rules, settings and revocations. Costs microseconds in the emulator: call it before
   * every test.
   */
  public void reset() {
    http.controlPost(RESET_PATH, Map.of());
  }
}
