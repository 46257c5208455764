package dev.transmitmock.server.http.oidc;

import dev.transmitmock.server.config.AuthMethod;
import dev.transmitmock.server.token.FormParameters;
import dev.transmitmock.server.token.FormParser;
import dev.transmitmock.server.token.OAuthException;
import dev.transmitmock.server.token.PresentedCredentials;
import dev.transmitmock.server.token.RawRequest;
import java.util.Optional;

/**
 * What a fault rule needs to know of a form request, read without consuming it: the client id (from
 * the form or a Basic header), how it authenticated, and the resource and scope asked for. Broken
 * requests give empty values rather than errors: the endpoint itself reports those.
 */
record RequestPeek(
    Optional<String> clientId,
    AuthMethod authMethod,
    Optional<String> resource,
    Optional<String> scope) {

  static final RequestPeek NOTHING =
      new RequestPeek(Optional.empty(), AuthMethod.NONE, Optional.empty(), Optional.empty());

  static RequestPeek of(RawRequest request) {
    FormParameters form;
    try {
      form = FormParser.parse(request.body());
    } catch (OAuthException e) {
      form = FormParameters.empty();
    }
    Optional<String> resource = form.get("resource").filter(r -> !r.isEmpty());
    Optional<String> scope = form.get("scope");
    try {
      PresentedCredentials credentials = PresentedCredentials.read(form, request.authorization());
      return new RequestPeek(
          Optional.of(credentials.clientId()), credentials.method(), resource, scope);
    } catch (OAuthException e) {
      return new RequestPeek(form.get("client_id"), AuthMethod.NONE, resource, scope);
    }
  }
}
