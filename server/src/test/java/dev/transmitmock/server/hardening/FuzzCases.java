package dev.transmitmock.server.hardening;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Generates hostile requests for the Transmit endpoints (token, introspection, revocation) and the
 * control API, from a seed: mutated and truncated forms, broken percent-encoding and UTF-8, huge
 * and many parameters, odd and duplicate content types, malformed Basic headers, long headers,
 * chunked and broken-chunked bodies, odd methods and targets, slow clients.
 */
final class FuzzCases {
  static final String FORM = "application/x-www-form-urlencoded";
  static final String APP = "demo-app";
  static final String APP_SECRET = "demo-app-secret";

  private static final List<String> FORM_PATHS =
      List.of(
          "/oidc/token",
          "/cis/oidc/token",
          "/oidc/token/introspection",
          "/cis/oidc/token/introspection",
          "/oidc/token/revocation",
          "/cis/oidc/token/revocation");

  private static final List<String> CONTENT_TYPES =
      List.of(
          FORM,
          "APPLICATION/X-WWW-FORM-URLENCODED",
          FORM + "; charset=utf-8",
          FORM + ";charset=\"UTF-8\"",
          FORM + "; charset=ISO-8859-1",
          FORM + "; charset=",
          FORM + ";;;;",
          FORM + "; charset",
          FORM + "; boundary=x; charset=utf-16",
          "application/json",
          "text/plain",
          "multipart/form-data; boundary=----x",
          "application/x-www-form-urlencodedX",
          "",
          " ",
          ";",
          "*/*",
          "application/",
          "/x-www-form-urlencoded",
          "application/x-www-form-urlencoded\u00e9",
          "\u00ff\u00fe");

  private static final List<String> BAD_PERCENT =
      List.of(
          "%",
          "%G",
          "%zz",
          "%4",
          "%%",
          "%C3%28",
          "%ED%A0%80",
          "%F4%90%80%80",
          "%C0%AF",
          "%FF",
          "%80",
          "%E2%82",
          "%00",
          "%0A%0D",
          "%2",
          "%u0041",
          "+%",
          "%-1");

  private static final List<String> BASIC_HEADERS =
      List.of(
          "Basic",
          "Basic ",
          "Basic  ",
          "basic ZGVtby1hcHA6ZGVtby1hcHAtc2VjcmV0",
          "BASIC ZGVtby1hcHA6ZGVtby1hcHAtc2VjcmV0",
          "Basic ZGVtby1hcHA6ZGVtby1hcHAtc2VjcmV0 extra",
          "Basic  ZGVtby1hcHA6ZGVtby1hcHAtc2VjcmV0",
          "Basic !!!!",
          "Basic ====",
          "Basic ZGVtby1hcHA",
          "Basic ZGVtby1hcHA=",
          "Basic Og==",
          "Basic OmRlbW8tYXBwLXNlY3JldA==",
          "Basic JXp6OiV6eg==",
          "Basic /w==",
          "Bearer abc",
          "Digest username=x",
          "Basic\tZGVtby1hcHA6ZGVtby1hcHAtc2VjcmV0",
          "ZGVtby1hcHA6ZGVtby1hcHAtc2VjcmV0");

  private static final List<String> METHODS =
      List.of(
          "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "post", "CONNECT");

  private static final List<String> ODD_TARGETS =
      List.of(
          "/oidc/token/",
          "/oidc//token",
          "/oidc/./token",
          "/oidc/../oidc/token",
          "/oidc/token?grant_type=client_credentials",
          "/oidc/token?%zz",
          "/oidc/token;jsessionid=1",
          "/OIDC/TOKEN",
          "/oidc/token%2F",
          "/oidc/%74oken",
          "/oidc/token#x",
          "*",
          "/" + "a".repeat(5000),
          "/_mock/../oidc/token",
          "/cis/oidc/jwks?x=%zz",
          "/cis/oidc/.well-known/openid-configuration?%",
          "/_mock/health?x=1");

  private final Random random;
  private final String validToken;
  private final String controlToken;

  FuzzCases(long seed, String validToken, String controlToken) {
    this.random = new Random(seed);
    this.validToken = validToken;
    this.controlToken = controlToken;
  }

  /** A hostile request for one of the Transmit form endpoints. */
  FuzzCase nextOidc() {
    String path = pick(FORM_PATHS);
    int kind = random.nextInt(100);
    if (kind < 30) {
      return form("mutated form", path, mutate(validForm(path)), List.of("Content-Type: " + FORM));
    }
    if (kind < 38) {
      return form("bad percent-encoding", path, badPercent(validForm(path)), formType());
    }
    if (kind < 42) {
      return form("huge parameter", path, huge(validForm(path)), formType());
    }
    if (kind < 46) {
      return form("many parameters", path, many(validForm(path)), formType());
    }
    if (kind < 54) {
      List<String> headers = new ArrayList<>();
      headers.add("Content-Type: " + pick(CONTENT_TYPES));
      if (random.nextBoolean()) {
        headers.add("Content-Type: " + pick(CONTENT_TYPES));
      }
      return form("content type", path, validForm(path).getBytes(StandardCharsets.UTF_8), headers);
    }
    if (kind < 64) {
      String form = validForm(path).replaceAll("&client_secret=[^&]*", "");
      if (random.nextBoolean()) {
        form = form.replaceAll("&client_id=[^&]*", "");
      }
      List<String> headers = new ArrayList<>(formType());
      headers.add("Authorization: " + basic());
      if (random.nextInt(4) == 0) {
        headers.add("Authorization: " + basic());
      }
      return form("basic header", path, form.getBytes(StandardCharsets.UTF_8), headers);
    }
    if (kind < 69) {
      List<String> headers = new ArrayList<>(formType());
      int length = random.nextInt(4) == 0 ? 17_000 + random.nextInt(8_000) : random.nextInt(14_000);
      headers.add(
          pick(List.of("X-Fuzz", "Authorization", "Content-Type", "User-Agent"))
              + ": "
              + junk(length));
      return form("long header", path, validForm(path).getBytes(StandardCharsets.UTF_8), headers);
    }
    if (kind < 77) {
      return chunked(path);
    }
    if (kind < 82) {
      return truncated(path);
    }
    if (kind < 89) {
      String method = pick(METHODS);
      return FuzzCase.of(
          "method " + method,
          RawHttp.request(
              method,
              random.nextBoolean() ? path : pick(ODD_TARGETS),
              List.of("Content-Type: " + FORM, "Connection: close", "Content-Length: 0"),
              new byte[0]));
    }
    if (kind < 92) {
      return FuzzCase.of("raw garbage", rawGarbage());
    }
    if (kind < 93) {
      return slow(path);
    }
    byte[] body = validForm(path).getBytes(StandardCharsets.UTF_8);
    List<String> headers = new ArrayList<>(formType());
    headers.add("X-Junk-" + random.nextInt(1000) + ": " + junk(random.nextInt(200)));
    return form("valid with junk header", path, body, headers);
  }

  /** A hostile request for the control API. */
  FuzzCase nextControl() {
    String[][] routes = {
      {"GET", "/_mock/clock"},
      {"POST", "/_mock/clock"},
      {"DELETE", "/_mock/clock"},
      {"GET", "/_mock/journal"},
      {"DELETE", "/_mock/journal"},
      {"GET", "/_mock/faults"},
      {"POST", "/_mock/faults"},
      {"DELETE", "/_mock/faults/" + pathJunk()},
      {"GET", "/_mock/keys"},
      {"POST", "/_mock/keys"},
      {"POST", "/_mock/keys/" + pathJunk() + "/activate"},
      {"DELETE", "/_mock/keys/" + pathJunk()},
      {"GET", "/_mock/clients"},
      {"POST", "/_mock/clients"},
      {"DELETE", "/_mock/clients/" + pathJunk()},
      {"GET", "/_mock/resources"},
      {"POST", "/_mock/resources"},
      {"DELETE", "/_mock/resources"},
      {"GET", "/_mock/defects"},
      {"POST", "/_mock/tokens"},
      {"POST", "/_mock/reset"},
      {"PUT", "/_mock/" + pathJunk()},
    };
    String[] route = routes[random.nextInt(routes.length)];
    String target = route[1];
    if (route[0].equals("GET") || route[0].equals("DELETE")) {
      if (random.nextInt(3) == 0) {
        target += "?" + queryJunk();
      }
    }
    List<String> headers = new ArrayList<>();
    int auth = random.nextInt(10);
    if (auth < 7) {
      headers.add("Authorization: Bearer " + controlToken);
    } else if (auth == 7) {
      headers.add("Authorization: Bearer " + controlToken + "x");
    } else if (auth == 8) {
      headers.add("Authorization: " + basic());
    }
    headers.add("Content-Type: " + pick(List.of("application/json", "text/plain", FORM, "")));
    byte[] body = route[0].equals("POST") ? controlBody() : new byte[0];
    headers.add("Content-Length: " + body.length);
    headers.add("Connection: close");
    return FuzzCase.of(
        "control " + route[0] + " " + route[1], RawHttp.request(route[0], target, headers, body));
  }

  /** A valid token request, on a fresh connection. */
  static byte[] validTokenRequest() {
    String form = "grant_type=client_credentials&client_id=" + APP + "&client_secret=" + APP_SECRET;
    return RawHttp.request(
        "POST",
        "/oidc/token",
        List.of("Content-Type: " + FORM, "Content-Length: " + form.length(), "Connection: close"),
        form.getBytes(StandardCharsets.UTF_8));
  }

  // --- forms -------------------------------------------------------------------------------------

  private String validForm(String path) {
    String credentials = "client_id=" + APP + "&client_secret=" + APP_SECRET;
    if (path.endsWith("/token")) {
      String form = "grant_type=client_credentials&" + credentials;
      int extra = random.nextInt(4);
      if (extra == 1) {
        form += "&resource=" + enc("https://api.example.test");
      } else if (extra == 2) {
        form += "&scope=" + enc("read write");
      }
      return form;
    }
    return "token="
        + validToken
        + "&"
        + credentials
        + (random.nextBoolean() ? "&token_type_hint=access_token" : "");
  }

  private List<String> formType() {
    return List.of("Content-Type: " + FORM);
  }

  private FuzzCase form(String label, String path, byte[] body, List<String> headers) {
    List<String> all = new ArrayList<>(headers);
    all.add("Content-Length: " + body.length);
    all.add("Connection: close");
    return FuzzCase.of(label, RawHttp.request("POST", path, all, body));
  }

  private byte[] mutate(String form) {
    byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
      switch (random.nextInt(6)) {
        case 0 -> { // flip a byte
          if (bytes.length > 0) {
            bytes[Math.min(at, bytes.length - 1)] = (byte) random.nextInt(256);
          }
          continue;
        }
        case 1 -> { // insert special bytes
          out.write(bytes, 0, at);
          out.writeBytes(
              pick(List.of(
                      "&",
                      "=",
                      "&&",
                      "==",
                      "+",
                      "%",
                      "\u0000",
                      "\u00ff",
                      "&=&",
                      "&grant_type=password",
                      "&client_id=other",
                      "&resource=%zz",
                      "&resource=x&resource=y",
                      "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                          + "&client_assertion=eyJhbGciOiJub25lIn0.eyJpc3MiOiJkZW1vLWFwcCJ9.",
                      "&client_assertion=a.b.c",
                      "&client_assertion=%zz"))
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.write(bytes, at, bytes.length - at);
        }
        case 2 -> { // delete a range
          int end = Math.min(bytes.length, at + random.nextInt(20));
          out.write(bytes, 0, at);
          out.write(bytes, end, bytes.length - end);
        }
        case 3 -> { // truncate
          out.write(bytes, 0, at);
        }
        case 4 -> { // random bytes
          out.write(bytes, 0, at);
          byte[] noise = new byte[1 + random.nextInt(16)];
          random.nextBytes(noise);
          out.writeBytes(noise);
          out.write(bytes, at, bytes.length - at);
        }
        default -> { // duplicate the whole form
          out.writeBytes(bytes);
          out.write('&');
          out.writeBytes(bytes);
        }
      }
      bytes = out.toByteArray();
    }
    return bytes;
  }

  private byte[] badPercent(String form) {
    String[] pairs = form.split("&");
    int i = random.nextInt(pairs.length);
    String bad = pick(BAD_PERCENT);
    pairs[i] = random.nextBoolean() ? pairs[i] + bad : bad + pairs[i];
    return String.join("&", pairs).getBytes(StandardCharsets.ISO_8859_1);
  }

  private byte[] huge(String form) {
    int length = random.nextInt(3) == 0 ? 60_000 + random.nextInt(20_000) : random.nextInt(40_000);
    String name = pick(List.of("scope", "resource", "client_id", "client_secret", "x", "token"));
    return (form + "&" + name + "=" + "a".repeat(length)).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] many(String form) {
    int count = 200 + random.nextInt(300);
    StringBuilder body = new StringBuilder(form);
    for (int i = 0; i < count; i++) {
      body.append("&p").append(random.nextInt(50)).append('=').append(i);
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String basic() {
    int kind = random.nextInt(5);
    if (kind < 3) {
      return pick(BASIC_HEADERS);
    }
    byte[] raw = new byte[random.nextInt(kind == 3 ? 40 : 6000)];
    random.nextBytes(raw);
    if (random.nextBoolean() && raw.length > 2) {
      raw[random.nextInt(raw.length)] = ':';
    }
    return "Basic " + Base64.getEncoder().encodeToString(raw);
  }

  private FuzzCase chunked(String path) {
    byte[] body = validForm(path).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    int kind = random.nextInt(6);
    int at = 0;
    while (at < body.length) {
      int size = Math.min(body.length - at, 1 + random.nextInt(30));
      String sizeLine = Integer.toHexString(size);
      if (kind == 1 && random.nextInt(3) == 0) {
        sizeLine = pick(List.of("zz", "-1", "", " ", "fffffffffffffffff", "1;ext=1", "0x10"));
      } else if (kind == 2) {
        sizeLine += ";name=\"value\"";
      }
      chunks.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      chunks.write(body, at, size);
      chunks.writeBytes((kind == 3 ? "\n" : "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      at += size;
    }
    boolean unfinished = kind == 4;
    if (!unfinished) {
      chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    List<String> headers = new ArrayList<>();
    headers.add("Content-Type: " + FORM);
    headers.add(kind == 5 ? "Transfer-Encoding: gzip, chunked" : "Transfer-Encoding: chunked");
    if (random.nextInt(8) == 0) {
      headers.add("Content-Length: " + body.length);
    }
    headers.add("Connection: close");
    return new FuzzCase(
        "chunked kind " + kind,
        List.of(RawHttp.request("POST", path, headers, chunks.toByteArray())),
        Duration.ZERO,
        unfinished,
        unfinished);
  }

  private FuzzCase truncated(String path) {
    byte[] body = validForm(path).getBytes(StandardCharsets.UTF_8);
    int sent = random.nextInt(body.length);
    byte[] partial = java.util.Arrays.copyOf(body, sent);
    List<String> headers =
        List.of("Content-Type: " + FORM, "Content-Length: " + body.length, "Connection: close");
    return new FuzzCase(
        "truncated body",
        List.of(RawHttp.request("POST", path, headers, partial)),
        Duration.ZERO,
        true,
        true);
  }

  private FuzzCase slow(String path) {
    byte[] body = validForm(path).getBytes(StandardCharsets.UTF_8);
    byte[] request =
        RawHttp.request(
            "POST",
            path,
            List.of("Content-Type: " + FORM, "Content-Length: " + body.length, "Connection: close"),
            new byte[0]);
    List<byte[]> parts = new ArrayList<>();
    int split = 1 + random.nextInt(request.length - 1);
    parts.add(java.util.Arrays.copyOfRange(request, 0, split));
    parts.add(java.util.Arrays.copyOfRange(request, split, request.length));
    int half = body.length / 2;
    parts.add(java.util.Arrays.copyOfRange(body, 0, half));
    parts.add(java.util.Arrays.copyOfRange(body, half, body.length));
    return new FuzzCase("slow client", parts, Duration.ofMillis(100), false, false);
  }

  private byte[] rawGarbage() {
    int kind = random.nextInt(6);
    return switch (kind) {
      case 0 -> {
        byte[] noise = new byte[1 + random.nextInt(300)];
        random.nextBytes(noise);
        yield concat(noise, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      case 1 ->
          "POST /oidc/token HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1);
      case 2 ->
          "POST /oidc/token HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1);
      case 3 ->
          ("POST /oidc/token HTTP/1.1\r\nHost: x\r\nContent-Length: "
                  + pick(List.of("-1", "abc", "99999999999999999999", "1, 2", " ", "0x10"))
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1);
      case 4 ->
          "POST /oidc/token HTTP/1.1\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1);
      default ->
          ("POST /oidc/token HTTP/1.0\r\nContent-Type: "
                  + FORM
                  + "\r\nContent-Length: 3\r\n\r\na=b")
              .getBytes(StandardCharsets.ISO_8859_1);
    };
  }

  // --- control -----------------------------------------------------------------------------------

  private byte[] controlBody() {
    List<String> templates =
        List.of(
            "{\"advance\":\"PT1H\"}",
            "{\"set\":\"2031-01-01T00:00:00Z\",\"freeze\":true}",
            "{\"freeze\":false}",
            "{\"endpoint\":\"token\",\"status\":429,\"times\":1}",
            "{\"endpoint\":\"jwks\",\"delay\":\"PT0.01S\",\"times\":1}",
            "{\"clientId\":\"fuzz\",\"clientSecret\":\"fuzz-secret\",\"type\":\"app\"}",
            "{\"clientId\":\"fuzz\",\"clientSecret\":\"s\",\"resources\":[\"https://api.example.test\"],\"tokenLifetime\":\"PT5M\"}",
            "{\"uri\":\"https://x.example\",\"tokenLifetime\":\"PT1M\"}",
            "{\"defect\":\"expired\"}",
            "{\"clientId\":\"demo-app\",\"claims\":{\"roles\":[\"Admin\"]}}",
            "{\"kid\":\"k\",\"activate\":false}",
            "{}",
            "");
    String template = pick(templates);
    int kind = random.nextInt(8);
    String body =
        switch (kind) {
          case 0 -> template;
          case 1 -> new String(mutate(template), StandardCharsets.ISO_8859_1);
          case 2 -> "[".repeat(random.nextInt(3000)) + "]".repeat(random.nextInt(3000));
          case 3 -> "{\"advance\":\"" + "9".repeat(random.nextInt(5000)) + "\"}";
          case 4 -> template.replace("\"PT", "\"P-").replace("429", "99999999999999999999");
          case 5 ->
              template.replaceAll(
                  ":\"[^\"]*\"",
                  pick(List.of(":1", ":null", ":[]", ":{}", ":true", ":1e999", ":-0")));
          case 6 ->
              "{\""
                  + junk(random.nextInt(50))
                  + "\":"
                  + pick(List.of("1", "\"x\"", "null", "{}"))
                  + "}";
          default -> junk(random.nextInt(500));
        };
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }

  private String pathJunk() {
    return pick(
        List.of(
            "x",
            "%zz",
            "%00",
            "..",
            "%2F",
            "k%20k",
            "demo-app",
            "fault-1",
            "\u00e9",
            "a".repeat(300),
            "%C3%28"));
  }

  private String queryJunk() {
    return pick(
        List.of(
            "uri=%zz",
            "uri=https%3A%2F%2Fapi.example.test",
            "uri=not-a-uri",
            "clientId=demo-app&endpoint=token&outcome=issued",
            "endpoint=nope",
            "outcome=x&outcome=y",
            "after=-1",
            "after=99999999999999999999",
            "=&=&",
            "%",
            "clientId=" + "a".repeat(3000)));
  }

  // --- helpers -----------------------------------------------------------------------------------

  private String junk(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
    }
    return text.toString();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
