package dev.transmitmock.junit.contract;

import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.defects.Defect;
import dev.transmitmock.server.defects.DefectCatalog;
import dev.transmitmock.server.defects.DefectiveTokens;
import dev.transmitmock.server.defects.TokenSpec;
import java.util.List;
import java.util.Optional;

/**
 * One case per entry of the emulator's catalog of defective tokens ({@link Defect}): forged
 * signatures, {@code alg: none}, algorithm confusion, unknown {@code kid}, wrong issuer or
 * audience, expired, ... Skew-sensitive defects become {@link Expectation#REPORT} cases.
 */
final class DefectCases {
  private final TransmitMockServer server;
  private final DefectiveTokens minter;
  private final TokenSpec spec;
  private final String audience;

  DefectCases(
      TransmitMockServer server,
      DefectiveTokens minter,
      String clientId,
      Optional<String> resource) {
    this.server = server;
    this.minter = minter;
    TokenSpec.Builder builder = TokenSpec.builder().clientId(clientId);
    resource.ifPresent(builder::resource);
    this.spec = builder.build();
    this.audience = resource.orElse(server.config().defaultAudience());
  }

  List<ContractCase> cases() {
    return DefectCatalog.all().stream().map(this::toCase).toList();
  }

  private ContractCase toCase(Defect defect) {
    DefectAdvice advice = DefectAdvice.of(defect.expectedRejection(), server.issuer(), audience);
    return new ContractCase(
        defect.id(),
        defect.description(),
        advice.attack() + " (" + defect.reference() + ")",
        advice.fix(),
        defect.skewSensitive() ? Expectation.REPORT : Expectation.REJECT,
        () -> Optional.of(ConsumerContract.bearer(minter.mint(defect, spec))));
  }

  @Override
  public String toString() {
    return "DefectCases[" + server + ", " + spec + "]";
  }
}
