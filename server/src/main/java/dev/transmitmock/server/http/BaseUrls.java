package dev.transmitmock.server.http;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;

/**
 * The base URL clients see: the configured public base URL, else the {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} a proxy set, else the request's own scheme and host.
 */
public final class BaseUrls {
  private BaseUrls() {}

  /** The configured public base URL, without a trailing slash. */
  public static String configured(URI publicBaseUrl) {
    return stripTrailingSlash(publicBaseUrl.toString());
  }

  /**
   * The base URL clients use: the configured public one, else the request's as forwarded by a proxy
   * or as it arrived.
   */
  public static String of(Context ctx, Optional<URI> publicBaseUrl) {
    if (publicBaseUrl.isPresent()) {
      return stripTrailingSlash(publicBaseUrl.get().toString());
    }
    String proto = first(ctx.header("X-Forwarded-Proto")).orElse(ctx.scheme());
    String host =
        first(ctx.header("X-Forwarded-Host"))
            .or(() -> Optional.ofNullable(ctx.header("Host")))
            .orElse(ctx.host());
    if (!proto.equalsIgnoreCase("http") && !proto.equalsIgnoreCase("https")) {
      proto = ctx.scheme();
    }
    if (!isPlausibleHost(host)) {
      host = ctx.host();
    }
    return proto.toLowerCase(java.util.Locale.ROOT) + "://" + host;
  }

  /**
   * The base URL of the request as it reached this server: the connection's own scheme and the
   * {@code Host} header (a port-mapped Docker address), never {@code X-Forwarded-*}, which any
   * client can set.
   */
  public static String direct(Context ctx) {
    String host = ctx.header("Host");
    if (!isPlausibleHost(host)) {
      host = ctx.host();
    }
    return ctx.scheme().toLowerCase(java.util.Locale.ROOT) + "://" + host;
  }

  private static Optional<String> first(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    int comma = header.indexOf(',');
    return Optional.of((comma < 0 ? header : header.substring(0, comma)).trim());
  }

  /** A host[:port] without characters that could break the URLs built from it. */
  private static boolean isPlausibleHost(String host) {
    return host != null
        && !host.isEmpty()
        && host.length() <= 255
        && host.matches("[A-Za-z0-9.\\-\\[\\]:]+");
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
