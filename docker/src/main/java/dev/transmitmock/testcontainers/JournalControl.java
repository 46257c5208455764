package dev.transmitmock.testcontainers;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The emulator's request journal: what the code under test actually sent.
 *
 * <pre>{@code
 * List<RecordedRequest> calls = mock.control().journal().entries(Map.of("clientId", "orders-svc"));
 * assertThat(calls).hasSize(1);
 * }</pre>
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

  /**
   * The recorded requests matching the filters, oldest first; filters are the journal's query
   * parameters, e.g. {@code clientId}, {@code endpoint}, {@code resource}.
   */
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

  /** Empties the journal. */
  public void clear() {
    http.controlDelete(PATH);
  }
}
