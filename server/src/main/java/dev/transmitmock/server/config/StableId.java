package dev.transmitmock.server.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable identifiers in Transmit's 21-character nanoid alphabet, derived from a seed so that the
 * same config always yields the same {@code tid} and {@code app_id}.
 */
final class StableId {
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();

  private StableId() {}

  static String of(String seed, int length) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      char[] id = new char[length];
      for (int i = 0; i < length; i++) {
        id[i] = ALPHABET[(digest[i % digest.length] & 0xff) % ALPHABET.length];
      }
      return new String(id);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
