package dev.transmitmock.junit.contract;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.WorkspaceHandle;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.workspace.Workspace;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * A contract test for services that accept Transmit access tokens: generates one test per case,
 * checking that a valid token is accepted and that every token of the emulator's defect catalog
 * ({@link Defect}: forged, unsigned, expired, misdirected, ...), a missing header, a wrong scheme,
 * an empty bearer, a token for another audience and a management token are rejected with 401 or
 * 403.
 *
 * <pre>{@code
 * @TransmitMock(clients = @TransmitClient(id = "orders-svc", resources = "https://api.orders.example"))
 * class OrdersApiContractTest {
 *   @TestFactory
 *   Stream<DynamicTest> orders_api_rejects_every_bad_token(TransmitMockHandle mock) {
 *     return ConsumerContract.builder(mock)
 *         .client("orders-svc")
 *         .resource("https://api.orders.example")
 *         .managementClient("demo-admin")
 *         .endpoint(authorization -> callOrdersApi(authorization)) // answers the HTTP status
 *         .build()
 *         .dynamicTests();
 *   }
 * }
 * }</pre>
 *
 * <p>The service under test must trust the emulator: its JWKS ({@code mock.jwksUri()}), issuer
 * ({@code mock.issuer()}) and the resource as audience. A failure names the case, the attack it
 * lets through and what to fix. The clock-skew case does not fail: it reports how long after {@code
 * exp} the consumer still accepts a token (60 s is the Nimbus and Spring Security default), or,
 * when the consumer rejects even a valid token, is aborted as inconclusive. Each generated test is
 * named {@code [case id] title}, in Surefire's XML report too.
 */
public final class ConsumerContract {
  /** The distances past {@code exp} the clock-skew case tries, shortest first. */
  static final List<Duration> SKEW_PROBES =
      List.of(
          Duration.ZERO,
          Duration.ofSeconds(5),
          Duration.ofSeconds(30),
          Duration.ofSeconds(60),
          Duration.ofSeconds(90),
          Duration.ofSeconds(120),
          Duration.ofSeconds(300));

  /**
   * How much earlier than a probe's distance its token expires: the consumer checks a moment after
   * minting, and {@code exp} is in whole seconds.
   */
  private static final Duration PROBE_MARGIN = Duration.ofSeconds(3);

  private static final String EXPIRES_NOW = Defect.EXPIRES_NOW.id();

  private static final String TEST_SOURCE_SCHEME = "transmit-mock";

  private final TransmitMockServer server;
  private final Workspace workspace;
  private final String clientId;
  private final Optional<String> resource;
  private final Optional<String> managementClientId;
  private final ProtectedEndpoint endpoint;
  private final PastTokens pastTokens;
  private final List<ContractCase> extraCases;
  private final DefectCases defectCases;

  private ConsumerContract(Builder builder) {
    this.server = builder.server;
    this.workspace = builder.workspace;
    this.clientId = builder.clientId;
    this.resource = Optional.ofNullable(builder.resource);
    this.managementClientId = Optional.ofNullable(builder.managementClientId);
    this.endpoint = builder.endpoint;
    DefectiveTokens minter = workspace.defectiveTokens();
    this.pastTokens =
        new PastTokens(minter, builder.consumerClock, server.config().tokenLifetime());
    this.extraCases = List.copyOf(builder.extraCases);
    this.defectCases = new DefectCases(server, minter, clientId, resource);
  }

  /**
   * Starts a contract against an emulator started by {@code @TransmitMock} or the extension. With
   * {@code @TransmitMock(shared = true)} the contract uses the test class's workspace: its clients
   * and its clock.
   */
  public static Builder builder(TransmitMockHandle mock) {
    requireNonNull(mock, "mock must not be null");
    TransmitMockServer server = mock.server();
    return new Builder(
        server,
        mock.workspace()
            .map(WorkspaceHandle::serverWorkspace)
            .orElseGet(() -> server.workspaces().root()));
  }

  /** Starts a contract against a running emulator (its root workspace). */
  public static Builder builder(TransmitMockServer server) {
    requireNonNull(server, "server must not be null");
    return new Builder(server, server.workspaces().root());
  }

  /** Every case, in the order the tests run. */
  public List<ContractCase> cases() {
    List<ContractCase> cases = new ArrayList<>();
    cases.add(validToken());
    cases.add(missingHeader());
    cases.add(wrongScheme());
    cases.add(emptyBearer());
    resource.ifPresent(r -> cases.add(otherAudience(r)));
    managementClientId.ifPresent(id -> cases.add(managementToken(id)));
    cases.addAll(defectCases.cases());
    cases.addAll(extraCases);
    return cases;
  }

  /** One dynamic test per case, for a {@code @TestFactory} method. */
  public Stream<DynamicTest> dynamicTests() {
    return cases().stream().map(this::dynamicTest);
  }

  /**
   * Runs one case now.
   *
   * @return a one-line verdict (for {@link Expectation#REPORT} cases, the measurement; for {@code
   *     expires-now} "inconclusive" when the consumer rejects a valid token as well)
   * @throws ContractViolation when the consumer got the case wrong
   * @throws IllegalStateException when calling the endpoint failed
   */
  public String verify(ContractCase contractCase) {
    requireNonNull(contractCase, "contractCase must not be null");
    if (contractCase.expectation() == Expectation.REPORT) {
      return report(contractCase).verdict();
    }
    int status = call(contractCase, contractCase.authorization().get());
    boolean accepted = accepted(status);
    boolean rejected = status == 401 || status == 403;
    if (contractCase.expectation() == Expectation.ACCEPT && !accepted) {
      throw new ContractViolation(
          contractCase, status, "expected a 2xx answer but the consumer answered " + status);
    }
    if (contractCase.expectation() == Expectation.REJECT && !rejected) {
      throw new ContractViolation(
          contractCase,
          status,
          accepted
              ? "the consumer ACCEPTED it (status " + status + "); it must answer 401 or 403"
              : "the consumer answered "
                  + status
                  + "; a rejected token must be answered with 401 or 403");
    }
    return contractCase.displayName() + ": " + status;
  }

  /**
   * The case as a dynamic test: named by its display name ({@code [id] title}), and with a test
   * source of its own ({@link #testSourceUri}) instead of the factory method's. Surefire's XML
   * report names a dynamic test by the factory method plus an index ({@code contract()[7]}) when
   * the test's source is that method; with another source it uses the display name, so the report
   * shows {@code [alg-none] ...}.
   */
  private DynamicTest dynamicTest(ContractCase contractCase) {
    URI source = testSourceUri(contractCase);
    if (contractCase.expectation() != Expectation.REPORT) {
      return DynamicTest.dynamicTest(
          contractCase.displayName(), source, () -> verify(contractCase));
    }
    // Measured while the stream is consumed, so the verdict can be the test's display name.
    Report report;
    try {
      report = report(contractCase);
    } catch (RuntimeException e) {
      return DynamicTest.dynamicTest(
          contractCase.displayName(),
          source,
          () -> {
            throw e;
          });
    }
    System.out.println("transmit-mock contract: " + report.verdict());
    if (!report.conclusive()) {
      return DynamicTest.dynamicTest(
          report.verdict(), source, () -> Assumptions.abort(report.verdict()));
    }
    return DynamicTest.dynamicTest(report.verdict(), source, () -> {});
  }

  /** The test source of a generated test: {@code transmit-mock:contract-case:<id>}. */
  static URI testSourceUri(ContractCase contractCase) {
    try {
      return new URI(TEST_SOURCE_SCHEME, "contract-case:" + contractCase.id(), null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("case id " + contractCase.id() + ": " + e.getMessage(), e);
    }
  }

  /** What a {@link Expectation#REPORT} case found; inconclusive when nothing could be measured. */
  private record Report(String verdict, boolean conclusive) {}

  private Report report(ContractCase contractCase) {
    if (!contractCase.id().equals(EXPIRES_NOW)) {
      int status = call(contractCase, contractCase.authorization().get());
      return new Report(
          contractCase.displayName()
              + ": "
              + (accepted(status) ? "accepted" : "rejected")
              + " ("
              + status
              + ")",
          true);
    }
    // Without a consumer that accepts a good token, every probe below is rejected for the same
    // reason, which would read as "no clock skew allowed".
    int valid = call(contractCase, Optional.of(bearer(token(clientId, resource))));
    if (!accepted(valid)) {
      return new Report(
          contractCase.displayName()
              + ": inconclusive: the consumer rejected a valid token too (status "
              + valid
              + "), so its clock skew cannot be measured; fix [valid-token] first",
          false);
    }
    Duration longestAccepted = null;
    for (Duration probe : SKEW_PROBES) {
      Duration expiredBy = probe.compareTo(PROBE_MARGIN) > 0 ? probe.minus(PROBE_MARGIN) : probe;
      int status =
          call(
              contractCase,
              Optional.of(bearer(pastTokens.expiredBy(clientId, resource, expiredBy))));
      if (accepted(status)) {
        longestAccepted = probe;
      } else {
        break;
      }
    }
    String measured;
    if (longestAccepted == null) {
      measured = "rejected at exp: the consumer allows no clock skew";
    } else if (longestAccepted.equals(SKEW_PROBES.get(SKEW_PROBES.size() - 1))) {
      measured =
          "still accepted "
              + longestAccepted.toSeconds()
              + " s after exp: it does not check exp, or allows far too much clock skew";
    } else {
      measured =
          "accepted up to about "
              + longestAccepted.toSeconds()
              + " s after exp: the consumer's allowed clock skew (Nimbus and Spring default: 60 s)";
    }
    return new Report(contractCase.displayName() + ": " + measured, true);
  }

  private static boolean accepted(int status) {
    return status >= 200 && status < 300;
  }

  private int call(ContractCase contractCase, Optional<String> authorization) {
    try {
      return endpoint.call(authorization);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("[" + contractCase.id() + "] interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "["
              + contractCase.id()
              + "] calling the protected endpoint failed ("
              + e
              + "); the contract needs the endpoint's HTTP status, so check it is up and"
              + " reachable",
          e);
    }
  }

  private ContractCase validToken() {
    return new ContractCase(
        "valid-token",
        "a valid token of " + clientId + resource.map(r -> " for " + r).orElse("") + " is accepted",
        "none: without this, every other case passes for the wrong reason",
        "trust the emulator as the token issuer: JWKS "
            + server.jwksUri()
            + ", issuer "
            + server.issuer()
            + resource.map(r -> ", audience " + r).orElse("")
            + "; and accept the token's typ header ("
            + server.config().tokenTyp().headerValue().orElse("none")
            + "): Nimbus and Spring Security accept only JWT by default",
        Expectation.ACCEPT,
        () -> Optional.of(bearer(token(clientId, resource))));
  }

  private ContractCase missingHeader() {
    return new ContractCase(
        "missing-header",
        "a request without an Authorization header is rejected",
        "anyone calls the endpoint without credentials",
        "require a bearer token on every protected route, and answer 401 when it is missing",
        Expectation.REJECT,
        Optional::empty);
  }

  private ContractCase wrongScheme() {
    return new ContractCase(
        "wrong-scheme",
        "Basic credentials instead of a bearer token are rejected",
        "a caller presents client_id:secret (Basic) and is let in without any token",
        "accept only \"Authorization: Bearer <token>\" and answer 401 for other schemes",
        Expectation.REJECT,
        () -> {
          ClientConfig client = workspace.clients().client(clientId).orElseThrow();
          String basic = client.clientId() + ":" + client.clientSecret();
          return Optional.of(
              "Basic "
                  + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        });
  }

  private ContractCase emptyBearer() {
    return new ContractCase(
        "empty-bearer",
        "an empty bearer token is rejected",
        "\"Authorization: Bearer \" with no token passes a check that only looks at the scheme",
        "treat an empty or blank bearer token like a missing one (401)",
        Expectation.REJECT,
        () -> Optional.of("Bearer "));
  }

  private ContractCase otherAudience(String expectedResource) {
    return new ContractCase(
        "other-audience",
        "a genuine token for another audience ("
            + server.config().defaultAudience()
            + ") is rejected",
        "a token the same tenant issued for another API is replayed against this one",
        "check that aud contains exactly your resource URI (" + expectedResource + ")",
        Expectation.REJECT,
        () -> Optional.of(bearer(token(clientId, Optional.empty()))));
  }

  private ContractCase managementToken(String managementId) {
    return new ContractCase(
        "management-token",
        "a management (admin) token of "
            + managementId
            + " is rejected where an app token is expected",
        "a management application's admin token (roles [\"Admin\"]) is used against an app API",
        "accept only the audience and clients you expect; reject tokens whose roles carry Admin"
            + " unless the route is meant for management applications",
        Expectation.REJECT,
        () -> Optional.of(bearer(token(managementId, Optional.empty()))));
  }

  private String token(String client, Optional<String> forResource) {
    return workspace.issueToken(client, forResource, Optional.empty()).accessToken();
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  @Override
  public String toString() {
    return "ConsumerContract[client=" + clientId + ", resource=" + resource.orElse("-") + "]";
  }

  /** Configures a {@link ConsumerContract}. */
  public static final class Builder {
    private final TransmitMockServer server;
    private final Workspace workspace;
    private String clientId;
    private String resource;
    private String managementClientId;
    private ProtectedEndpoint endpoint;
    private Clock consumerClock = Clock.systemUTC();
    private final List<ContractCase> extraCases = new ArrayList<>();

    private Builder(TransmitMockServer server, Workspace workspace) {
      this.server = server;
      this.workspace = workspace;
    }

    /** The app client whose tokens the consumer must accept (required). */
    public Builder client(String clientId) {
      this.clientId = requireNonNull(clientId, "clientId must not be null");
      return this;
    }

    /** The consumer's resource URI: the audience its tokens must carry (recommended). */
    public Builder resource(String resource) {
      this.resource = requireNonNull(resource, "resource must not be null");
      return this;
    }

    /** A management client, to check its admin tokens are refused (optional). */
    public Builder managementClient(String clientId) {
      this.managementClientId = requireNonNull(clientId, "clientId must not be null");
      return this;
    }

    /** How to call the protected endpoint (required). */
    public Builder endpoint(ProtectedEndpoint endpoint) {
      this.endpoint = requireNonNull(endpoint, "endpoint must not be null");
      return this;
    }

    /** The clock the consumer checks {@code exp} with; default the system UTC clock. */
    public Builder consumerClock(Clock consumerClock) {
      this.consumerClock = requireNonNull(consumerClock, "consumerClock must not be null");
      return this;
    }

    /** Adds a case of your own (run after the built-in ones). */
    public Builder extraCase(ContractCase contractCase) {
      extraCases.add(requireNonNull(contractCase, "contractCase must not be null"));
      return this;
    }

    /**
     * The contract.
     *
     * @throws IllegalStateException when the client or endpoint is missing, or the emulator does
     *     not know the clients or resource named
     */
    public ConsumerContract build() {
      if (clientId == null) {
        throw new IllegalStateException(
            "name the app client whose tokens the consumer accepts: .client(\"orders-svc\")");
      }
      if (endpoint == null) {
        throw new IllegalStateException(
            "say how to call the protected endpoint: .endpoint(authorization -> status)");
      }
      ClientConfig client = known(clientId);
      if (resource != null && !client.resources().contains(URI.create(resource))) {
        throw new IllegalStateException(
            "client "
                + clientId
                + " may not request resource "
                + resource
                + "; its resources are "
                + client.resources()
                + " (add it with @TransmitClient(resources = ...) or in the config)");
      }
      if (managementClientId != null) {
        known(managementClientId);
      }
      return new ConsumerContract(this);
    }

    private ClientConfig known(String id) {
      return workspace
          .clients()
          .client(id)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "the emulator has no client "
                          + id
                          + "; known clients: "
                          + workspace.clients().clients().stream()
                              .map(ClientConfig::clientId)
                              .toList()));
    }
  }
}
