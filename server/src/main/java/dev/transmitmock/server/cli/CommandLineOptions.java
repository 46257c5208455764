package dev.transmitmock.server.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The runnable jar's command line, parsed: {@code --config FILE}, {@code --host HOST}, {@code
 * --port PORT}, {@code --no-control}, {@code --control-token TOKEN}, {@code --https-port PORT},
 * {@code --tls-cert-out FILE}, {@code --tls-client-auth MODE}, {@code --probe}, {@code --help},
 * {@code --version}. Values are given as {@code --port 8080} or {@code --port=8080} (short forms:
 * {@code -p 8080}, {@code -p8080}, {@code -p=8080}); short names {@code -c}, {@code -p}, {@code -h}
 * and {@code -V} exist. An argument that names an option is never taken as a value: {@code
 * --control-token --no-control} is a missing value, not a token; {@code --control-token=--x} works.
 *
 * <p>A small parser of its own rather than a library: the jar starts in well under a second, and a
 * reflective command-line framework costs a noticeable part of that.
 *
 * <pre>{@code
 * CommandLineOptions options = CommandLineOptions.parse(new String[] {"--port", "0"});
 * options.port();   // Optional[0]
 * }</pre>
 *
 * @param config {@code --config}
 * @param host {@code --host}
 * @param port {@code --port}
 * @param noControl {@code --no-control}
 * @param controlToken {@code --control-token}
 * @param httpsPort {@code --https-port}
 * @param tlsCertOut {@code --tls-cert-out}
 * @param tlsClientAuth {@code --tls-client-auth}
 * @param probe {@code --probe}
 * @param help {@code --help}
 * @param version {@code --version}
 */
record CommandLineOptions(
    Optional<Path> config,
    Optional<String> host,
    Optional<Integer> port,
    boolean noControl,
    Optional<String> controlToken,
    Optional<Integer> httpsPort,
    Optional<Path> tlsCertOut,
    Optional<String> tlsClientAuth,
    boolean probe,
    boolean help,
    boolean version) {

  /** The options, with the control token masked: it is a secret. */
  @Override
  public String toString() {
    return "CommandLineOptions[config="
        + config
        + ", host="
        + host
        + ", port="
        + port
        + ", noControl="
        + noControl
        + ", controlToken="
        + controlToken.map(token -> "***")
        + ", httpsPort="
        + httpsPort
        + ", tlsCertOut="
        + tlsCertOut
        + ", tlsClientAuth="
        + tlsClientAuth
        + ", probe="
        + probe
        + ", help="
        + help
        + ", version="
        + version
        + "]";
  }

  /** One option: its names, the label of its value (null for a flag) and its help text. */
  record Spec(String shortName, String longName, String valueLabel, String description) {
    boolean takesValue() {
      return valueLabel != null;
    }

    boolean matches(String name) {
      return name.equals(longName) || name.equals(shortName);
    }

    String synopsis() {
      String names = shortName != null ? shortName + ", " + longName : "    " + longName;
      return takesValue() ? names + "=" + valueLabel : names;
    }
  }

  static final Spec CONFIG = new Spec("-c", "--config", "FILE", "YAML or JSON configuration file.");
  static final Spec HOST =
      new Spec(
          null,
          "--host",
          "HOST",
          "Interface to listen on (default: TRANSMIT_MOCK_HOST, else 127.0.0.1).");
  static final Spec PORT =
      new Spec(
          "-p",
          "--port",
          "PORT",
          "Port to listen on; 0 picks a free one (default: TRANSMIT_MOCK_PORT, else 8080).");
  static final Spec NO_CONTROL =
      new Spec(
          null,
          "--no-control",
          null,
          "Turn the /_mock test-control API off (TRANSMIT_MOCK_CONTROL_ENABLED=false).");
  static final Spec CONTROL_TOKEN =
      new Spec(
          null,
          "--control-token",
          "TOKEN",
          "Require 'Authorization: Bearer TOKEN' on the /_mock control API"
              + " (TRANSMIT_MOCK_CONTROL_TOKEN); /_mock/health stays open.");
  static final Spec HTTPS_PORT =
      new Spec(
          null,
          "--https-port",
          "PORT",
          "Also serve HTTPS on PORT (0 picks a free one), with a certificate generated at start"
              + " unless the config's tls section or TRANSMIT_MOCK_TLS_* give one"
              + " (TRANSMIT_MOCK_HTTPS_PORT).");
  static final Spec TLS_CERT_OUT =
      new Spec(
          null,
          "--tls-cert-out",
          "FILE",
          "Write the CA certificate clients must trust (PEM) to FILE at start"
              + " (TRANSMIT_MOCK_TLS_CA_OUT); also served at GET /_mock/tls/ca.pem.");
  static final Spec TLS_CLIENT_AUTH =
      new Spec(
          null,
          "--tls-client-auth",
          "MODE",
          "Ask HTTPS clients for a certificate: none, want (default) or need"
              + " (TRANSMIT_MOCK_TLS_CLIENT_AUTH).");
  static final Spec PROBE =
      new Spec(
          null,
          "--probe",
          null,
          "Do not serve: ask the emulator at --host/--port (over HTTPS on its HTTPS port when"
              + " the configuration turns plain HTTP off) whether it is healthy (exit 0) or not"
              + " (exit 1). Used by the Docker HEALTHCHECK.");
  static final Spec HELP = new Spec("-h", "--help", null, "Show this help message and exit.");
  static final Spec VERSION =
      new Spec("-V", "--version", null, "Print version information and exit.");

  /** Every option, in the order the help lists them. */
  static final List<Spec> ALL =
      List.of(
          CONFIG,
          HOST,
          PORT,
          NO_CONTROL,
          CONTROL_TOKEN,
          HTTPS_PORT,
          TLS_CERT_OUT,
          TLS_CLIENT_AUTH,
          PROBE,
          HELP,
          VERSION);

  private static final int HELP_WIDTH = 100;
  private static final int DESCRIPTION_COLUMN = 30;

  /** A command line that cannot be used; the message says why, in one line. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses the arguments. Each option may be given once.
   *
   * @throws UsageException for an unknown option, a missing or malformed value, a repeated option
   *     or a positional argument
   */
  static CommandLineOptions parse(String[] args) throws UsageException {
    String[] values = new String[ALL.size()];
    boolean[] seen = new boolean[ALL.size()];
    // Looked up by index, not List.indexOf: a record's equals() is bootstrapped through method
    // handles on first use, which costs start-up time for nothing here.
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-")) {
        throw new UsageException("Unmatched argument: '" + arg + "'");
      }
      // --name=value; for short names also -pVALUE and -p=VALUE
      String name = nameOf(arg);
      String rest = arg.substring(name.length());
      String attached = rest.isEmpty() ? null : rest.startsWith("=") ? rest.substring(1) : rest;
      int index = indexOf(name);
      if (index < 0) {
        throw new UsageException("Unknown option: '" + (arg.startsWith("--") ? name : arg) + "'");
      }
      Spec spec = ALL.get(index);
      if (seen[index]) {
        throw new UsageException("option '" + spec.longName() + "' should be given only once");
      }
      seen[index] = true;
      if (!spec.takesValue()) {
        if (attached != null) {
          throw new UsageException("option '" + spec.longName() + "' takes no value");
        }
        continue;
      }
      if (attached != null) {
        values[index] = attached;
      } else if (i + 1 < args.length && !isOption(args[i + 1])) {
        values[index] = args[++i];
      } else {
        throw new UsageException(
            "Missing required parameter for option '"
                + spec.longName()
                + "' ("
                + spec.valueLabel()
                + ")");
      }
    }
    return new CommandLineOptions(
        path(CONFIG, values),
        Optional.ofNullable(values[index(HOST)]),
        integer(PORT, values),
        seen[index(NO_CONTROL)],
        Optional.ofNullable(values[index(CONTROL_TOKEN)]),
        integer(HTTPS_PORT, values),
        path(TLS_CERT_OUT, values),
        Optional.ofNullable(values[index(TLS_CLIENT_AUTH)]),
        seen[index(PROBE)],
        seen[index(HELP)],
        seen[index(VERSION)]);
  }

  private static int index(Spec spec) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i) == spec) {
        return i;
      }
    }
    throw new IllegalArgumentException("not an option of this command line: " + spec.longName());
  }

  /**
   * Whether an argument names one of the options (alone, or with an attached value): as in most
   * command-line parsers, it is then never taken as the previous option's value; use {@code
   * --option=VALUE} for a value that looks like an option.
   */
  private static boolean isOption(String arg) {
    return arg.startsWith("-") && indexOf(nameOf(arg)) >= 0;
  }

  /**
   * The name an argument starts with: {@code --name} of {@code --name[=value]}, {@code -x} of
   * {@code -x[value]}.
   */
  private static String nameOf(String arg) {
    if (arg.startsWith("--")) {
      int equals = arg.indexOf('=');
      return equals >= 0 ? arg.substring(0, equals) : arg;
    }
    return arg.length() >= 2 ? arg.substring(0, 2) : arg;
  }

  private static int indexOf(String name) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).matches(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<Integer> integer(Spec spec, String[] values) throws UsageException {
    String text = values[index(spec)];
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "Invalid value for option '" + spec.longName() + "': '" + text + "' is not an int");
    }
  }

  private static Optional<Path> path(Spec spec, String[] values) throws UsageException {
    String text = values[index(spec)];
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(text));
    } catch (InvalidPathException e) {
      throw new UsageException(
          "Invalid value for option '" + spec.longName() + "': '" + text + "' is not a path");
    }
  }

  /** The help text: usage line, description, options and exit codes. */
  static String usage() {
    StringBuilder text = new StringBuilder();
    text.append("Usage: transmit-mock-server");
    for (Spec spec : ALL) {
      text.append(" [")
          .append(spec.shortName() != null ? spec.shortName() : spec.longName())
          .append(spec.takesValue() ? "=" + spec.valueLabel() : "")
          .append(']');
    }
    text.append('\n');
    wrap(
        text,
        "",
        "Emulates Transmit Security's client-credentials token service (/oidc/token, JWKS,"
            + " discovery, introspection, revocation) for offline testing.");
    text.append('\n');
    wrap(
        text,
        "",
        "Configuration: --config FILE, else TRANSMIT_MOCK_CONFIG or TRANSMIT_MOCK_CONFIG_INLINE,"
            + " else the embedded default; then TRANSMIT_MOCK_* variables override single"
            + " settings.");
    text.append('\n');
    for (Spec spec : ALL) {
      String synopsis = "  " + spec.synopsis();
      text.append(synopsis);
      if (synopsis.length() >= DESCRIPTION_COLUMN) {
        text.append('\n').append(" ".repeat(DESCRIPTION_COLUMN));
      } else {
        text.append(" ".repeat(DESCRIPTION_COLUMN - synopsis.length()));
      }
      StringBuilder description = new StringBuilder();
      wrap(description, " ".repeat(DESCRIPTION_COLUMN), spec.description());
      text.append(description.substring(DESCRIPTION_COLUMN));
    }
    text.append("\nExit codes:\n");
    text.append("  0   stopped normally; with --probe: the emulator is healthy\n");
    text.append("  1   could not start (e.g. port in use); with --probe: not healthy\n");
    text.append("  2   bad command line or bad configuration\n");
    return text.toString();
  }

  /**
   * Appends {@code words} wrapped at {@link #HELP_WIDTH}, each line starting with {@code indent}.
   */
  private static void wrap(StringBuilder text, String indent, String words) {
    StringBuilder line = new StringBuilder(indent);
    for (String word : words.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > HELP_WIDTH) {
        text.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    text.append(line).append('\n');
  }
}
