package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.transmitmock.server.testing.Reply;
import dev.transmitmock.server.testing.TestHttp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code /_mock/} control API of one container, reset before every test. */
@ExtendWith(RequiresDocker.class)
class ControlApiIT {

  private static final String RESOURCE = "https://api.example.test";
  private static final String ISSUER = "https://userid.security";
  private static final String CONTROL_TOKEN = "control-token-for-tests";

  private static TransmitMockContainer<?> mock;

  @BeforeAll
  static void startContainer() {
    mock = TestImage.container().withControlToken(CONTROL_TOKEN);
    mock.start();
  }

  @AfterAll
  static void stopContainer() {
    if (mock != null) {
      mock.stop();
    }
  }

  @BeforeEach
  void resetEmulator() {
    mock.control().reset();
  }

  @Test
  void advancing_the_clock_moves_the_times_of_fresh_tokens() throws Exception {
    Instant before = mock.control().clock().now();

    mock.control().clock().advance(Duration.ofHours(2));
    JWTClaimsSet claims = claimsOf(demoToken());

    assertThat(claims.getIssueTime().toInstant())
        .isAfterOrEqualTo(before.plus(Duration.ofHours(2)).minusSeconds(1));
    assertThat(mock.control().clock().now()).isAfterOrEqualTo(before.plus(Duration.ofHours(2)));
  }

  @Test
  void a_clock_frozen_at_an_instant_stamps_tokens_with_exactly_that_time() throws Exception {
    Instant fixed = Instant.parse("2031-01-01T00:00:00Z");

    ClockState state = mock.control().clock().freezeAt(fixed);

    assertThat(state.frozen()).isTrue();
    assertThat(claimsOf(demoToken()).getIssueTime().toInstant()).isEqualTo(fixed);
    assertThat(mock.control().clock().now()).isEqualTo(fixed);
    assertThat(mock.control().clock().reset().frozen()).isFalse();
    assertThat(mock.control().clock().now()).isAfter(Instant.now().minusSeconds(60));
  }

  @Test
  void the_journal_records_issued_and_rejected_token_requests() throws Exception {
    String token = demoToken();
    assertThatThrownBy(() -> mock.getClientCredentialsToken("demo-app", "wrong-secret"))
        .isInstanceOf(TransmitMockException.class);

    List<RecordedRequest> entries =
        mock.control().journal().entries(Map.of("clientId", "demo-app"));

    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).succeeded()).isTrue();
    assertThat(entries.get(0).resource()).contains(RESOURCE);
    assertThat(entries.get(0).jti()).contains(claimsOf(token).getJWTID());
    assertThat(entries.get(1).error()).contains("invalid_client");
    assertThat(entries.get(1).status()).isEqualTo(401);
    assertThat(mock.control().journal().issuedTo("demo-app")).hasSize(1);
    assertThat(mock.control().journal().rejected()).hasSize(1);

    mock.control().journal().clear();
    assertThat(mock.control().journal().entries()).isEmpty();
  }

  @Test
  void a_fault_fails_the_next_token_request_and_then_clears_itself() {
    String ruleId = mock.control().faults().add(FaultRule.on("token").status(503).times(1).build());

    assertThat(ruleId).isNotBlank();
    assertThatThrownBy(this::demoToken)
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(demoToken()).isNotBlank();
  }

  @Test
  void a_fault_for_one_client_leaves_the_others_alone_until_removed() {
    String ruleId =
        mock.control()
            .faults()
            .add(
                FaultRule.on("token")
                    .status(429)
                    .header("Retry-After", "2")
                    .clientId("demo-admin")
                    .build());

    assertThat(demoToken()).isNotBlank();
    assertThatThrownBy(() -> mock.getClientCredentialsToken("demo-admin", "demo-admin-secret"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(429));
    mock.control().faults().remove(ruleId);
    assertThat(mock.getClientCredentialsToken("demo-admin", "demo-admin-secret")).isNotBlank();
  }

  @Test
  void reset_clears_faults_journal_and_clock() {
    mock.control().faults().add(FaultRule.on("token").status(503).build());
    mock.control().clock().set(Instant.parse("2031-01-01T00:00:00Z"));

    mock.control().reset();

    assertThat(demoToken()).isNotBlank();
    assertThat(mock.control().journal().entries()).hasSize(1);
    assertThat(mock.control().clock().now()).isAfter(Instant.now().minusSeconds(60));
  }

  @Test
  void rotating_and_retiring_keys_invalidates_tokens_of_the_old_key() throws Exception {
    String oldToken = demoToken();
    String oldKid = mock.control().keys().active();

    String newKid = mock.control().keys().rotate();
    mock.control().keys().retire(oldKid);
    String newToken = demoToken();

    assertThat(newKid).isNotEqualTo(oldKid);
    assertThat(mock.control().keys().published()).containsExactly(newKid);
    assertThat(JWTParser.parse(newToken).getHeader().toJSONObject()).containsEntry("kid", newKid);
    assertThat(TokenVerification.verify(mock, newToken, ISSUER, RESOURCE).getSubject())
        .isEqualTo("demo-app");
    assertThatThrownBy(() -> TokenVerification.verify(mock, oldToken, ISSUER, RESOURCE))
        .hasMessageContaining("key");
  }

  @Test
  void clients_registered_at_runtime_get_tokens_until_the_next_reset() {
    mock.control().clients().putResource("https://api.orders.example");
    mock.control()
        .clients()
        .putClient(
            ClientDefinition.app("orders-svc", "orders-secret")
                .resources("https://api.orders.example")
                .build());

    assertThat(
            mock.getClientCredentialsToken(
                "orders-svc", "orders-secret", "https://api.orders.example"))
        .isNotBlank();
    mock.control().reset();
    assertThatThrownBy(() -> mock.getClientCredentialsToken("orders-svc", "orders-secret"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void mints_a_defective_token_from_the_catalog() throws Exception {
    List<Defect> catalog = mock.control().defects();
    assertThat(catalog).extracting(Defect::id).contains("alg-none", "wrong-audience");
    assertThat(catalog)
        .filteredOn(defect -> defect.id().equals("expired"))
        .singleElement()
        .satisfies(defect -> assertThat(defect.expectedRejection()).isEqualTo("EXPIRED"));

    String forged =
        mock.control()
            .tokens()
            .mint(TokenMintRequest.forClient("demo-app").defect("alg-none").build());

    assertThat(JWTParser.parse(forged).getHeader().getAlgorithm().getName())
        .isEqualToIgnoringCase("none");
  }

  @Test
  void every_defect_of_the_catalog_has_a_kind_and_every_mintable_one_mints() {
    List<Defect> catalog = mock.control().defects();

    assertThat(catalog)
        .extracting(Defect::kind)
        .containsOnly(Defect.ACCESS_TOKEN, Defect.CLIENT_ASSERTION, Defect.CERTIFICATE_BINDING)
        .contains(Defect.ACCESS_TOKEN, Defect.CLIENT_ASSERTION, Defect.CERTIFICATE_BINDING);
    for (Defect defect : catalog) {
      TokenMintRequest.Builder request = TokenMintRequest.forClient("demo-app");
      if (defect.isMintable()) {
        assertThat(mock.control().tokens().mint(request.defect(defect).build()))
            .as("token with defect %s", defect.id())
            .isNotBlank();
      } else {
        TokenMintRequest byId = request.defect(defect.id()).build();
        assertThatThrownBy(() -> mock.control().tokens().mint(byId))
            .as("minting client-assertion defect %s", defect.id())
            .isInstanceOfSatisfying(
                TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(400));
      }
    }
  }

  @Test
  void lists_the_defects_of_one_kind() {
    List<Defect> assertions = mock.control().defects(Defect.CLIENT_ASSERTION);

    assertThat(assertions)
        .isNotEmpty()
        .allSatisfy(defect -> assertThat(defect.kind()).isEqualTo(Defect.CLIENT_ASSERTION))
        .extracting(Defect::id)
        .contains("assertion-replay");
    assertThat(mock.control().defects(Defect.CERTIFICATE_BINDING))
        .extracting(Defect::id)
        .contains("missing-cnf-binding");
    assertThatThrownBy(() -> mock.control().defects("nope"))
        .isInstanceOfSatisfying(
            TransmitMockException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void the_control_api_refuses_requests_without_the_control_token() throws Exception {
    Reply response = TestHttp.to(URI.create(mock.getBaseUrl())).get("/_mock/clock");

    assertThat(response.status()).isEqualTo(401);
    assertThat(mock.control().clock().now()).isNotNull();
  }

  @Test
  void the_container_serves_the_console_and_the_openapi_description() throws Exception {
    TestHttp http = TestHttp.to(URI.create(mock.getBaseUrl()));
    Reply page = http.get("/_mock/ui");
    Reply openApi = http.withBearer(CONTROL_TOKEN).get("/_mock/openapi.json");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<title>transmit-mock console</title>");
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.body())
        .startsWith("{\"openapi\":\"3.1.0\"")
        .contains("\"/cis/oidc/token\"")
        .contains("\"/_mock/tokens/inspect\"")
        .contains("\"url\":\"" + mock.getBaseUrl() + "\"");
  }

  private String demoToken() {
    return mock.getClientCredentialsToken("demo-app", "demo-app-secret", RESOURCE);
  }

  private static JWTClaimsSet claimsOf(String token) throws Exception {
    return JWTParser.parse(token).getJWTClaimsSet();
  }
}
