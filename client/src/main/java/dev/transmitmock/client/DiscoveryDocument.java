package dev.transmitmock.client;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/** The two fields of an OpenID discovery document the verifier needs: issuer and JWKS URL. */
record DiscoveryDocument(String issuer, URI jwksUri) {

  /** Discovery documents are a few kilobytes; anything far larger is not one. */
  private static final int MAX_BODY_BYTES = 256 * 1024;

  private static final int HTTP_OK = 200;

  static DiscoveryDocument fetch(URI discoveryUri, Duration connectTimeout, Duration readTimeout)
      throws IOException {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(discoveryUri)
            .timeout(readTimeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching the discovery document", e);
    }
    String body;
    try (InputStream in = response.body()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new IOException("discovery document at " + discoveryUri + " is too large");
      }
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    if (response.statusCode() != HTTP_OK) {
      throw new IOException(
          "discovery document at " + discoveryUri + " answered HTTP " + response.statusCode());
    }
    return parse(discoveryUri, body);
  }

  static DiscoveryDocument parse(URI discoveryUri, String body) throws IOException {
    try {
      Map<String, Object> json = JSONObjectUtils.parse(body);
      String issuer = JSONObjectUtils.getString(json, "issuer");
      URI jwksUri = JSONObjectUtils.getURI(json, "jwks_uri");
      if (issuer == null || issuer.isBlank() || jwksUri == null || !jwksUri.isAbsolute()) {
        throw new IOException(
            "discovery document at " + discoveryUri + " lacks 'issuer' or an absolute 'jwks_uri'");
      }
      return new DiscoveryDocument(issuer, jwksUri);
    } catch (ParseException e) {
      throw new IOException("discovery document at " + discoveryUri + " is not valid JSON", e);
    }
  }
}
