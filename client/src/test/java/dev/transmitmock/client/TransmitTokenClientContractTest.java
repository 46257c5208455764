package dev.transmitmock.client;

import dev.transmitmock.junit.TransmitClient;
import dev.transmitmock.junit.TransmitMock;
import dev.transmitmock.junit.TransmitMockHandle;
import dev.transmitmock.junit.contract.ClientContract;
import dev.transmitmock.junit.contract.JulLogSink;
import dev.transmitmock.junit.contract.LogSink;
import dev.transmitmock.junit.contract.TokenCaller;
import dev.transmitmock.server.testing.TestHttp;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link TransmitTokenClient} keeps the token-client contract: every case of the kit's {@link
 * ClientContract}, with both ways of sending the secret, and its DEBUG log captured too.
 */
@TransmitMock(
    clients = {
      @TransmitClient(
          id = TransmitTokenClientContractTest.POST_CLIENT,
          secret = TransmitTokenClientContractTest.POST_SECRET,
          resources = TransmitTokenClientContractTest.ORDERS),
      @TransmitClient(
          id = TransmitTokenClientContractTest.BASIC_CLIENT,
          secret = TransmitTokenClientContractTest.BASIC_SECRET,
          resources = TransmitTokenClientContractTest.ORDERS)
    })
class TransmitTokenClientContractTest {
  static final String ORDERS = "https://api.orders.example";
  static final String POST_CLIENT = "contract-post-svc";
  static final String POST_SECRET = "contract-post-secret-do-not-log";
  static final String BASIC_CLIENT = "contract-basic-svc";
  static final String BASIC_SECRET = "contract-basic-secret: do not log";

  @TestFactory
  Stream<DynamicTest> keeps_the_contract_with_the_secret_in_the_form(TransmitMockHandle mock) {
    return contract(mock, POST_CLIENT, POST_SECRET, ClientAuthentication.CLIENT_SECRET_POST);
  }

  @TestFactory
  Stream<DynamicTest> keeps_the_contract_with_http_basic(TransmitMockHandle mock) {
    return contract(mock, BASIC_CLIENT, BASIC_SECRET, ClientAuthentication.CLIENT_SECRET_BASIC);
  }

  private static Stream<DynamicTest> contract(
      TransmitMockHandle mock, String clientId, String secret, ClientAuthentication method) {
    TransmitTokenClient tokens =
        TransmitTokenClient.builder()
            .tokenEndpoint(mock.tokenEndpoint())
            .clientId(clientId)
            .clientSecret(secret)
            .authentication(method)
            .clock(mock.clock())
            .build();
    JulLogSink debugLog = LogSink.julLoggers(TransmitTokenClient.class.getName());
    return ClientContract.builder(mock)
        .client(clientId)
        .resource(ORDERS)
        .caller(callWith(tokens))
        .logSink(debugLog)
        .build()
        .dynamicTests()
        .onClose(debugLog::close);
  }

  /** What a service does: a token for the orders API, and a fresh one after a 401. */
  private static TokenCaller callWith(TransmitTokenClient tokens) {
    return downstream -> {
      AccessToken token = tokens.accessToken(ORDERS);
      int status =
          TestHttp.plain()
              .get(
                  downstream.resolve("/orders/42").toString(),
                  Map.of("Authorization", token.authorizationHeader()))
              .status();
      if (status == 401) {
        tokens.invalidate(ORDERS);
      }
      if (status != 200) {
        throw new IllegalStateException("the orders API answered " + status);
      }
    };
  }
}
