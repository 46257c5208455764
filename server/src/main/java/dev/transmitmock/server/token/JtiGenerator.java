package dev.transmitmock.server.token;

import java.security.SecureRandom;

/**
 * Token ids in node-oidc-provider's default format: 21 characters of the URL-safe nanoid alphabet,
 * like Transmit's {@code 1RDCU98BmKir9ey-ax3d7}.
 */
public final class JtiGenerator {
  /** Length of a generated id. */
  public static final int LENGTH = 21;

  private static final char[] ALPHABET =
      "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict".toCharArray();
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(SecureRandom::new);

  private JtiGenerator() {}

  /** A fresh, unique id. */
  public static String next() {
    byte[] bytes = new byte[LENGTH];
    RANDOM.get().nextBytes(bytes);
    char[] id = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      id[i] = ALPHABET[bytes[i] & 63];
    }
    return new String(id);
  }
}
