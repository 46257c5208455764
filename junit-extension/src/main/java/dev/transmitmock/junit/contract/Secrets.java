package dev.transmitmock.junit.contract;

import com.nimbusds.jwt.JWTParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client's secrets as they may show up in text: the client secret (as is, form-encoded, and
 * inside a Basic header) and the tokens the emulator issued to the client (any compact JWT whose
 * {@code jti} the journal lists). Finds them in log output, and redacts them from every message the
 * kit writes.
 */
final class Secrets {
  /** Shorter secrets would match ordinary words; the kit does not look for them. */
  static final int SHORTEST_SEARCHABLE = 6;

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final int LINE_LIMIT = 160;
  private static final String SECRET = "(the client secret)";
  private static final String TOKEN = "(a token)";

  private final Optional<String> secret;
  private final List<String> secretForms;
  private final Supplier<List<String>> issuedJtis;

  Secrets(String clientId, Optional<String> secret, Supplier<List<String>> issuedJtis) {
    this.secret = secret.filter(s -> s.length() >= SHORTEST_SEARCHABLE);
    this.issuedJtis = issuedJtis;
    Set<String> forms = new LinkedHashSet<>();
    this.secret.ifPresent(
        s -> {
          forms.add(s);
          forms.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
          forms.add(basic(clientId + ":" + s));
          forms.add(
              basic(
                  URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                      + ":"
                      + URLEncoder.encode(s, StandardCharsets.UTF_8)));
        });
    this.secretForms = List.copyOf(forms);
  }

  private static String basic(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the client secret is known (and long enough to look for). */
  boolean secretKnown() {
    return secret.isPresent();
  }

  /** The text with the secret and every JWT replaced by a placeholder. */
  String redact(String text) {
    if (text == null) {
      return "null";
    }
    String redacted = JWT.matcher(text).replaceAll(TOKEN);
    for (String form : secretForms) {
      redacted = redacted.replace(form, SECRET);
    }
    return redacted;
  }

  /** The lines of {@code text} that carry the secret or an issued token, redacted. */
  List<Leak> find(String source, String text) {
    List<Leak> leaks = new ArrayList<>();
    if (text.isEmpty()) {
      return leaks;
    }
    List<String> jtis = issuedJtis.get();
    for (String line : text.split("\\R")) {
      String what = null;
      for (String form : secretForms) {
        if (line.contains(form)) {
          what = "the client secret";
          break;
        }
      }
      if (what == null && carriesIssuedToken(line, jtis)) {
        what = "a token issued to the client";
      }
      if (what != null) {
        leaks.add(new Leak(source, what, around(redact(line.strip()))));
      }
    }
    return leaks;
  }

  private static boolean carriesIssuedToken(String line, List<String> jtis) {
    Matcher jwt = JWT.matcher(line);
    while (jwt.find()) {
      try {
        String jti = JWTParser.parse(jwt.group()).getJWTClaimsSet().getJWTID();
        if (jti != null && jtis.contains(jti)) {
          return true;
        }
      } catch (ParseException | RuntimeException notAToken) {
        // something else that looks like a JWT; not the client's token
      }
    }
    return false;
  }

  /** The line, or the part of it around the first placeholder when it is long. */
  private static String around(String line) {
    if (line.length() <= LINE_LIMIT) {
      return line;
    }
    int secret = line.indexOf(SECRET);
    int at = secret >= 0 ? secret : Math.max(0, line.indexOf(TOKEN));
    int start = Math.max(0, Math.min(at - LINE_LIMIT / 2, line.length() - LINE_LIMIT));
    int end = Math.min(line.length(), start + LINE_LIMIT);
    return (start > 0 ? "..." : "")
        + line.substring(start, end)
        + (end < line.length() ? "..." : "");
  }

  /**
   * A secret found in output.
   *
   * @param source where: {@code System.out}, {@code System.err} or a log sink
   * @param what the client secret, or a token
   * @param line the line, redacted
   */
  record Leak(String source, String what, String line) {
    String describe() {
      return source + ": " + what + " in \"" + line + "\"";
    }
  }

  @Override
  public String toString() {
    return "Secrets[(redacted)]";
  }
}
