package dev.transmitmock.server.defects;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.control.DefectReference;
import dev.transmitmock.server.control.MockClock;
import dev.transmitmock.server.keys.SigningKey;
import dev.transmitmock.server.token.ShapedTokenSigner;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs the tokens next-token rules shape, applying a rule's defect with the catalog's recipe, as
 * {@code POST /_mock/tokens} applies it after a spec's overrides. Given to the token service at
 * construction; {@link DefectiveTokens} shares its foreign keys.
 *
 * <pre>{@code
 * ShapedTokens shaped = new ShapedTokens(clock);
 * TokenService tokens = new TokenService(config, registry, signing, clock, journal, settings,
 *     ClientCaTrust.NONE, shaped);
 * }</pre>
 */
public final class ShapedTokens implements ShapedTokenSigner {
  final ForeignKeys foreign = new ForeignKeys();
  private final MockClock clock;

  /** Shaped tokens whose time defects are relative to {@code clock}. */
  public ShapedTokens(MockClock clock) {
    this.clock = requireNonNull(clock, "clock must not be null");
  }

  @Override
  public String sign(
      SigningKey key,
      Map<String, Object> header,
      Map<String, Object> claims,
      Optional<DefectReference> defect) {
    Draft draft =
        new Draft(
            new LinkedHashMap<>(header),
            new LinkedHashMap<>(claims),
            requireNonNull(key, "key must not be null"),
            foreign,
            clock.instant().truncatedTo(ChronoUnit.SECONDS));
    return defect
        .map(reference -> DefectCatalog.require(reference.id()).mint(draft))
        .orElseGet(() -> draft.signedBy(key));
  }
}
