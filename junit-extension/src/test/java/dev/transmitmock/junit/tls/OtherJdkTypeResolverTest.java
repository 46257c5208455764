package dev.transmitmock.junit.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transmitmock.junit.InjectTransmitMock;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.support.Fixtures;
import dev.transmitmock.server.pki.TlsIdentity;
import dev.transmitmock.server.testing.TestHttp;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code SSLContext} and {@code X509Certificate} are JDK types other extensions supply too: the
 * extension resolves them only for parameters annotated {@link InjectTransmitMock}, so another
 * resolver of these types works beside it without "competing ParameterResolvers".
 */
@TransmitMock(https = true)
class OtherJdkTypeResolverTest {

  @Test
  void unannotated_parameters_are_left_to_another_resolver_when_https_is_on() {
    EngineExecutionResults results = Fixtures.run(OtherResolverWithHttps.class);

    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void unannotated_parameters_are_left_to_another_resolver_when_https_is_off() {
    EngineExecutionResults results = Fixtures.run(OtherResolverWithoutHttps.class);

    assertThat(Fixtures.failures(results)).isEmpty();
    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void an_annotated_ssl_context_parameter_still_gets_the_emulators_context(
      @InjectTransmitMock SSLContext tls,
      @InjectTransmitMock X509Certificate ca,
      TransmitMockHandle mock)
      throws IOException {
    assertThat(tls).isSameAs(mock.sslContext());
    assertThat(ca).isEqualTo(mock.caCertificate());
    assertThat(
            TestHttp.to(mock.httpsTokenEndpoint(), tls)
                .token("demo-app", "demo-app-secret")
                .status())
        .isEqualTo(200);
  }

  /** A third-party resolver of the same JDK types, as another extension would register one. */
  static final class OwnTlsResolver implements ParameterResolver {
    static final SSLContext CONTEXT = newContext();
    static final X509Certificate CERTIFICATE =
        TlsIdentity.certificateAuthority("CN=another extension's CA").certificate();

    private static SSLContext newContext() {
      try {
        return SSLContext.getInstance("TLS");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      Class<?> type = parameter.getParameter().getType();
      return type == SSLContext.class || type == X509Certificate.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SSLContext.class ? CONTEXT : CERTIFICATE;
    }
  }

  @TransmitMock(https = true)
  @ExtendWith(OwnTlsResolver.class)
  static class OtherResolverWithHttps {
    @Test
    void gets_the_other_resolvers_values(
        SSLContext tls, X509Certificate certificate, TransmitMockHandle mock) {
      assertThat(tls).isSameAs(OwnTlsResolver.CONTEXT).isNotSameAs(mock.sslContext());
      assertThat(certificate).isSameAs(OwnTlsResolver.CERTIFICATE);
      assertThat(certificate).isNotEqualTo(mock.caCertificate());
    }
  }

  @TransmitMock
  @ExtendWith(OwnTlsResolver.class)
  static class OtherResolverWithoutHttps {
    @Test
    void gets_the_other_resolvers_values(SSLContext tls, X509Certificate certificate) {
      assertThat(tls).isSameAs(OwnTlsResolver.CONTEXT);
      assertThat(certificate).isSameAs(OwnTlsResolver.CERTIFICATE);
    }
  }
}
