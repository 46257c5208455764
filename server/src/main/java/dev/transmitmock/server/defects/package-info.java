/**
 * Deliberately defective tokens: the consumer contract catalog.
 *
 * <p>{@link dev.transmitmock.server.defects.Defect} lists, as data, every kind of token a correct
 * consumer of Transmit access tokens must reject (expired, wrong audience, {@code alg: none}, HS256
 * keyed with the RSA public key, unknown {@code kid}, the ES256 "psychic" signature, ...), each
 * with a stable id, a one-line description, its RFC section or CVE, and the reason a careful
 * verifier gives ({@link dev.transmitmock.protocol.RejectionCategory}). {@link
 * dev.transmitmock.server.defects.DefectiveTokens} mints them, and good tokens with any claim or
 * header overridden ({@link dev.transmitmock.server.defects.TokenSpec}), from the emulator's own
 * token service, keys, configuration and clock.
 *
 * <pre>{@code
 * DefectiveTokens defects = new DefectiveTokens(tokenService, keyRing, config, clock);
 * for (Defect defect : DefectCatalog.all()) {
 *   String token = defects.mint(defect, TokenSpec.forClient("demo-app"));
 *   // the consumer under test must reject it, ideally for defect.expectedRejection();
 *   // defect.skewSensitive() defects may be accepted by consumers allowing clock skew
 * }
 * }</pre>
 *
 * <p>A careful verifier, as the categories assume: RS256 only; a {@code kid} required and looked up
 * exactly in the JWKS; {@code jwk}, {@code jku} and {@code x5u} headers ignored; unknown {@code
 * crit} parameters refused; only base64url characters in the token; {@code typ} {@code at+jwt},
 * {@code JWT} or absent; exact {@code iss}; expected {@code aud}; {@code exp}, {@code iat}, {@code
 * iss}, {@code aud} and {@code sub} required; {@code exp}, {@code nbf} and {@code iat} checked
 * against its clock with little or no skew. Nimbus' {@code DefaultJWTProcessor} needs three
 * additions to be one: a key selector that refuses a missing {@code kid} (Nimbus otherwise tries
 * every key), an {@code iat}-in-the-future check, and a character check (Nimbus' base64url decoder
 * skips characters outside the alphabet, so it accepts the {@code non-base64url} token).
 *
 * <p>{@link dev.transmitmock.server.defects.TokenInspector} is the other direction: for any token,
 * every reason that careful verifier rejects it (not only the first), judged against the emulator's
 * keys, issuer, audiences and clock, as {@code POST /_mock/tokens/inspect} and the console's token
 * decoder show it.
 */
package dev.transmitmock.server.defects;
