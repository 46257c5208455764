package dev.transmitmock.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The subnet test that tells whether the engine's bridge network is attached to this machine. */
class SubnetTest {

  @Test
  void an_address_inside_the_bridge_subnet_matches() throws Exception {
    assertThat(RegistryCheck.inSubnet(InetAddress.getByName("172.17.0.1"), "172.17.0.0/16"))
        .isTrue();
  }

  @Test
  void an_address_outside_it_does_not() throws Exception {
    assertThat(RegistryCheck.inSubnet(InetAddress.getByName("172.18.0.1"), "172.17.0.0/16"))
        .isFalse();
    assertThat(RegistryCheck.inSubnet(InetAddress.getByName("127.0.0.1"), "172.17.0.0/16"))
        .isFalse();
  }

  @Test
  void families_and_malformed_subnets_never_match() throws Exception {
    assertThat(RegistryCheck.inSubnet(InetAddress.getByName("::1"), "172.17.0.0/16")).isFalse();
    assertThat(RegistryCheck.inSubnet(InetAddress.getByName("172.17.0.1"), "172.17.0.0")).isFalse();
    assertThat(RegistryCheck.inSubnet(InetAddress.getByName("172.17.0.1"), "172.17.0.0/40"))
        .isFalse();
  }
}
