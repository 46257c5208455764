package dev.transmitmock.server.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Transmit's production regions, each with the issuer its tokens carry and the API host that serves
 * its {@code /oidc} endpoints.
 *
 * <pre>{@code
 * MockConfig config = MockConfig.builder().region(Region.EU).build(); // iss = https://eu.userid.security
 * }</pre>
 */
public enum Region {
  US("https://userid.security", "https://api.transmitsecurity.io"),
  EU("https://eu.userid.security", "https://api.eu.transmitsecurity.io"),
  CA("https://ca.userid.security", "https://api.ca.transmitsecurity.io"),
  AU("https://au.userid.security", "https://api.au.transmitsecurity.io");

  private final String issuer;
  private final String apiBaseUrl;

  Region(String issuer, String apiBaseUrl) {
    this.issuer = issuer;
    this.apiBaseUrl = apiBaseUrl;
  }

  /** The {@code iss} claim of tokens minted in this region. */
  public String issuer() {
    return issuer;
  }

  /** The API host of this region, e.g. {@code https://api.eu.transmitsecurity.io}. */
  public String apiBaseUrl() {
    return apiBaseUrl;
  }

  /** Parses a region name case-insensitively ({@code "eu"}, {@code "EU"}). */
  public static Optional<Region> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
