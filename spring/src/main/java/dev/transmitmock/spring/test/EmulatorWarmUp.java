package dev.transmitmock.spring.test;

import dev.transmitmock.junit.TransmitMockHandle;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a fresh emulator for its JWKS once, before the application does. A decoder's first JWKS
 * request otherwise meets the emulator's cold HTTP stack (class loading, first JIT), which on a
 * busy machine outlasts Spring Security's 500 ms read timeout: the first test would fail with "Read
 * timed out" instead of its real result.
 */
final class EmulatorWarmUp {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private EmulatorWarmUp() {}

  static void jwks(TransmitMockHandle mock, String where) {
    HttpRequest request = HttpRequest.newBuilder(mock.jwksUri()).timeout(PATIENCE).GET().build();
    try {
      HttpResponse<Void> response =
          HttpClient.newBuilder()
              .connectTimeout(PATIENCE)
              .build()
              .send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            where + ": the emulator answered its JWKS with " + response.statusCode());
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          where + ": the emulator did not answer its JWKS (" + mock.jwksUri() + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(where + ": interrupted while waiting for the emulator", e);
    }
  }
}
