/**
 * One test class per group of rows of TRANSMIT_FACTS section 13 (the second source check against
 * node-oidc-provider and Transmit's documentation), over real HTTP: each pins the wire behaviour
 * the README's "Fidelity" table lists, and its source.
 */
package dev.transmitmock.server.fidelity;
