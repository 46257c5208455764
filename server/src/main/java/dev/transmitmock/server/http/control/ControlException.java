package dev.transmitmock.server.http.control;

/**
 * A control-API request that cannot be served, answered as JSON {@code {"error": ...,
 * "error_description": ...}} with its status. Carries no stack trace: it is an answer, not a bug.
 */
final class ControlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;

  private ControlException(int status, String error, String description) {
    super(description, null, false, false);
    this.status = status;
    this.error = error;
  }

  /** 400 {@code invalid_request}, naming the field at fault. */
  static ControlException badField(String field, String problem) {
    return new ControlException(400, "invalid_request", field + ": " + problem);
  }

  /** 400 {@code invalid_request}. */
  static ControlException badRequest(String description) {
    return new ControlException(400, "invalid_request", description);
  }

  /** 404 {@code not_found}. */
  static ControlException notFound(String description) {
    return new ControlException(404, "not_found", description);
  }

  /** 409 {@code conflict}: the request is valid but clashes with the current state. */
  static ControlException conflict(String description) {
    return new ControlException(409, "conflict", description);
  }

  /** 401 {@code unauthorized}: a missing or wrong control token. */
  static ControlException unauthorized(String description) {
    return new ControlException(401, "unauthorized", description);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }
}
