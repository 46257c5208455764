/*
 * transmit-mock console: plain JavaScript over the /_mock control API, no library.
 *
 * Everything shown comes from the emulator and much of it from callers (client ids, resources,
 * error descriptions), so the page only ever writes text: textContent and text nodes, never
 * markup. The Content-Security-Policy the emulator sends (no inline script, this origin only)
 * backs that up. The control token, when one is needed, lives in sessionStorage: this tab only.
 */
"use strict";

(() => {
  const API = "/_mock";
  const TOKEN_KEY = "transmit-mock.controlToken";
  const REFRESH_MS = 1000;
  const PANELS = ["journal", "clients", "keys", "clock", "faults", "defects", "decoder"];

  const $ = (id) => document.getElementById(id);

  /** Builds an element; children are nodes or strings (always inserted as text). */
  function h(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "className") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key === "on") for (const [event, fn] of Object.entries(value)) node.addEventListener(event, fn);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // --- control API --------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, error, description) {
      super(description || error || "HTTP " + status);
      this.status = status;
      this.error = error;
    }
  }

  function controlToken() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  async function api(method, path, body) {
    const headers = {};
    const token = controlToken();
    if (token) headers.Authorization = "Bearer " + token;
    const init = { method, headers, cache: "no-store", credentials: "omit" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(API + path, init);
    } catch (e) {
      setConnection("down", "emulator unreachable");
      throw new ApiError(0, "unreachable", "the emulator does not answer");
    }
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (response.status === 401) {
      setConnection("locked", "control token needed");
      askForToken(json && json.error_description);
      throw new ApiError(401, "unauthorized", (json && json.error_description) || "control token needed");
    }
    if (!response.ok) {
      throw new ApiError(response.status, json && json.error, json && json.error_description);
    }
    setConnection("ok", token ? "connected (token)" : "connected");
    return json;
  }

  function setConnection(state, text) {
    $("connection").className = "connection " + state;
    $("connection-text").textContent = text;
  }

  // --- feedback -----------------------------------------------------------------------------------

  let flashTimer = null;
  function flash(kind, message) {
    const box = $("flash");
    box.className = "flash " + kind;
    box.textContent = message;
    box.hidden = false;
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => { box.hidden = true; }, kind === "error" ? 9000 : 4000);
  }

  /** Runs an action, reporting its failure (401s open the token prompt instead). */
  async function attempt(action, success) {
    try {
      const result = await action();
      if (success) flash("ok", typeof success === "function" ? success(result) : success);
      return result;
    } catch (e) {
      if (e.status !== 401) flash("error", e.message);
      return undefined;
    }
  }

  // --- control token prompt -----------------------------------------------------------------------

  function askForToken(problem) {
    const dialog = $("token-dialog");
    const error = $("token-error");
    if (controlToken() && problem) {
      error.textContent = "The token was refused: " + problem;
      error.hidden = false;
    } else {
      error.hidden = true;
    }
    if (!dialog.open) {
      dialog.showModal();
      $("token-input").focus();
    }
  }

  function setUpTokenDialog() {
    $("token-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const value = $("token-input").value.trim();
      if (!value) {
        $("token-error").textContent = "Enter the control token.";
        $("token-error").hidden = false;
        return;
      }
      sessionStorage.setItem(TOKEN_KEY, value);
      try {
        await api("GET", "/clock");
        $("token-input").value = "";
        $("token-dialog").close();
        flash("ok", "Connected with the control token");
        refreshAll();
      } catch (e) {
        if (e.status !== 401) {
          $("token-error").textContent = e.message;
          $("token-error").hidden = false;
        }
      }
    });
    $("token-forget").addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      $("token-input").value = "";
      $("token-error").hidden = true;
      flash("ok", "The control token was forgotten in this tab");
    });
    $("token-button").addEventListener("click", () => askForToken());
  }

  // --- formatting ---------------------------------------------------------------------------------

  function timeOfDay(iso) {
    const match = /T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(iso || "");
    return match ? match[1] : iso;
  }

  function readableInstant(iso) {
    const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(iso || "");
    return match ? match[1] + " " + match[2] + " UTC" : iso;
  }

  /** A java.time.Duration text (PT-1H-30M, PT1H59M59.004S) as "+1 h 59 min 59 s", to the second. */
  function readableOffset(iso) {
    const match = /^PT(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?\d+(?:\.\d+)?)S)?$/.exec(iso || "");
    if (!match) return iso;
    const total = Math.round(Number(match[1] || 0) * 3600 + Number(match[2] || 0) * 60 + Number(match[3] || 0));
    if (total === 0) return "none";
    let rest = Math.abs(total);
    const parts = [];
    for (const [unit, size] of [["d", 86400], ["h", 3600], ["min", 60], ["s", 1]]) {
      if (rest >= size) {
        parts.push(Math.floor(rest / size) + " " + unit);
        rest %= size;
      }
    }
    return (total < 0 ? "−" : "+") + parts.join(" ");
  }

  function outcomeBadge(outcome) {
    const kind = { issued: "ok", succeeded: "ok", rejected: "bad", faulted: "warn", injected: "warn" }[outcome] || "";
    return h("span", { className: "badge " + kind, text: outcome });
  }

  function list(values) {
    return values && values.length ? values.join(", ") : "";
  }

  function splitList(text) {
    return text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
  }

  // --- journal ------------------------------------------------------------------------------------

  let journalSignature = "";
  let newestSeen = 0;

  function journalQuery() {
    const params = new URLSearchParams();
    const client = $("journal-client").value.trim();
    if (client) params.set("clientId", client);
    if ($("journal-endpoint").value) params.set("endpoint", $("journal-endpoint").value);
    if ($("journal-outcome").value) params.set("outcome", $("journal-outcome").value);
    const query = params.toString();
    return query ? "?" + query : "";
  }

  async function refreshJournal(force) {
    const query = journalQuery();
    const journal = await api("GET", "/journal" + query);
    const entries = journal.entries;
    const last = entries.length ? entries[entries.length - 1].sequence : 0;
    const signature = query + "|" + journal.size + "|" + last + "|" + entries.length;
    const count = $("nav-journal-count");
    count.textContent = journal.rejected ? String(journal.rejected) : "";
    count.className = "nav-count" + (journal.rejected ? " alert" : "");
    count.title = journal.rejected ? journal.rejected + " rejected since the last reset" : "";
    $("journal-summary").textContent =
      entries.length + " shown · " + journal.size + " of " + journal.capacity + " held · " +
      journal.rejected + " rejected" + (journal.dropped ? " · " + journal.dropped + " dropped" : "");
    if (!force && signature === journalSignature) return;
    journalSignature = signature;
    const rows = entries.slice().reverse().map((entry) => journalRow(entry, entry.sequence > newestSeen && newestSeen > 0));
    newestSeen = Math.max(newestSeen, last);
    $("journal-table").tBodies[0].replaceChildren(...rows);
    $("journal-empty").hidden = entries.length > 0;
  }

  function journalRow(entry, fresh) {
    const target = [];
    if (entry.resource) target.push(h("span", { className: "cell-main", text: entry.resource }));
    if (entry.scope) target.push(h("span", { className: "cell-sub", text: "scope " + entry.scope }));
    if (!target.length) target.push(h("span", { className: "muted", text: "—" }));
    const reason = [];
    if (entry.error) {
      reason.push(h("span", { className: "reason-code", text: entry.error }));
      if (entry.errorDescription) reason.push(h("span", { className: "cell-sub reason-text", text: entry.errorDescription }));
      // the wire says "client authentication failed" for every refusal; the journal says which check failed
      if (entry.errorDetail) reason.push(h("span", { className: "cell-sub reason-detail", text: entry.errorDetail, title: "errorDetail: not sent to the client (verboseErrors adds it as error_detail)" }));
    } else if (entry.jti) {
      reason.push(h("span", { className: "cell-sub", text: "jti " + entry.jti }));
    }
    return h("tr", { className: "journal-row" + (fresh ? " fresh" : ""), dataset: { sequence: entry.sequence, outcome: entry.outcome } },
      h("td", { className: "num muted", text: entry.sequence }),
      h("td", { className: "nowrap mono", text: timeOfDay(entry.time), title: entry.time }),
      h("td", { className: "nowrap" }, h("span", { className: "cell-main", text: entry.endpoint }),
        h("span", { className: "cell-sub", text: entry.authMethod })),
      h("td", { className: "journal-client", text: entry.clientId === null ? "—" : entry.clientId }),
      h("td", { className: "journal-target" }, target),
      h("td", { className: "nowrap" }, outcomeBadge(entry.outcome),
        h("span", { className: "cell-sub journal-status", text: entry.status === 0 ? "connection dropped" : "HTTP " + entry.status })),
      h("td", { className: "journal-reason" }, reason));
  }

  function setUpJournal() {
    for (const id of ["journal-endpoint", "journal-outcome"]) $(id).addEventListener("change", () => attempt(() => refreshJournal(true)));
    let typing = null;
    $("journal-client").addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => attempt(() => refreshJournal(true)), 250);
    });
    $("journal-filters").addEventListener("submit", (event) => event.preventDefault());
    $("journal-clear").addEventListener("click", () =>
      attempt(async () => { const r = await api("DELETE", "/journal"); await refreshJournal(true); return r; },
        (r) => "Journal cleared (" + r.cleared + " entries)"));
    $("journal-example-url").textContent = location.origin + "/oidc/token";
  }

  // --- clock --------------------------------------------------------------------------------------

  async function refreshClock() {
    const clock = await api("GET", "/clock");
    showClock(clock);
    return clock;
  }

  function showClock(clock) {
    const moved = readableOffset(clock.offset) !== "none";
    const chip = $("clock-chip");
    chip.className = "clock-chip " + (clock.frozen ? "frozen" : moved ? "moved" : "running");
    $("clock-chip-text").textContent = readableInstant(clock.now) + (clock.frozen ? " · frozen" : "") + (moved ? " · " + readableOffset(clock.offset) : "");
    $("clock-now").textContent = readableInstant(clock.now);
    const state = $("clock-state");
    state.textContent = clock.frozen ? "frozen" : "running";
    state.className = "badge " + (clock.frozen ? "info" : "ok");
    $("clock-offset").textContent = readableOffset(clock.offset);
    $("clock-offset").title = clock.offset;
    $("clock-freeze").disabled = clock.frozen;
    $("clock-unfreeze").disabled = !clock.frozen;
  }

  function moveClock(body, message) {
    return attempt(async () => { const c = await api("POST", "/clock", body); showClock(c); return c; }, message);
  }

  function setUpClock() {
    $("clock-freeze").addEventListener("click", () => moveClock({ freeze: true }, "Clock frozen"));
    $("clock-unfreeze").addEventListener("click", () => moveClock({ freeze: false }, "Clock running again"));
    $("clock-reset").addEventListener("click", () =>
      attempt(async () => { const c = await api("DELETE", "/clock"); showClock(c); return c; }, "Clock back to system time"));
    for (const button of document.querySelectorAll("[data-advance]")) {
      button.addEventListener("click", () => moveClock({ advance: button.dataset.advance }, (c) => "Clock moved by " + button.dataset.advance + ": " + readableInstant(c.now)));
    }
    $("clock-advance-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const value = $("clock-advance-value").value.trim();
      moveClock({ advance: value }, (c) => "Clock moved by " + value + ": " + readableInstant(c.now));
    });
    $("clock-set-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const body = { set: $("clock-set-value").value.trim() };
      if ($("clock-set-freeze").checked) body.freeze = true;
      moveClock(body, (c) => "Clock set to " + readableInstant(c.now));
    });
  }

  // --- faults -------------------------------------------------------------------------------------

  async function refreshFaults() {
    const { faults } = await api("GET", "/faults");
    $("nav-faults-count").textContent = faults.length ? String(faults.length) : "";
    $("nav-faults-count").className = "nav-count" + (faults.length ? " alert" : "");
    $("faults-empty").hidden = faults.length > 0;
    $("faults-table").tBodies[0].replaceChildren(...faults.map((rule) =>
      h("tr", { className: "fault-row", dataset: { id: rule.id } },
        h("td", { className: "mono", text: rule.id }),
        h("td", { text: rule.endpoint }),
        h("td", { text: rule.clientId === null ? "any" : rule.clientId, className: rule.clientId === null ? "muted" : "" }),
        h("td", { text: rule.description }),
        h("td", { className: "num", text: rule.times === null ? "∞" : rule.times }),
        h("td", { className: "actions" },
          h("button", { type: "button", className: "small danger fault-remove", text: "Remove",
            on: { click: () => attempt(async () => { await api("DELETE", "/faults/" + encodeURIComponent(rule.id)); await refreshFaults(); }, "Fault " + rule.id + " removed") } })))));
  }

  function setUpFaults() {
    $("fault-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const kind = $("fault-kind").value;
      const body = { endpoint: $("fault-endpoint").value };
      const status = $("fault-status").value.trim();
      if (kind === "status") body.status = Number(status || 503);
      if (kind === "drop") body.drop = true;
      if (kind === "malformed") {
        body.malformed = true;
        if (status && status !== "503") body.status = Number(status);
      }
      const delay = $("fault-delay").value.trim();
      if (delay) body.delay = delay;
      if (kind === "delay" && !delay) {
        flash("error", "delay: give a duration such as PT2S");
        return;
      }
      const times = $("fault-times").value.trim();
      if (times) body.times = Number(times);
      const client = $("fault-client").value.trim();
      if (client) body.clientId = client;
      const retryAfter = $("fault-retry-after").value.trim();
      if (retryAfter && kind !== "drop") body.headers = { "Retry-After": retryAfter };
      attempt(async () => { const rule = await api("POST", "/faults", body); await refreshFaults(); return rule; },
        (rule) => "Fault " + rule.id + " added: " + rule.description);
    });
    $("faults-clear").addEventListener("click", () =>
      attempt(async () => { const r = await api("DELETE", "/faults"); await refreshFaults(); return r; }, (r) => r.cleared + " fault rule(s) removed"));
  }

  // --- keys ---------------------------------------------------------------------------------------

  async function refreshKeys() {
    const state = await api("GET", "/keys");
    showKeys(state);
  }

  function showKeys(state) {
    $("keys-table").tBodies[0].replaceChildren(...state.keys.map((key) => {
      const badge = { active: "ok", published: "info", retired: "" }[key.status];
      const actions = [];
      if (key.status === "published") {
        actions.push(h("button", { type: "button", className: "small key-activate", text: "Activate",
          on: { click: () => keyAction("POST", "/keys/" + encodeURIComponent(key.kid) + "/activate", "Key " + key.kid + " now signs new tokens") } }));
        actions.push(h("button", { type: "button", className: "small danger key-retire", text: "Retire",
          on: { click: () => keyAction("DELETE", "/keys/" + encodeURIComponent(key.kid), "Key " + key.kid + " retired: gone from the JWKS") } }));
      }
      return h("tr", { className: "key-row", dataset: { kid: key.kid, status: key.status } },
        h("td", { className: "mono", text: key.kid }),
        h("td", { text: key.algorithm }),
        h("td", {}, h("span", { className: "badge " + badge, text: key.status })),
        h("td", { className: "actions" }, actions));
    }));
  }

  function keyAction(method, path, message, body) {
    return attempt(async () => { const state = await api(method, path, body); showKeys(state); return state; }, message);
  }

  function setUpKeys() {
    $("keys-rotate").addEventListener("click", () =>
      keyAction("POST", "/keys/rotate", (s) => "Rotated: " + s.kid + " signs new tokens; " + s.previous + " stays published"));
    $("key-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const body = {};
      const kid = $("key-kid").value.trim();
      if (kid) body.kid = kid;
      if ($("key-algorithm").value) body.algorithm = $("key-algorithm").value;
      if ($("key-activate").checked) body.activate = true;
      keyAction("POST", "/keys", "Key published", body).then((state) => { if (state) $("key-kid").value = ""; });
    });
  }

  // --- clients and resources ----------------------------------------------------------------------

  async function refreshClients() {
    const [{ clients }, { resources }] = await Promise.all([api("GET", "/clients"), api("GET", "/resources")]);
    $("clients-table").tBodies[0].replaceChildren(...clients.map((client) =>
      h("tr", { className: "client-row", dataset: { clientId: client.clientId } },
        h("td", {}, h("span", { className: "cell-main mono", text: client.clientId }),
          client.appName && client.appName !== client.clientId ? h("span", { className: "cell-sub", text: client.appName }) : null),
        h("td", {}, h("span", { className: "badge " + (client.type === "management" ? "warn" : "info"), text: client.type })),
        h("td", { className: "muted", text: client.tokenEndpointAuthMethod }),
        h("td", { text: list(client.resources) || "—" }),
        h("td", { text: list(client.scopes) || "any" }),
        h("td", { text: client.tokenLifetime || "default" }),
        h("td", { className: "actions" },
          h("button", { type: "button", className: "small danger client-remove", text: "Remove",
            on: { click: () => attempt(async () => { await api("DELETE", "/clients/" + encodeURIComponent(client.clientId)); await refreshClients(); }, "Client " + client.clientId + " removed") } })))));
    $("resources-table").tBodies[0].replaceChildren(...resources.map((resource) =>
      h("tr", { className: "resource-row", dataset: { uri: resource.uri } },
        h("td", { className: "mono", text: resource.uri }),
        h("td", { text: resource.tokenLifetime || "default" }),
        h("td", { className: "actions" },
          h("button", { type: "button", className: "small danger resource-remove", text: "Remove",
            on: { click: () => attempt(async () => { await api("DELETE", "/resources?uri=" + encodeURIComponent(resource.uri)); await refreshClients(); }, "Resource " + resource.uri + " removed") } })))));
    fillClientChoice(clients);
  }

  function setUpClients() {
    $("client-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const body = { clientId: $("client-id").value.trim(), clientSecret: $("client-secret").value, type: $("client-type").value };
      const resources = splitList($("client-resources").value);
      if (resources.length) body.resources = resources;
      const scopes = splitList($("client-scopes").value);
      if (scopes.length) body.scopes = scopes;
      const lifetime = $("client-lifetime").value.trim();
      if (lifetime) body.tokenLifetime = lifetime;
      attempt(async () => { const c = await api("POST", "/clients", body); await refreshClients(); return c; },
        (c) => "Client " + c.clientId + " saved").then((c) => { if (c) { $("client-form").reset(); } });
    });
    $("resource-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const body = { uri: $("resource-uri").value.trim() };
      const lifetime = $("resource-lifetime").value.trim();
      if (lifetime) body.tokenLifetime = lifetime;
      attempt(async () => { const r = await api("POST", "/resources", body); await refreshClients(); return r; },
        (r) => "Resource " + r.uri + " saved").then((r) => { if (r) $("resource-form").reset(); });
    });
  }

  // --- defects ------------------------------------------------------------------------------------

  let defects = [];

  function fillClientChoice(clients) {
    const select = $("defect-client");
    const chosen = select.value;
    select.replaceChildren(...clients.map((c) => h("option", { value: c.clientId, text: c.clientId })));
    if (clients.some((c) => c.clientId === chosen)) select.value = chosen;
  }

  async function refreshDefects() {
    const [catalog, { clients }] = await Promise.all([api("GET", "/defects"), api("GET", "/clients")]);
    defects = catalog.defects;
    fillClientChoice(clients);
    showDefects();
  }

  function showDefects() {
    const kind = $("defect-kind").value;
    $("defects-table").tBodies[0].replaceChildren(...defects.filter((d) => !kind || d.kind === kind).map((defect) => {
      const mintable = defect.kind !== "client-assertion";
      return h("tr", { className: "defect-row", dataset: { id: defect.id } },
        h("td", { className: "defect-id" }, h("span", { className: "cell-main mono", text: defect.id }),
          h("span", { className: "badge " + (defect.kind === "access-token" ? "info" : defect.kind === "certificate-binding" ? "warn" : ""), text: defect.kind })),
        h("td", {}, h("span", { className: "cell-main", text: defect.description }),
          h("span", { className: "cell-sub", text: defect.reference + (defect.skewSensitive ? " · skew-sensitive: a verifier allowing clock skew may accept it" : "") })),
        h("td", {}, h("span", { className: "badge bad", text: defect.expectedRejection })),
        h("td", { className: "actions" }, mintable
          ? h("button", { type: "button", className: "small defect-mint", text: "Mint", on: { click: () => mint(defect) } })
          : h("span", { className: "muted", text: "Java only", title: "a client assertion, built with AssertionDefect.mint(...)" })));
    }));
  }

  async function mint(defect) {
    const body = { defect: defect.id };
    if ($("defect-client").value) body.clientId = $("defect-client").value;
    const resource = $("defect-resource").value.trim();
    if (resource) body.resource = resource;
    const minted = await attempt(() => api("POST", "/tokens", body), "Minted " + defect.id + ": a careful consumer rejects it (" + defect.expectedRejection + ")");
    if (!minted) return;
    $("minted-title").textContent = "Minted: " + defect.id;
    $("minted-token").value = minted.access_token;
    $("minted").hidden = false;
  }

  function setUpDefects() {
    $("defect-kind").addEventListener("change", showDefects);
    $("defect-options").addEventListener("submit", (event) => event.preventDefault());
    $("minted-copy").addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText($("minted-token").value);
        flash("ok", "Token copied");
      } catch (e) {
        $("minted-token").select();
        flash("error", "The browser refused the clipboard: the token is selected, copy it with Ctrl+C");
      }
    });
    $("minted-decode").addEventListener("click", () => {
      $("inspect-token").value = $("minted-token").value;
      location.hash = "#decoder";
      inspect();
    });
  }

  // --- decoder ------------------------------------------------------------------------------------

  async function inspect() {
    const token = $("inspect-token").value.trim();
    if (!token) {
      flash("error", "token: paste a token first");
      return;
    }
    const body = { token };
    const audience = $("inspect-audience").value.trim();
    if (audience) body.audience = audience;
    const skew = $("inspect-skew").value.trim();
    if (skew) body.clockSkew = skew;
    const result = await attempt(() => api("POST", "/tokens/inspect", body));
    if (result) showInspection(result);
  }

  function showInspection(result) {
    const verdict = $("inspect-verdict");
    const rejected = result.verdict === "rejected";
    verdict.className = "verdict " + result.verdict;
    verdict.replaceChildren(
      h("span", { text: rejected ? "Rejected" : "Accepted by a careful consumer" }),
      h("span", { className: "verdict-sub", text: rejected
        ? result.findings.length + " reason" + (result.findings.length === 1 ? "" : "s") + " · a verifier stops at " + result.reasons[0]
        : "signed by " + result.signedBy + ", checked at " + readableInstant(result.checkedAt) }));
    $("inspect-findings").replaceChildren(...(result.findings.length
      ? result.findings.map((finding) => h("li", { className: "finding", dataset: { reason: finding.reason, check: finding.check } },
          h("span", {}, h("span", { className: "badge bad reason", text: finding.reason }), h("span", { className: "finding-check", text: finding.check })),
          h("span", { className: "finding-message", text: finding.message })))
      : [h("li", { className: "none" }, h("span", { className: "none", text: "No reason to reject it: good signature from a published key, right issuer and audience, within its lifetime." }))]));
    $("inspect-notes").replaceChildren(...result.notes.map((note) => h("li", { className: "note", text: note })));
    $("inspect-header").textContent = result.header ? JSON.stringify(result.header, null, 2) : "(not a JSON object)";
    $("inspect-claims").textContent = result.claims ? JSON.stringify(result.claims, null, 2) : "(not a JSON object)";
    const times = [];
    for (const claim of ["iat", "nbf", "exp"]) {
      const value = result.claims && result.claims[claim];
      if (typeof value === "number" && Number.isFinite(value) && Math.abs(value) < 8.64e12) {
        times.push(h("dt", { text: claim }), h("dd", { text: readableInstant(new Date(value * 1000).toISOString()) }));
      }
    }
    if (times.length) times.push(h("dt", { text: "checked" }), h("dd", { text: readableInstant(result.checkedAt) + " (emulator)" }));
    $("inspect-times").replaceChildren(...times);
    $("inspect-result").hidden = false;
  }

  function setUpDecoder() {
    $("inspect-form").addEventListener("submit", (event) => {
      event.preventDefault();
      inspect();
    });
  }

  // --- navigation, reset, refresh -----------------------------------------------------------------

  function currentPanel() {
    const name = location.hash.replace(/^#/, "");
    return PANELS.includes(name) ? name : "journal";
  }

  const loaders = {
    journal: () => refreshJournal(true),
    clients: refreshClients,
    keys: refreshKeys,
    clock: refreshClock,
    faults: refreshFaults,
    defects: refreshDefects,
    decoder: async () => {},
  };

  function showPanel() {
    const name = currentPanel();
    for (const panel of document.querySelectorAll("section.panel")) panel.hidden = panel.dataset.panel !== name;
    for (const item of document.querySelectorAll(".nav-item")) item.classList.toggle("active", item.dataset.panel === name);
    attempt(loaders[name]);
  }

  function refreshAll() {
    attempt(async () => { await refreshClock(); await refreshFaults(); await loaders[currentPanel()](); });
  }

  let armedReset = null;
  function setUpReset() {
    const button = $("reset-button");
    button.addEventListener("click", () => {
      if (!armedReset) {
        button.textContent = "Click again to reset";
        button.classList.add("armed");
        armedReset = setTimeout(disarm, 3000);
        return;
      }
      disarm();
      attempt(async () => { await api("POST", "/reset"); journalSignature = ""; newestSeen = 0; refreshAll(); }, "Emulator reset to its configured state");
    });
    function disarm() {
      clearTimeout(armedReset);
      armedReset = null;
      button.textContent = "Reset emulator";
      button.classList.remove("armed");
    }
  }

  let ticking = false;
  async function tick() {
    if (ticking || document.hidden || $("token-dialog").open) return;
    ticking = true;
    try {
      await refreshClock();
      await refreshFaults();
      if (currentPanel() === "journal" && $("journal-auto").checked) await refreshJournal(false);
    } catch (e) {
      // shown by the connection indicator; the next tick tries again
    } finally {
      ticking = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    setUpTokenDialog();
    setUpJournal();
    setUpClock();
    setUpFaults();
    setUpKeys();
    setUpClients();
    setUpDefects();
    setUpDecoder();
    setUpReset();
    window.addEventListener("hashchange", showPanel);
    showPanel();
    attempt(async () => { await refreshClock(); await refreshFaults(); });
    setInterval(tick, REFRESH_MS);
  });
})();
