package dev.transmitmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.TokenSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DefectiveTokenTest {
  @RegisterExtension
  static TransmitMockExtension mock =
      TransmitMockExtension.builder()
          .client("orders-svc", "orders-secret", "https://api.orders.example")
          .build();

  @Test
  void mints_an_unsigned_token_for_alg_none() throws Exception {
    String token = mock.defectiveToken(Defect.ALG_NONE);

    assertThat(JWTParser.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("none");
  }

  @Test
  void mints_an_expired_token_for_a_chosen_client_and_resource() throws Exception {
    String token =
        mock.defectiveToken(
            Defect.EXPIRED,
            TokenSpec.builder()
                .clientId("orders-svc")
                .resource("https://api.orders.example")
                .build());

    var claims = JWTParser.parse(token).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("orders-svc");
    assertThat(claims.getAudience()).containsExactly("https://api.orders.example");
    assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now());
  }

  @Test
  void mints_a_good_token_with_overridden_claims(TransmitMockHandle handle) throws Exception {
    String token =
        handle.token(
            TokenSpec.builder().clientId("orders-svc").claim("roles", List.of("Admin")).build());

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("Admin");
    assertThat(jwt.getHeader().getKeyID()).isNotBlank();
  }

  @Test
  void the_injected_handle_and_the_extension_mint_from_the_same_server(TransmitMockHandle handle)
      throws Exception {
    String kid = SignedJWT.parse(handle.defectiveToken(Defect.EXPIRED)).getHeader().getKeyID();

    assertThat(SignedJWT.parse(mock.tokenFor("orders-svc")).getHeader().getKeyID()).isEqualTo(kid);
  }
}
