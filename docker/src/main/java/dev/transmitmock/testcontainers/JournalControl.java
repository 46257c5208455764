package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The emulator's request journal: what the code under test actually sent to the token,
 * introspection and revocation endpoints since the last reset.
 *
 * <pre>{@code
 * List<RecordedRequest> issued = mock.control().journal()
 *     .entries(Map.of("clientId", "orders-svc", "outcome", "issued"));
 * assertThat(issued).hasSize(1);
 * }</pre>
 *
 * <p>Filters (combined with AND): {@code clientId}, {@code endpoint} ({@code token}, {@code
 * introspection}, {@code revocation}), {@code outcome} ({@code issued}, {@code succeeded}, {@code
 * rejected}, {@code faulted}, {@code injected} or an OAuth error code), {@code resource}, {@code
 * after} (a sequence number).
 */
public final class JournalControl {

  static final String PATH = "/_mock/journal";

  private final EmulatorHttp http;

  JournalControl(EmulatorHttp http) {
    this.http = http;
  }

  /** Every recorded request, oldest first. */
  public List<RecordedRequest> entries() {
    return entries(Map.of());
  }

  /** The recorded requests matching the filters, oldest first. */
  public List<RecordedRequest> entries(Map<String, String> filters) {
    requireNonNull(filters, "filters must not be null");
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    new TreeMap<>(filters)
        .forEach(
            (name, value) ->
                query.add(
                    URLEncoder.encode(name, StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(
                            requireNonNull(value, "filter value must not be null"),
                            StandardCharsets.UTF_8)));
    Object answer = http.controlGet(PATH + query);
    Object list = answer instanceof Map ? ((Map<?, ?>) answer).get("entries") : answer;
    if (!(list instanceof List)) {
      throw new TransmitMockException(
          "GET " + PATH + " answered without a list of entries", 200, "");
    }
    return ((List<?>) list)
        .stream()
            .filter(Map.class::isInstance)
            .map(entry -> RecordedRequest.fromJson((Map<?, ?>) entry))
            .toList();
  }

  /** The tokens issued to a client since the last reset. */
  public List<RecordedRequest> issuedTo(String clientId) {
    requireNonNull(clientId, "clientId must not be null");
    return entries(Map.of("clientId", clientId, "outcome", "issued"));
  }

  /** The rejected requests since the last reset (wrong secret, unknown resource, ...). */
  public List<RecordedRequest> rejected() {
    return entries(Map.of("outcome", "rejected"));
  }

  /** Empties the journal. */
  public void clear() {
    http.controlDelete(PATH);
  }
}
