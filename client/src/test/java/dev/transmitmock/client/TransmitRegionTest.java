package dev.transmitmock.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TransmitRegionTest {

  @Test
  void us_is_the_unlabelled_global_region() {
    assertThat(TransmitRegion.US.issuer()).isEqualTo("https://userid.security");
    assertThat(TransmitRegion.US.jwksUri())
        .isEqualTo(URI.create("https://api.transmitsecurity.io/cis/oidc/jwks"));
    assertThat(TransmitRegion.US.tokenEndpoint())
        .isEqualTo(URI.create("https://api.transmitsecurity.io/oidc/token"));
    assertThat(TransmitRegion.US.discoveryUri())
        .isEqualTo(
            URI.create(
                "https://api.transmitsecurity.io/cis/oidc/.well-known/openid-configuration"));
  }

  @Test
  void eu_ca_and_au_carry_their_region_label_in_issuer_and_api_host() {
    assertThat(TransmitRegion.EU.issuer()).isEqualTo("https://eu.userid.security");
    assertThat(TransmitRegion.EU.jwksUri())
        .isEqualTo(URI.create("https://api.eu.transmitsecurity.io/cis/oidc/jwks"));
    assertThat(TransmitRegion.EU.tokenEndpoint())
        .isEqualTo(URI.create("https://api.eu.transmitsecurity.io/oidc/token"));

    assertThat(TransmitRegion.CA.issuer()).isEqualTo("https://ca.userid.security");
    assertThat(TransmitRegion.CA.jwksUri())
        .isEqualTo(URI.create("https://api.ca.transmitsecurity.io/cis/oidc/jwks"));
    assertThat(TransmitRegion.CA.tokenEndpoint())
        .isEqualTo(URI.create("https://api.ca.transmitsecurity.io/oidc/token"));

    assertThat(TransmitRegion.AU.issuer()).isEqualTo("https://au.userid.security");
    assertThat(TransmitRegion.AU.jwksUri())
        .isEqualTo(URI.create("https://api.au.transmitsecurity.io/cis/oidc/jwks"));
    assertThat(TransmitRegion.AU.tokenEndpoint())
        .isEqualTo(URI.create("https://api.au.transmitsecurity.io/oidc/token"));
  }

  @Test
  void a_region_preset_sets_the_verifier_issuer() throws Exception {
    for (TransmitRegion region : TransmitRegion.values()) {
      TransmitTokenVerifier verifier =
          TransmitTokenVerifier.builder().region(region).audience("userid-api").build();
      assertThat(verifier.issuer()).isEqualTo(region.issuer());
    }
  }
}
