package dev.transmitmock.server.token;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import java.util.Optional;

/**
 * A form request to the token, introspection or revocation endpoint, parsed once and shared by
 * everything that reads it: a fault rule matching its client, the endpoint authenticating it, and
 * the journal. The body is parsed on first use; a parse failure is kept and raised where the
 * endpoint reads the form, in node-oidc-provider's order, while the lenient views ({@link
 * #clientId()}, {@link #resource()}, ...) give empty values instead.
 *
 * <pre>{@code
 * FormRequest request = FormRequest.of(RawRequest.form("grant_type=client_credentials", auth));
 * Optional<String> clientId = request.clientId();          // for a fault rule, never throws
 * FormParameters form = request.form("/token");            // for the endpoint, throws OAuthException
 * }</pre>
 */
public final class FormRequest {
  private final RawRequest raw;
  private FormParameters parsed;
  private OAuthException unparseable;
  private Lenient lenient;

  private FormRequest(RawRequest raw) {
    this.raw = requireNonNull(raw, "raw must not be null");
  }

  /** The request as read from the wire. */
  public static FormRequest of(RawRequest raw) {
    return new FormRequest(raw);
  }

  /** The request as read from the wire. */
  public RawRequest raw() {
    return raw;
  }

  /**
   * The form as the endpoint reads it ({@code shared/selective_body.js}): without a {@code
   * Content-Type} an empty form, another content type refused, a body over the engine's 56 KiB
   * refused, broken encoding refused.
   *
   * @param path the endpoint path used in the error, e.g. {@code /token}
   * @throws OAuthException 400 {@code invalid_request}
   */
  public FormParameters form(String path) {
    FormParser.checkContent(raw, path);
    if (raw.contentType().filter(type -> !type.isBlank()).isEmpty()) {
      return FormParameters.empty();
    }
    return body();
  }

  /** The client id presented in the form or a Basic header; empty when unreadable. */
  public Optional<String> clientId() {
    return lenient().clientId();
  }

  /** How the client presented itself; {@code NONE} when unreadable. */
  public AuthMethod authMethod() {
    return lenient().authMethod();
  }

  /** The first non-empty {@code resource}; empty when unreadable. */
  public Optional<String> resource() {
    return lenient().resource();
  }

  /** The {@code scope}; empty when unreadable. */
  public Optional<String> scope() {
    return lenient().scope();
  }

  private FormParameters body() {
    synchronized (this) {
      if (parsed == null && unparseable == null) {
        try {
          parsed = FormParser.parse(raw.body());
        } catch (OAuthException e) {
          unparseable = e;
        }
      }
    }
    if (unparseable != null) {
      throw unparseable;
    }
    return parsed;
  }

  /** What a fault rule and its journal entry read: broken requests give empty values. */
  private synchronized Lenient lenient() {
    if (lenient == null) {
      FormParameters form;
      try {
        form = body();
      } catch (OAuthException e) {
        form = FormParameters.empty();
      }
      Optional<String> resource = form.get("resource").filter(r -> !r.isEmpty());
      Optional<String> scope = form.get("scope");
      try {
        PresentedCredentials credentials = PresentedCredentials.read(form, raw.authorization());
        lenient =
            new Lenient(Optional.of(credentials.clientId()), credentials.method(), resource, scope);
      } catch (OAuthException e) {
        lenient = new Lenient(form.get("client_id"), AuthMethod.NONE, resource, scope);
      }
    }
    return lenient;
  }

  private record Lenient(
      Optional<String> clientId,
      AuthMethod authMethod,
      Optional<String> resource,
      Optional<String> scope) {}
}
