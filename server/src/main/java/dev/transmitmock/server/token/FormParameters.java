package dev.transmitmock.server.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The decoded parameters of an {@code application/x-www-form-urlencoded} body, in order. */
public final class FormParameters {
  private final Map<String, List<String>> values;

  FormParameters(Map<String, List<String>> values) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** No parameters at all. */
  public static FormParameters empty() {
    return new FormParameters(Map.of());
  }

  /** Every value of a parameter, in order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /**
   * The single value of a parameter; an empty value counts as absent, as in node-oidc-provider.
   * Call {@link #rejectDuplicates(Set)} first so that "single" holds.
   */
  public Optional<String> get(String name) {
    List<String> list = values.get(name);
    if (list == null || list.isEmpty() || list.get(0).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(list.get(0));
  }

  /** Whether the parameter is present with a non-empty value. */
  public boolean has(String name) {
    return get(name).isPresent();
  }

  /**
   * Rejects any parameter given twice but those in {@code except}: 400 {@code invalid_request}
   * "'grant_type' parameter must not be provided twice".
   *
   * @param except parameters that may repeat (checked later with their own error)
   */
  public FormParameters rejectDuplicates(Set<String> except) {
    List<String> repeated = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : values.entrySet()) {
      if (entry.getValue().size() > 1 && !except.contains(entry.getKey())) {
        repeated.add(printable(entry.getKey()));
      }
    }
    return refuse(repeated);
  }

  /**
   * Rejects the named parameters when given twice, as node-oidc-provider's {@code
   * shared/reject_dupes.js} with {@code only}: the engine reads only its own parameters, so any
   * other may repeat. The message names every repeated one, in {@code names}' order: "'client_id'
   * and 'client_secret' parameters must not be provided twice".
   */
  public FormParameters rejectRepeated(List<String> names) {
    List<String> repeated = new ArrayList<>();
    for (String name : names) {
      if (all(name).size() > 1) {
        repeated.add(name);
      }
    }
    return refuse(repeated);
  }

  private FormParameters refuse(List<String> repeated) {
    if (repeated.isEmpty()) {
      return this;
    }
    throw OAuthError.invalidRequest(
            englishList(repeated)
                + (repeated.size() == 1 ? " parameter" : " parameters")
                + " must not be provided twice")
        .exception();
  }

  /** {@code Intl.ListFormat('en', conjunction)} of quoted names: 'a', 'b', and 'c'. */
  private static String englishList(List<String> names) {
    List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
    if (quoted.size() == 1) {
      return quoted.get(0);
    }
    if (quoted.size() == 2) {
      return quoted.get(0) + " and " + quoted.get(1);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1))
        + ", and "
        + quoted.get(quoted.size() - 1);
  }

  /** The parameter names, in order of first appearance. */
  public Set<String> names() {
    return values.keySet();
  }

  /** A parameter name made safe to echo: printable ASCII, at most 40 characters. */
  static String printable(String name) {
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < name.length() && safe.length() < 40; i++) {
      char c = name.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return safe.toString();
  }
}
