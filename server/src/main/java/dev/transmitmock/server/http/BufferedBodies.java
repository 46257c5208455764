package dev.transmitmock.server.http;

import dev.transmitmock.server.token.OAuthError;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every request body completely, without holding a thread, before the routes run: a client
 * that sends its body slowly or stops half-way costs a connection, never a request thread. The body
 * must arrive within {@link ServerLimits#REQUEST_BODY_TIMEOUT} (408 otherwise) and stay within its
 * route's {@link BodyLimits limit} (the Transmit endpoints: 400 "failed to parse the request body";
 * the control API: 413); a body announced as larger is left to the routes, which answer the same
 * without reading it.
 */
final class BufferedBodies extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(BufferedBodies.class);
  private static final String JSON = "application/json;charset=utf-8";

  private final BodyLimits limits;
  private final Duration timeout;
  private final AtomicInteger buffering = new AtomicInteger();

  BufferedBodies(BodyLimits limits, Duration timeout) {
    this.limits = limits;
    this.timeout = timeout;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long length = request.getLength();
    int maxBodyBytes = limits.limitFor(request.getHttpURI().getPath());
    if (length == 0 || length > maxBodyBytes) {
      return super.handle(request, response, callback);
    }
    if (buffering.incrementAndGet() > ServerLimits.MAX_BUFFERING_BODIES) {
      // Memory stays bounded: past this many bodies in flight, read on a thread as usual.
      buffering.decrementAndGet();
      return super.handle(request, response, callback);
    }
    CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, maxBodyBytes);
    body.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenCompleteAsync(
            (bytes, failure) -> {
              buffering.decrementAndGet();
              if (failure != null) {
                refuse(request, response, callback, failure);
              } else {
                dispatch(request, response, callback, bytes);
              }
            },
            request.getComponents().getExecutor());
    return true;
  }

  private void dispatch(Request request, Response response, Callback callback, byte[] bytes) {
    Request buffered = new Buffered(request, bytes);
    try {
      if (!super.handle(buffered, response, callback)) {
        Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
      }
    } catch (Throwable failure) {
      LOG.error("unexpected failure on {}: {}", request.getMethod(), failure.getClass().getName());
      Response.writeError(request, response, callback, failure);
    }
  }

  private void refuse(Request request, Response response, Callback callback, Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    int status;
    String description;
    if (cause instanceof TimeoutException) {
      status = HttpStatus.REQUEST_TIMEOUT_408;
      description = "the request body did not arrive within " + timeout.toSeconds() + " seconds";
    } else if (cause instanceof IllegalArgumentException) {
      OAuthError tooLarge = limits.tooLarge(request.getHttpURI().getPath());
      status = tooLarge.status();
      description = tooLarge.description();
    } else {
      status = HttpStatus.BAD_REQUEST_400;
      description = "failed to parse the request body";
    }
    LOG.debug("request body refused with {}: {}", status, cause.getClass().getName());
    if (response.isCommitted()) {
      callback.failed(cause);
      return;
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    String json = "{\"error\":\"invalid_request\",\"error_description\":\"" + description + "\"}";
    response.write(
        true, ByteBuffer.wrap(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), callback);
  }

  /** The request with its body already in memory. */
  private static final class Buffered extends Request.Wrapper {
    private final ByteBuffer body;
    private final AtomicBoolean served = new AtomicBoolean();

    Buffered(Request request, byte[] bytes) {
      super(request);
      this.body = ByteBuffer.wrap(bytes);
    }

    @Override
    public Content.Chunk read() {
      if (served.compareAndSet(false, true)) {
        return Content.Chunk.from(body.asReadOnlyBuffer(), true);
      }
      return Content.Chunk.EOF;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public boolean consumeAvailable() {
      served.set(true);
      return true;
    }
  }
}
