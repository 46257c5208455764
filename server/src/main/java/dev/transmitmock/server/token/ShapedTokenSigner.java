package dev.transmitmock.server.token;

import dev.transmitmock.server.control.DefectReference;
import dev.transmitmock.server.keys.SigningKey;
import java.util.Map;
import java.util.Optional;

/**
 * Signs the token of a response a next-token rule shapes: exactly this header and these claims,
 * with a defect of the catalog applied after them when the rule names one. The emulator uses its
 * {@code DefectiveTokens}, so a rule's defect is the same as {@code POST /_mock/tokens}'.
 */
@FunctionalInterface
public interface ShapedTokenSigner {
  /** Signs without defects: the header is serialized as given; a defect is refused. */
  ShapedTokenSigner PLAIN =
      (key, header, claims, defect) -> {
        if (defect.isPresent()) {
          throw new IllegalStateException(
              "this token service has no defect catalog plugged in (shapedSigner)");
        }
        return TokenMinter.signRaw(header, claims, key);
      };

  /**
   * The compact token.
   *
   * @param key the client's signing key
   * @param header the JOSE header, {@code alg} and {@code kid} of {@code key} unless overridden
   * @param claims the claims in order
   * @param defect a catalog defect to apply after them, if any
   */
  String sign(
      SigningKey key,
      Map<String, Object> header,
      Map<String, Object> claims,
      Optional<DefectReference> defect);
}
