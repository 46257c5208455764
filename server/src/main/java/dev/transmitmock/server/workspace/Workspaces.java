package dev.transmitmock.server.workspace;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.control.Settings;
import dev.transmitmock.server.keys.AppSigningKeys;
import dev.transmitmock.server.keys.KeyRing;
import dev.transmitmock.server.pki.ClientCaTrust;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The workspaces of one server (they share its keys and runtime settings): the root (the server's
 * own state) and those created at runtime, each isolated from the others.
 *
 * <pre>{@code
 * Workspace ws = server.workspaces().create();          // ws-0a1b2c3d4e5f
 * Workspace same = server.workspaces().find(ws.id()).orElseThrow();
 * server.workspaces().delete(ws.id());
 * }</pre>
 */
public final class Workspaces {
  /** How many workspaces one server holds at most (besides the root). */
  public static final int MAX_WORKSPACES = 1000;

  /** What a requested workspace id must look like. */
  public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MockConfig config;
  private final KeyRing keys;
  private final AppSigningKeys signing;
  private final Settings settings;
  private final Clock systemClock;
  private final Supplier<URI> serverBaseUrl;
  private final Workspace root;
  private final ConcurrentHashMap<String, Workspace> created = new ConcurrentHashMap<>();
  private final ClientCaTrust clientCaTrust;

  /**
   * The workspaces of a server built from {@code config}, signing with {@code signing}; every
   * workspace's token endpoint trusts {@code clientCaTrust} for {@code tls_client_auth} ({@link
   * ClientCaTrust#NONE} without HTTPS).
   */
  public Workspaces(
      MockConfig config,
      KeyRing keys,
      AppSigningKeys signing,
      Settings settings,
      Clock systemClock,
      ClientCaTrust clientCaTrust,
      Supplier<URI> serverBaseUrl) {
    this.config = requireNonNull(config, "config must not be null");
    this.keys = requireNonNull(keys, "keys must not be null");
    this.signing = requireNonNull(signing, "signing must not be null");
    this.settings = requireNonNull(settings, "settings must not be null");
    this.systemClock = requireNonNull(systemClock, "systemClock must not be null");
    this.clientCaTrust = requireNonNull(clientCaTrust, "clientCaTrust must not be null");
    this.serverBaseUrl = requireNonNull(serverBaseUrl, "serverBaseUrl must not be null");
    this.root =
        Workspace.root(config, keys, signing, settings, systemClock, clientCaTrust, serverBaseUrl);
  }

  /** The server's own state, served without a prefix. */
  public Workspace root() {
    return root;
  }

  /**
   * Creates a workspace with a generated id ({@code ws-} and 12 hex digits), starting from the
   * configured clients and resources, system time, and no faults.
   *
   * @throws WorkspaceException ({@code conflict}) when {@value #MAX_WORKSPACES} exist
   */
  public Workspace create() {
    while (true) {
      byte[] bytes = new byte[6];
      RANDOM.nextBytes(bytes);
      String id = "ws-" + HexFormat.of().formatHex(bytes);
      if (!created.containsKey(id)) {
        return create(id);
      }
    }
  }

  /**
   * Creates a workspace with this id.
   *
   * @param id lowercase letters, digits and inner hyphens, at most 64 characters, not {@value
   *     Workspace#ROOT_ID}
   * @throws WorkspaceException {@code invalid_request} for a malformed id, {@code conflict} for an
   *     id in use or when {@value #MAX_WORKSPACES} exist
   */
  public Workspace create(String id) {
    requireNonNull(id, "id must not be null");
    checkId(id);
    synchronized (created) {
      if (created.containsKey(id)) {
        throw WorkspaceException.conflict("workspace " + id + " already exists");
      }
      if (created.size() >= MAX_WORKSPACES) {
        throw WorkspaceException.conflict(
            "this server already holds "
                + MAX_WORKSPACES
                + " workspaces, the most it allows: delete the ones no longer used");
      }
      Workspace workspace =
          new Workspace(
              id,
              config,
              keys,
              signing,
              settings,
              systemClock,
              clientCaTrust,
              serverBaseUrl,
              () -> delete(id));
      created.put(id, workspace);
      return workspace;
    }
  }

  /** The created workspace with this id ({@value Workspace#ROOT_ID} is the root). */
  public Optional<Workspace> find(String id) {
    if (Workspace.ROOT_ID.equals(id)) {
      return Optional.of(root);
    }
    return Optional.ofNullable(created.get(id));
  }

  /** The created workspaces (not the root), in id order. */
  public List<Workspace> list() {
    return created.values().stream().sorted(java.util.Comparator.comparing(Workspace::id)).toList();
  }

  /**
   * Deletes a created workspace; its prefix answers 404 from then on.
   *
   * @return whether it existed
   */
  public boolean delete(String id) {
    return created.remove(id) != null;
  }

  /** Deletes every created workspace. */
  public void deleteAll() {
    created.clear();
  }

  /**
   * Refuses a malformed id.
   *
   * @throws WorkspaceException {@code invalid_request}
   */
  public static void checkId(String id) {
    if (id.equals(Workspace.ROOT_ID) || !ID.matcher(id).matches()) {
      throw WorkspaceException.badRequest(
          "id: a workspace id is 1 to 64 lowercase letters, digits and inner hyphens, not 'root'"
              + " (generated ones are ws- and 12 hex digits)");
    }
  }
}
