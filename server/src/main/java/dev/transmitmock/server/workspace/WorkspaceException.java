package dev.transmitmock.server.workspace;

/** A workspace request that cannot be met: a malformed id (400) or a clash (409). */
public final class WorkspaceException extends RuntimeException {
  private final int status;
  private final String error;

  private WorkspaceException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  static WorkspaceException badRequest(String message) {
    return new WorkspaceException(400, "invalid_request", message);
  }

  static WorkspaceException conflict(String message) {
    return new WorkspaceException(409, "conflict", message);
  }

  /** The HTTP status: 400 or 409. */
  public int status() {
    return status;
  }

  /** {@code invalid_request} or {@code conflict}. */
  public String error() {
    return error;
  }
}
