package dev.transmitmock.spring.test;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MockMvc over the application's context and security filter chain, built by hand rather than with
 * {@code @AutoConfigureMockMvc}: that annotation moved package between Boot 3.5 and 4, and these
 * test sources run on both.
 */
final class SecuredMockMvc {
  private SecuredMockMvc() {}

  static MockMvc of(WebApplicationContext context) {
    return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }
}
