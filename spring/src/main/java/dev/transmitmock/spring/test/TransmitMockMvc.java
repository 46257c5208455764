package dev.transmitmock.spring.test;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.junit.contract.ProtectedEndpoint;
import jakarta.servlet.ServletContext;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.SmartRequestBuilder;
import org.springframework.test.web.servlet.request.ConfigurableSmartRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * MockMvc with real Transmit tokens. Spring Security's {@code jwt()} post-processor puts an
 * authentication in place and skips the application's {@code JwtDecoder}, so the issuer, audience,
 * {@code typ} and expiry checks are never exercised; {@link #transmitToken(String)} sends a token
 * the emulator signed, through the decoder the application runs in production.
 *
 * <pre>{@code
 * mvc.perform(get("/orders/42")
 *         .with(transmitToken("storefront").resource("https://api.orders.example")))
 *     .andExpect(status().isOk());
 * }</pre>
 *
 * <p>The consumer contract kit, through MockMvc:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> the_api_rejects_every_defective_token(TransmitMockHandle mock) {
 *   return ConsumerContract.builder(mock)
 *       .client("storefront")
 *       .resource("https://api.orders.example")
 *       .consumerClock(mock.clock())
 *       .endpoint(protectedEndpoint(mvc, () -> get("/orders/42")))
 *       .build()
 *       .dynamicTests();
 * }
 * }</pre>
 */
public final class TransmitMockMvc {

  private TransmitMockMvc() {}

  /**
   * Adds {@code Authorization: Bearer <token>} with a token of the client, minted by the emulator
   * of the test's application context ({@link AutoConfigureTransmitMock} or a {@code
   * TransmitMockContainer} with {@code @ServiceConnection}) when the request is built, so a token
   * built before {@code mock.clock().advance(...)} carries the times of when it was sent. Without
   * {@link TransmitTokenPostProcessor#resource(String) resource}, the token has the client's
   * default audience, as a client that sends no {@code resource} gets from Transmit.
   *
   * @throws IllegalStateException (when the request is built) if the context has no emulator or
   *     MockMvc was not built from a web application context
   */
  public static TransmitTokenPostProcessor transmitToken(String clientId) {
    return new TransmitTokenPostProcessor(new TokenOrder(clientId));
  }

  /**
   * The request of a {@link ProtectedEndpoint} for the consumer contract kit: each call performs a
   * fresh request from {@code request} with the case's {@code Authorization} header (replacing any
   * the request had) and answers the status.
   *
   * @param request makes the request, e.g. {@code () -> get("/orders/42")}; post-processors it
   *     carries (such as {@code csrf()}) still apply
   */
  public static ProtectedEndpoint protectedEndpoint(
      MockMvc mvc, Supplier<? extends RequestBuilder> request) {
    requireNonNull(mvc, "mvc must not be null");
    requireNonNull(request, "request must not be null");
    return authorization -> {
      RequestBuilder built = request.get();
      RequestPostProcessor header = new AuthorizationHeader(authorization);
      // through the interface: MockHttpServletRequestBuilder.with's return type differs between
      // Spring Framework 6.2 and 7; a configurable builder stays Mergeable, so MockMvc still
      // applies its default request (springSecurity()'s, @AutoConfigureMockMvc's)
      RequestBuilder withHeader =
          built instanceof ConfigurableSmartRequestBuilder<?> configurable
              ? (RequestBuilder) configurable.with(header)
              : new WithAuthorization(built, header);
      return mvc.perform(withHeader).andReturn().getResponse().getStatus();
    };
  }

  /** {@link #transmitToken(String)}: mints when MockMvc builds the request. */
  public static final class TransmitTokenPostProcessor implements RequestPostProcessor {
    private final TokenOrder order;

    private TransmitTokenPostProcessor(TokenOrder order) {
      this.order = order;
    }

    /** The resource the token is for: it becomes the {@code aud}. */
    public TransmitTokenPostProcessor resource(String resource) {
      order.resource(resource);
      return this;
    }

    /** A claim to set or override, e.g. {@code claim("roles", List.of("Admin"))}. */
    public TransmitTokenPostProcessor claim(String name, Object value) {
      order.claim(name, value);
      return this;
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
      String bearer = order.bearer(emulator(request.getServletContext()));
      request.removeHeader(HttpHeaders.AUTHORIZATION);
      request.addHeader(HttpHeaders.AUTHORIZATION, bearer);
      return request;
    }

    private TransmitMockConnectionDetails emulator(ServletContext servletContext) {
      WebApplicationContext context =
          servletContext == null
              ? null
              : WebApplicationContextUtils.getWebApplicationContext(servletContext);
      TransmitMockConnectionDetails emulator =
          context == null
              ? null
              : context.getBeanProvider(TransmitMockConnectionDetails.class).getIfUnique();
      if (emulator == null) {
        throw new IllegalStateException(
            order
                + " finds no emulator: build MockMvc from the test's web application context"
                + " (@AutoConfigureMockMvc, or MockMvcBuilders.webAppContextSetup(context)) in a"
                + " test with @AutoConfigureTransmitMock or a TransmitMockContainer with"
                + " @ServiceConnection");
      }
      return emulator;
    }

    @Override
    public String toString() {
      return order.toString();
    }
  }

  /** Sets the contract case's {@code Authorization} header, or removes any. */
  private record AuthorizationHeader(Optional<String> authorization)
      implements RequestPostProcessor {
    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
      request.removeHeader(HttpHeaders.AUTHORIZATION);
      authorization.ifPresent(value -> request.addHeader(HttpHeaders.AUTHORIZATION, value));
      return request;
    }
  }

  /** A request builder of another kind, with the header set after its own post-processing. */
  private record WithAuthorization(RequestBuilder request, RequestPostProcessor header)
      implements SmartRequestBuilder {

    @Override
    public MockHttpServletRequest buildRequest(ServletContext servletContext) {
      return request.buildRequest(servletContext);
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest built) {
      MockHttpServletRequest processed =
          request instanceof SmartRequestBuilder smart ? smart.postProcessRequest(built) : built;
      return header.postProcessRequest(processed);
    }
  }
}
