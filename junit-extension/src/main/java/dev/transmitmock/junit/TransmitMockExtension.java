package dev.transmitmock.junit;

import static java.util.Objects.requireNonNull;

import dev.transmitmock.protocol.AuthMethod;
import dev.transmitmock.protocol.Endpoint;
import dev.transmitmock.server.TransmitMockServer;
import dev.transmitmock.server.config.ApplicationConfig;
import dev.transmitmock.server.config.ClientAuthConfig;
import dev.transmitmock.server.config.ClientConfig;
import dev.transmitmock.server.config.ClientType;
import dev.transmitmock.server.config.MockConfig;
import dev.transmitmock.server.config.Region;
import dev.transmitmock.server.config.ResourceConfig;
import dev.transmitmock.server.config.TlsConfig;
import dev.transmitmock.server.control.JournalEntry;
import dev.transmitmock.server.control.RequestJournal;
import dev.transmitmock.server.workspace.Workspace;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The JUnit Jupiter extension (5.10 and later, 6.x included) behind {@link TransmitMock}, and its
 * programmatic form: registered in a field, it is also the {@link TransmitMockHandle} tests use.
 *
 * <pre>{@code
 * class OrdersApiTest {
 *   @RegisterExtension
 *   static TransmitMockExtension mock = TransmitMockExtension.builder()
 *       .client(ClientConfig.builder("orders-svc").secret("orders-secret")
 *           .resources("https://api.orders.example").build())
 *       .strict(true)
 *       .build();
 *
 *   @Test
 *   void accepts_a_valid_token() {
 *     String token = mock.tokenFor("orders-svc", "https://api.orders.example");
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Lifecycle follows the registration: a static field (or {@link TransmitMock}) starts one server
 * per test class, shared by its nested classes and reset before each test; an instance field starts
 * one per test; {@link Builder#shared(boolean) shared} keeps one for the whole run. Servers live in
 * JUnit's {@link ExtensionContext.Store}; the extension stops each one in the after-callback of the
 * test or class that started it (a shared one when the run ends), the same way on JUnit 5.10 to
 * 6.x. It holds no static state, so test classes may run in parallel.
 */
public final class TransmitMockExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver,
        TransmitMockHandle {
  private static final Namespace NAMESPACE = Namespace.create(TransmitMockExtension.class);

  private static final String INJECTABLE_TYPES =
      "declare it as TransmitMockServer or TransmitMockHandle; with HTTPS also SSLContext or"
          + " X509Certificate (the CA), and TransmitClientCredentials with"
          + " @InjectTransmitMock(client = \"<client id>\")";

  /** Null for the declarative form: the settings then come from {@link TransmitMock}. */
  private final ExtensionSettings settings;

  /** The server the programmatic handle talks to; owned (and closed) by the Store. */
  private final AtomicReference<ServerResource> attached = new AtomicReference<>();

  /** Used by JUnit for {@link TransmitMock}. */
  TransmitMockExtension() {
    this.settings = null;
  }

  private TransmitMockExtension(ExtensionSettings settings) {
    this.settings = settings;
  }

  /** Starts configuring an extension to register with {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Declaration declaration = declaration(context);
    refuseInjectedFieldsIfProgrammatic(context);
    ServerResource resource = obtain(context, declaration);
    attach(resource, declaration);
    if (isDeclarative()) {
      TransmitMockHandle handle = classWorkspace(context, declaration, resource);
      injectFields(context.getRequiredTestClass(), null, resource, handle, true);
      context
          .getTestInstance()
          .ifPresent(instance -> injectInstanceFields(context, resource, handle));
    }
  }

  /**
   * With {@code @TransmitMock(shared = true)}, the test class's own workspace on the shared server,
   * made on first use with the class's clients registered in it (they survive its resets), and
   * deleted after the class; nested classes use their outer class's. Otherwise a handle on the
   * whole server.
   */
  private TransmitMockHandle classWorkspace(
      ExtensionContext context, Declaration declaration, ServerResource resource) {
    if (declaration.workspaceOwner().isEmpty()) {
      return new ServerHandle(resource);
    }
    WorkspaceKey key = new WorkspaceKey(declaration.workspaceOwner().get());
    Store store = context.getStore(NAMESPACE);
    WorkspaceBoundHandle existing = store.get(key, WorkspaceBoundHandle.class);
    if (existing != null) {
      return existing;
    }
    TransmitMockServer server = resource.server();
    Workspace workspace = server.createWorkspace();
    Map<String, TransmitClientCredentials> own = new java.util.LinkedHashMap<>();
    try {
      for (ClientConfig client : declaration.workspaceClients()) {
        for (URI uri : client.resources()) {
          if (!server.config().serviceResources().contains(uri)
              && workspace.clients().resource(uri).isEmpty()) {
            workspace.clients().putResource(ResourceConfig.builder(uri).build());
          }
        }
        workspace.clients().putClient(client, server.config().serviceResources());
        if (client.authMethod().usesSecret()) {
          own.put(
              client.clientId(),
              TransmitClientCredentials.secret(
                  client.clientId(), client.authMethod(), client.clientSecret(), server));
        }
      }
    } catch (RuntimeException e) {
      workspace.delete();
      throw new ExtensionConfigurationException(
          declaration.where() + ": cannot register the class's clients: " + e.getMessage(), e);
    }
    workspace.markClientsAsBaseline();
    WorkspaceBoundHandle handle =
        new WorkspaceBoundHandle(new ServerHandle(resource), workspace, own);
    store.put(key, handle);
    return handle;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Declaration declaration = declaration(context);
    refuseInjectedFieldsIfProgrammatic(context);
    Store store = context.getStore(NAMESPACE);
    ServerResource resource = store.get(declaration.key(), ServerResource.class);
    boolean started = resource == null;
    if (started) {
      resource = obtain(context, declaration);
    }
    TransmitMockHandle handle =
        isDeclarative()
            ? classWorkspace(context, declaration, resource)
            : new ServerHandle(resource);
    if (!started && declaration.settings().resetBeforeEach()) {
      handle.reset();
    }
    attach(resource, declaration);
    if (declaration.settings().strict()) {
      RequestJournal journal =
          handle
              .workspace()
              .map(ws -> ws.serverWorkspace().journal())
              .orElse(resource.server().journal());
      store.put(new StrictMark(this), new StrictWindow(resource, journal, lastSequence(journal)));
    }
    if (isDeclarative()) {
      injectInstanceFields(context, resource, handle);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      failOnRejections(context);
    } finally {
      closeServerStoredIn(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      deleteWorkspaceStoredIn(context);
    } finally {
      closeServerStoredIn(context);
    }
  }

  /** Deletes the class workspace made in this very context (not an enclosing class's). */
  private void deleteWorkspaceStoredIn(ExtensionContext context) {
    if (!isDeclarative()) {
      return;
    }
    Optional<Class<?>> annotated = annotatedClass(context.getRequiredTestClass());
    if (annotated.isEmpty()) {
      return;
    }
    WorkspaceBoundHandle handle =
        context
            .getStore(NAMESPACE)
            .remove(new WorkspaceKey(annotated.get()), WorkspaceBoundHandle.class);
    if (handle != null) {
      handle.close();
    }
  }

  private void failOnRejections(ExtensionContext context) {
    StrictWindow window =
        context.getStore(NAMESPACE).remove(new StrictMark(this), StrictWindow.class);
    if (window == null || window.resource().isClosed()) {
      return;
    }
    List<JournalEntry> rejected =
        window
            .journal()
            .entries(
                entry ->
                    entry.sequence() > window.after()
                        && entry.endpoint() == Endpoint.TOKEN
                        && entry.rejected());
    if (!rejected.isEmpty()) {
      throw new AssertionError(
          "transmit-mock (strict mode) rejected "
              + rejected.size()
              + " token request(s) during this test:"
              + TokenJournal.lines(rejected)
              + System.lineSeparator()
              + "Fix the client id, secret or resource the code under test sends; a test that"
              + " expects rejections can call journal().clear() after provoking them, or run"
              + " without strict mode.");
    }
  }

  /**
   * Stops the server this extension started in this very context (a test's, for an instance-field
   * extension; a class's, for {@code @TransmitMock} and static fields), when its scope ends.
   * Servers of enclosing contexts and the run-wide shared one are not in this context's own store,
   * so {@code remove} leaves them alone.
   */
  private void closeServerStoredIn(ExtensionContext context) {
    ServerResource resource =
        context.getStore(NAMESPACE).remove(localKey(context), ServerResource.class);
    if (resource != null) {
      resource.close();
    }
  }

  /** The store key of a non-shared server of this registration, without validating anything. */
  private Object localKey(ExtensionContext context) {
    if (!isDeclarative()) {
      return new InstanceKey(this);
    }
    Class<?> testClass = context.getRequiredTestClass();
    return new ClassKey(annotatedClass(testClass).orElseGet(() -> outermost(testClass)));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == TransmitMockServer.class
        || type == TransmitMockHandle.class
        || type == WorkspaceHandle.class
        || type == TransmitClientCredentials.class) {
      return true;
    }
    // JDK types other resolvers may supply too: only when the parameter asks for the emulator's.
    // Any other annotated type is claimed as well, to be refused in resolveParameter with what to
    // declare instead: left to another resolver, the annotation would be silently ignored.
    return parameter.isAnnotated(InjectTransmitMock.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Declaration declaration = declaration(context);
    ServerResource resource =
        context.getStore(NAMESPACE).get(declaration.key(), ServerResource.class);
    if (resource == null) {
      // e.g. a constructor parameter with @TestInstance(PER_CLASS): before beforeAll
      resource = obtain(context, declaration);
    }
    Class<?> type = parameter.getParameter().getType();
    String described =
        "parameter " + parameter.getParameter() + " of " + parameter.getDeclaringExecutable();
    Object value;
    try {
      value =
          injectable(
              type,
              parameter.findAnnotation(InjectTransmitMock.class).map(InjectTransmitMock::client),
              resource,
              isDeclarative()
                  ? classWorkspace(context, declaration, resource)
                  : new ServerHandle(resource),
              described);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterResolutionException(declaration.where() + ": " + e.getMessage(), e);
    }
    if (value == null) {
      throw new ParameterResolutionException(
          declaration.where()
              + ": @InjectTransmitMock "
              + described
              + " has type "
              + type.getName()
              + "; "
              + INJECTABLE_TYPES);
    }
    return value;
  }

  /**
   * The value of an injectable type, or null when the type is not one.
   *
   * @throws IllegalStateException for an HTTPS type while HTTPS is off
   * @throws IllegalArgumentException for credentials of an unknown client
   */
  private static Object injectable(
      Class<?> type,
      Optional<String> client,
      ServerResource resource,
      TransmitMockHandle handle,
      String described) {
    String id = client.map(String::trim).orElse("");
    if (!id.isEmpty()) {
      if (type == SSLContext.class) {
        return resource.credentials(id).sslContext();
      }
      if (type == X509Certificate.class) {
        return resource.credentials(id).certificate();
      }
      if (type != TransmitClientCredentials.class) {
        throw new IllegalArgumentException(
            described
                + ": client = \""
                + id
                + "\" applies to TransmitClientCredentials, SSLContext and X509Certificate only");
      }
    }
    if (type == TransmitMockServer.class) {
      return resource.server();
    }
    if (type == TransmitMockHandle.class) {
      return handle;
    }
    if (type == WorkspaceHandle.class) {
      return handle
          .workspace()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      described
                          + ": a WorkspaceHandle is injected with @TransmitMock(shared = true) only,"
                          + " where each test class has a workspace of its own; otherwise take"
                          + " TransmitMockHandle and call createWorkspace()"));
    }
    if (type == SSLContext.class) {
      return ServerHandle.sslContext(resource);
    }
    if (type == X509Certificate.class) {
      return HttpsSupport.caCertificate(resource.server());
    }
    if (type == TransmitClientCredentials.class) {
      if (id.isEmpty()) {
        throw new IllegalArgumentException(
            described
                + " needs the client named: @InjectTransmitMock(client = \"<client id>\")"
                + " TransmitClientCredentials");
      }
      return handle.credentials(id);
    }
    return null;
  }

  /**
   * The running server of this extension.
   *
   * @throws IllegalStateException outside of a test (before the server started or after it stopped)
   */
  @Override
  public TransmitMockServer server() {
    return attached().server();
  }

  private ServerResource attached() {
    ServerResource resource = attached.get();
    if (resource == null) {
      throw new IllegalStateException(
          "no transmit-mock server is running for this extension: it starts before all tests"
              + " (static field) or before each test (instance field); use it from test and"
              + " lifecycle methods");
    }
    return resource;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException also outside of a test
   */
  @Override
  public Path caCertificateFile() {
    return ServerHandle.caCertificateFile(attached());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException also outside of a test
   */
  @Override
  public SSLContext sslContext() {
    return ServerHandle.sslContext(attached());
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException also outside of a test
   */
  @Override
  public TransmitClientCredentials credentials(String clientId) {
    requireNonNull(clientId, "clientId must not be null");
    return attached().credentials(clientId);
  }

  @Override
  public Map<String, String> properties() {
    return attached().properties();
  }

  @Override
  public String toString() {
    ServerResource resource = attached.get();
    return "TransmitMockExtension["
        + (resource == null ? "not running" : resource.server().baseUrl())
        + "]";
  }

  private boolean isDeclarative() {
    return settings == null;
  }

  /**
   * Starts the server of a declaration, or finds the one started already (idempotent). JUnit 5.10
   * and 6 share no undeprecated atomic get-or-create on the Store ({@code getOrComputeIfAbsent} is
   * deprecated in 6.0, its replacement {@code computeIfAbsent} is new in 6.0), so the lookup and
   * the start run under a lock on the context that owns the store: only classes running in parallel
   * against one shared server ever contend for it.
   */
  private ServerResource obtain(ExtensionContext context, Declaration declaration) {
    ExtensionContext owner = declaration.shared() ? context.getRoot() : context;
    Store store = owner.getStore(NAMESPACE);
    ClassLoader loader = classLoader(context);
    synchronized (owner) {
      ServerResource running = store.get(declaration.key(), ServerResource.class);
      if (running != null) {
        return running;
      }
      ServerResource started =
          ServerResource.start(
              declaration.settings(),
              new ConfigAssembler(loader, declaration.where()),
              declaration.where());
      store.put(declaration.key(), started);
      if (declaration.shared()) {
        started.closeAtJvmExit();
      }
      return started;
    }
  }

  /** Points the programmatic handle at a server; refuses two concurrent owners. */
  private void attach(ServerResource resource, Declaration declaration) {
    if (isDeclarative()) {
      return;
    }
    ServerResource previous = attached.get();
    if (previous == resource) {
      return;
    }
    if (previous != null && previous.server().isRunning()) {
      throw new ExtensionConfigurationException(
          declaration.where()
              + ": this TransmitMockExtension instance is already in use by another test class"
              + " running at the same time; declare the field in each class, or build it with"
              + " shared(true) to use one server for all of them");
    }
    if (attached.compareAndSet(previous, resource)) {
      resource.onClose(() -> attached.compareAndSet(resource, null));
    } else {
      attach(resource, declaration);
    }
  }

  private Declaration declaration(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Optional<Class<?>> annotated = annotatedClass(testClass);
    if (isDeclarative()) {
      refuseClientsWithoutTheirEmulator(testClass, annotated);
      Class<?> owner = annotated.orElseGet(() -> outermost(testClass));
      ExtensionSettings declared =
          annotated
              .map(
                  c ->
                      AnnotationSettings.from(
                          AnnotationSupport.findAnnotation(c, TransmitMock.class).orElseThrow(),
                          AnnotationSupport.findRepeatableAnnotations(c, TransmitClient.class),
                          c))
              .orElse(ExtensionSettings.DEFAULTS);
      String where = ConfigAssembler.DECLARATIVE_PREFIX + owner.getName();
      if (declared.shared()) {
        // The class's clients go into its own workspace, not into the shared server, so classes
        // that differ only in their clients share one server and still cannot see each other's.
        ExtensionSettings server = declared.withoutClients();
        return new Declaration(
            server, new SharedKey(server), where, Optional.of(owner), declared.clients());
      }
      return new Declaration(declared, new ClassKey(owner), where, Optional.empty(), List.of());
    }
    if (annotated.isPresent()) {
      throw new ExtensionConfigurationException(
          annotated.get().getName()
              + " uses both @TransmitMock and a registered TransmitMockExtension; keep one:"
              + " remove @TransmitMock and configure the extension's builder, or remove the"
              + " @RegisterExtension field");
    }
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      List<TransmitClient> placed =
          AnnotationSupport.findRepeatableAnnotations(c, TransmitClient.class);
      if (!placed.isEmpty()) {
        throw new ExtensionConfigurationException(
            describe(placed, c)
                + " is read together with @TransmitMock only; with a registered"
                + " TransmitMockExtension declare the client with its builder instead, e.g."
                + " TransmitMockExtension.builder().client(\""
                + placed.get(0).id()
                + "\", AuthMethod."
                + placed.get(0).authMethod()
                + ")");
      }
    }
    String where = "TransmitMockExtension in " + outermost(testClass).getName();
    Object key = settings.shared() ? new SharedKey(settings) : new InstanceKey(this);
    return new Declaration(settings, key, where, Optional.empty(), List.of());
  }

  /**
   * Class-level {@link TransmitClient}s join the emulator of the {@link TransmitMock} next to them.
   * Anywhere else (a class without {@code @TransmitMock}, a nested class sharing the server of an
   * enclosing one) they would have no emulator to join: refused rather than ignored.
   */
  private static void refuseClientsWithoutTheirEmulator(
      Class<?> testClass, Optional<Class<?>> annotated) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (annotated.isPresent() && annotated.get() == c) {
        return;
      }
      List<TransmitClient> placed =
          AnnotationSupport.findRepeatableAnnotations(c, TransmitClient.class);
      if (placed.isEmpty()) {
        continue;
      }
      if (annotated.isEmpty()) {
        throw new ExtensionConfigurationException(
            describe(placed, c)
                + " has no emulator to join: add @TransmitMock to "
                + c.getSimpleName()
                + " (clients placed next to it are added to its emulator), or, with a registered"
                + " TransmitMockExtension, declare the client with its builder; in a Spring test"
                + " with @AutoConfigureTransmitMock, put it in that annotation's clients = {...}");
      }
      throw new ExtensionConfigurationException(
          describe(placed, c)
              + ": "
              + c.getSimpleName()
              + " shares the emulator of "
              + annotated.get().getName()
              + ", which started before its tests; put the client on "
              + annotated.get().getSimpleName()
              + " next to its @TransmitMock, or give "
              + c.getSimpleName()
              + " an emulator of its own with @TransmitMock");
    }
  }

  private static String describe(List<TransmitClient> clients, Class<?> placedOn) {
    return clients.stream()
            .map(client -> "@TransmitClient(id = \"" + client.id() + "\")")
            .collect(Collectors.joining(", "))
        + " on "
        + placedOn.getName();
  }

  /**
   * {@link InjectTransmitMock} fields are filled by {@link TransmitMock}; a registered extension is
   * itself the handle, so such fields would stay null.
   */
  private void refuseInjectedFieldsIfProgrammatic(ExtensionContext context) {
    if (isDeclarative()) {
      return;
    }
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      List<Field> fields =
          ReflectionSupport.findFields(
              c,
              field -> field.isAnnotationPresent(InjectTransmitMock.class),
              HierarchyTraversalMode.TOP_DOWN);
      if (!fields.isEmpty()) {
        throw new ExtensionConfigurationException(
            "@InjectTransmitMock field "
                + describe(fields.get(0))
                + " is filled by @TransmitMock only; with a registered TransmitMockExtension use"
                + " the extension field itself, which is the handle (mock.server(),"
                + " mock.credentials(\"<client id>\"), mock.sslContext()), or take a parameter");
      }
    }
  }

  private static Optional<Class<?>> annotatedClass(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, TransmitMock.class)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Class<?> outermost(Class<?> testClass) {
    Class<?> c = testClass;
    while (c.getEnclosingClass() != null) {
      c = c.getEnclosingClass();
    }
    return c;
  }

  private static ClassLoader classLoader(ExtensionContext context) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : context.getRequiredTestClass().getClassLoader();
  }

  private static long lastSequence(RequestJournal journal) {
    List<JournalEntry> entries = journal.entries();
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
  }

  private static void injectInstanceFields(
      ExtensionContext context, ServerResource resource, TransmitMockHandle handle) {
    context
        .getTestInstances()
        .ifPresent(
            instances -> {
              for (Object instance : instances.getAllInstances()) {
                injectFields(instance.getClass(), instance, resource, handle, false);
              }
            });
  }

  private static void injectFields(
      Class<?> type,
      Object instance,
      ServerResource resource,
      TransmitMockHandle handle,
      boolean statics) {
    List<Field> fields =
        ReflectionSupport.findFields(
            type,
            field ->
                field.isAnnotationPresent(InjectTransmitMock.class)
                    && Modifier.isStatic(field.getModifiers()) == statics,
            HierarchyTraversalMode.TOP_DOWN);
    for (Field field : fields) {
      Object value = valueFor(field, resource, handle);
      try {
        field.setAccessible(true);
        field.set(instance, value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ExtensionConfigurationException(
            "cannot inject transmit-mock into " + describe(field) + ": " + e.getMessage(), e);
      }
    }
  }

  private static Object valueFor(Field field, ServerResource resource, TransmitMockHandle handle) {
    if (Modifier.isFinal(field.getModifiers())) {
      throw new ExtensionConfigurationException(
          "@InjectTransmitMock field " + describe(field) + " is final; remove the final modifier");
    }
    Class<?> type = field.getType();
    String client = field.getAnnotation(InjectTransmitMock.class).client();
    if (client.isBlank() && type.isAssignableFrom(TransmitMockServer.class)) {
      return resource.server();
    }
    Object value;
    try {
      value =
          injectable(
              type,
              Optional.of(client),
              resource,
              handle,
              "@InjectTransmitMock field " + describe(field));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ExtensionConfigurationException(
          "cannot inject " + describe(field) + ": " + e.getMessage(), e);
    }
    if (value == null) {
      throw new ExtensionConfigurationException(
          "@InjectTransmitMock field "
              + describe(field)
              + " has type "
              + type.getName()
              + "; "
              + INJECTABLE_TYPES);
    }
    return value;
  }

  private static String describe(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }

  /** Which settings apply, under which Store key, and how error messages name the declaration. */
  private record Declaration(
      ExtensionSettings settings,
      Object key,
      String where,
      Optional<Class<?>> workspaceOwner,
      List<ClientConfig> workspaceClients) {
    boolean shared() {
      return settings.shared();
    }
  }

  /** Store key of a declarative per-class server: the class carrying {@link TransmitMock}. */
  private record ClassKey(Class<?> annotated) {}

  /** Store key of a programmatic server: this extension instance (identity). */
  private record InstanceKey(TransmitMockExtension extension) {}

  /** Store key of a run-wide server: equal settings share it. */
  private record SharedKey(ExtensionSettings settings) {}

  /** Store key of a strict-mode test's {@link StrictWindow}, one per registration. */
  private record StrictMark(TransmitMockExtension extension) {}

  /** The server a strict-mode test uses, its journal and the position the test started at. */
  private record StrictWindow(ServerResource resource, RequestJournal journal, long after) {}

  /** Store key of the workspace of a test class on a shared server. */
  private record WorkspaceKey(Class<?> owner) {}

  /**
   * Configures a {@link TransmitMockExtension}. Defaults: the emulator's embedded configuration, a
   * free port, one server per test class (static field) or per test (instance field), reset before
   * each test, not strict.
   */
  public static final class Builder {
    private String configResource;
    private MockConfig config;
    private String issuer;
    private Region region;
    private Duration tokenLifetime;
    private final List<ClientConfig> clients = new ArrayList<>();
    private boolean strict;
    private boolean shared;
    private boolean resetBeforeEach = true;
    private int port;
    private TlsConfig tls;
    private final List<GeneratedClient> generatedClients = new ArrayList<>();
    private boolean verboseErrors;
    private final List<ApplicationConfig> applications = new ArrayList<>();

    private Builder() {}

    /**
     * Add the reason of every refusal to error bodies as {@code error_detail} (see {@link
     * TransmitMock#verboseErrors()}); default false, the body Transmit sends.
     */
    public Builder verboseErrors(boolean verboseErrors) {
      this.verboseErrors = verboseErrors;
      return this;
    }

    /**
     * Adds an application with app-specific token signing keys; its clients name it with {@code
     * ClientConfig.Builder#appId(String)}. See {@link TransmitApplication}.
     *
     * <pre>{@code
     * TransmitMockExtension.builder()
     *     .application(ApplicationConfig.builder("app-orders")
     *         .issuer("https://orders.app.transmitsecurity.io").build())
     *     .client(ClientConfig.builder("orders-svc").secret("s").appId("app-orders").build())
     *     .build();
     * }</pre>
     */
    public Builder application(ApplicationConfig application) {
      applications.add(requireNonNull(application, "application must not be null"));
      return this;
    }

    /** A YAML or JSON configuration on the test classpath, e.g. {@code "transmit-mock.yaml"}. */
    public Builder configResource(String resource) {
      requireNonNull(resource, "resource must not be null");
      if (resource.isBlank()) {
        throw new IllegalArgumentException("resource must not be blank");
      }
      this.configResource = resource;
      return this;
    }

    /** A configuration built in code; {@link #configResource(String)} wins when both are set. */
    public Builder config(MockConfig config) {
      this.config = requireNonNull(config, "config must not be null");
      return this;
    }

    /** The {@code iss} of every token. */
    public Builder issuer(String issuer) {
      this.issuer = requireNonNull(issuer, "issuer must not be null");
      return this;
    }

    /** The region whose issuer the tokens carry, unless {@link #issuer(String)} is set. */
    public Builder region(Region region) {
      this.region = requireNonNull(region, "region must not be null");
      return this;
    }

    /** The default token lifetime. */
    public Builder tokenLifetime(Duration tokenLifetime) {
      requireNonNull(tokenLifetime, "tokenLifetime must not be null");
      if (tokenLifetime.isNegative()) {
        throw new IllegalArgumentException("tokenLifetime must not be negative: " + tokenLifetime);
      }
      this.tokenLifetime = tokenLifetime;
      return this;
    }

    /** Adds a client (one with the id of a configured client replaces it). */
    public Builder client(ClientConfig client) {
      clients.add(requireNonNull(client, "client must not be null"));
      return this;
    }

    /** Adds an app client with a secret and the resources it may request. */
    public Builder client(String clientId, String secret, String... resources) {
      return client(ClientConfig.builder(clientId).secret(secret).resources(resources).build());
    }

    /**
     * Adds an app client that authenticates with {@code method}, its key or certificate generated
     * when the server starts, as {@link TransmitClient#authMethod()} describes; the test gets them
     * from {@link TransmitMockHandle#credentials(String)}. A secret method gets the secret {@code
     * <id>-secret}.
     *
     * <pre>{@code
     * @RegisterExtension
     * static TransmitMockExtension mock = TransmitMockExtension.builder().https()
     *     .client("batch-svc", AuthMethod.PRIVATE_KEY_JWT, "https://api.orders.example")
     *     .client("payments-svc", AuthMethod.TLS_CLIENT_AUTH)
     *     .build();
     * ...
     * String assertion = mock.credentials("batch-svc").clientAssertion();
     * }</pre>
     *
     * <p>{@link AuthMethod#NONE} adds a public client, which may not use client credentials (its
     * token requests get "requested grant type is not allowed for this client").
     *
     * @throws IllegalArgumentException for a resource that is not an absolute URI
     */
    public Builder client(String clientId, AuthMethod method, String... resources) {
      requireNonNull(clientId, "clientId must not be null");
      requireNonNull(method, "method must not be null");
      requireNonNull(resources, "resources must not be null");
      if (clientId.isBlank()) {
        throw new IllegalArgumentException("clientId must not be blank");
      }
      if (method == AuthMethod.NONE) {
        return client(
            ClientConfig.builder(clientId)
                .resources(resources)
                .authentication(ClientAuthConfig.builder(method).build())
                .build());
      }
      if (method.usesSecret()) {
        return client(
            ClientConfig.builder(clientId)
                .secret(clientId + "-secret")
                .resources(resources)
                .authentication(ClientAuthConfig.builder(method).build())
                .build());
      }
      List<URI> uris = new ArrayList<>();
      for (String resource : resources) {
        URI uri = URI.create(requireNonNull(resource, "a resource must not be null"));
        if (!uri.isAbsolute()) {
          throw new IllegalArgumentException(
              "client " + clientId + ": resource \"" + resource + "\" is not an absolute URI");
        }
        uris.add(uri);
      }
      generatedClients.add(
          new GeneratedClient(
              clientId,
              method,
              ClientType.APP,
              uris,
              Optional.empty(),
              "client \"" + clientId + "\" (" + method.wireName() + ")"));
      return this;
    }

    /**
     * Serve HTTPS beside HTTP, on a free port, with a certificate signed by a CA generated at
     * start; see {@link TransmitMock#https()}.
     */
    public Builder https() {
      return https(TlsConfig.builder().build());
    }

    /** Serve HTTPS only, no plain HTTP; see {@link TransmitMock#httpsOnly()}. */
    public Builder httpsOnly() {
      return https(TlsConfig.builder().httpEnabled(false).build());
    }

    /**
     * Serve HTTPS as configured: a fixed port, your own PKCS#12 or PEM certificate, client
     * certificates required, extra names in the generated certificate, trusted client CAs.
     *
     * <p>{@code tls_client_auth} certificates must chain to {@link
     * TlsConfig#clientCaCertificates()} or, when none are configured, to the emulator's CA:
     * configuring any client CA replaces that default. For generated {@code TLS_CLIENT_AUTH}
     * clients (see {@link TransmitClient#authMethod()}) with your own certificate or client CAs,
     * the extension adds a test client CA to {@code clientCaCertificates}, keeping yours (and, when
     * you configured none, your certificate chain's CA).
     *
     * <pre>{@code
     * TransmitMockExtension.builder()
     *     .https(TlsConfig.builder().port(8443).clientAuth(ClientAuthMode.NEED).build())
     *     .build();
     * }</pre>
     */
    public Builder https(TlsConfig tls) {
      this.tls = requireNonNull(tls, "tls must not be null");
      return this;
    }

    /** Fail tests whose token requests the emulator rejected; default false. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * One server for the whole run, shared by every registration with equal settings; default
     * false. Combine with {@code resetBeforeEach(false)} when test classes run in parallel: a reset
     * before one test would otherwise undo what a concurrent test set up (clock, runtime clients).
     * Unlike {@code @TransmitMock(shared = true)}, which gives each class a workspace, a registered
     * extension acts on the whole shared server; for isolation, take a workspace in each class with
     * {@link TransmitMockHandle#createWorkspace()}.
     */
    public Builder shared(boolean shared) {
      this.shared = shared;
      return this;
    }

    /** Reset the server before each test; default true. */
    public Builder resetBeforeEach(boolean resetBeforeEach) {
      this.resetBeforeEach = resetBeforeEach;
      return this;
    }

    /** The port; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** The extension, to assign to a {@code @RegisterExtension} field. */
    public TransmitMockExtension build() {
      return new TransmitMockExtension(
          new ExtensionSettings(
              Optional.ofNullable(configResource),
              Optional.ofNullable(config),
              Optional.ofNullable(issuer),
              Optional.ofNullable(region),
              Optional.ofNullable(tokenLifetime),
              clients,
              strict,
              shared,
              resetBeforeEach,
              port,
              Optional.ofNullable(tls),
              generatedClients,
              verboseErrors,
              applications));
    }
  }
}
