package dev.transmitmock.spring.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

/** {@link TransmitMockMvc#transmitToken(String)} outside a context with an emulator. */
class TransmitMockMvcTest {

  @Test
  void a_request_without_an_application_context_gets_an_error_saying_what_is_missing() {
    MockHttpServletRequest request = new MockHttpServletRequest(new MockServletContext());

    assertThatThrownBy(
            () -> TransmitMockMvc.transmitToken("storefront").postProcessRequest(request))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transmitToken(\"storefront\") finds no emulator")
        .hasMessageContaining("@AutoConfigureTransmitMock");
  }

  @Test
  void a_blank_client_is_refused_at_once() {
    assertThatThrownBy(() -> TransmitMockMvc.transmitToken(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
