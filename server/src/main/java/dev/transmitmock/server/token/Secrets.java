package dev.transmitmock.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Comparison of secrets in constant time, so that timing does not reveal how much matched. */
final class Secrets {
  private Secrets() {}

  /** Whether two secrets are equal; takes the same time wherever they differ, whatever length. */
  static boolean matches(String presented, String expected) {
    return MessageDigest.isEqual(digest(presented), digest(expected));
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
