package dev.transmitmock.server.config;

/** JWS algorithms the emulator can sign access tokens with. */
public enum SigningAlgorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256, Transmit's algorithm and the default. */
  RS256,
  /** RSASSA-PSS with SHA-256, for FAPI deployments. */
  PS256,
  /** ECDSA P-256 with SHA-256. */
  ES256
}
