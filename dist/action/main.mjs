// Generated from src/github by esbuild; do not edit. Rebuild: UPDATE_DIST=1 npx vitest run test/github/dist.test.ts

// src/core/diagnostics.ts
function createDiagnostic(d) {
  const out = {};
  for (const [k, v] of Object.entries(d)) if (v !== void 0) out[k] = v;
  return out;
}
function hasErrors(diagnostics) {
  return diagnostics.some((d) => d.severity === "error");
}
function uniqueDiagnostics(diagnostics) {
  const seen = /* @__PURE__ */ new Set();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
function sortDiagnostics(diagnostics) {
  return [...diagnostics].sort(
    (a, b) => cmp(a.file ?? "", b.file ?? "") || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message)
  );
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/position.ts
var LineIndex = class {
  #starts;
  text;
  constructor(text) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    this.#starts = starts;
  }
  /** 1-based position of a 0-based character offset. */
  positionAt(offset) {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
  /** The text of a 1-based line, without its line break. */
  lineText(line) {
    const start = this.#starts[line - 1];
    if (start === void 0) return "";
    const next2 = this.#starts[line];
    return this.text.slice(start, next2 === void 0 ? void 0 : next2 - 1).replace(/\r$/, "");
  }
};

// src/core/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
  hint;
  constructor(message, hint, options) {
    super(message, options);
    this.hint = hint;
  }
};
var InternalError = class extends Error {
  name = "InternalError";
};
var IntegrityError = class extends Error {
  name = "IntegrityError";
};

// src/core/ids.ts
import { createHash } from "node:crypto";
var COMMIT_RE = /^[0-9a-f]{40}$/;
var DIGEST_RE = /^sha256:[0-9a-f]{64}$/;
function parseCommitSha(value) {
  return COMMIT_RE.test(value) ? value : void 0;
}
function parseDigest(value) {
  return DIGEST_RE.test(value) ? value : void 0;
}
function digestOf(content) {
  return `sha256:${createHash("sha256").update(content).digest("hex")}`;
}
function digestHex(digest2) {
  return digest2.slice("sha256:".length);
}

// src/core/canonical-json.ts
function canonicalJson(value) {
  return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
  if (Array.isArray(value)) return value.map((v) => v === void 0 ? null : sortKeys(v));
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== void 0) out[key] = sortKeys(v);
    }
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new TypeError(`canonicalJson: ${value} has no JSON form`);
  }
  return value;
}

// src/core/suggest.ts
function closestMatch(input, candidates) {
  let best;
  let bestScore = Infinity;
  const limit2 = Math.max(2, Math.floor(input.length / 3));
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestScore || d === bestScore && best !== void 0 && c < best) {
      best = c;
      bestScore = d;
    }
  }
  return bestScore <= limit2 ? best : void 0;
}
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

// src/github/context.ts
import { readFileSync } from "node:fs";
function readRunContext(env, cwd) {
  const need = (name) => {
    const value = env[name];
    if (value === void 0 || value === "") {
      throw new UsageError(`${name} is not set`, "this is a GitHub Action: run it in a workflow step (`uses:`), which sets the GITHUB_* variables");
    }
    return value;
  };
  const repository = need("GITHUB_REPOSITORY");
  const [owner, repo, ...rest] = repository.split("/");
  if (!owner || !repo || rest.length > 0) throw new UsageError(`GITHUB_REPOSITORY should be owner/name, not ${JSON.stringify(repository)}`);
  const eventPath = need("GITHUB_EVENT_PATH");
  let payload;
  try {
    payload = JSON.parse(readFileSync(eventPath, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read the event payload ${eventPath}: ${error.message}`, "GITHUB_EVENT_PATH must name the JSON file the runner wrote");
  }
  if (typeof payload !== "object" || payload === null) throw new UsageError(`the event payload ${eventPath} is not a JSON object`);
  const serverUrl = (env["GITHUB_SERVER_URL"] || "https://github.com").replace(/\/$/, "");
  const runId = env["GITHUB_RUN_ID"];
  const attempt = env["GITHUB_RUN_ATTEMPT"];
  return {
    eventName: need("GITHUB_EVENT_NAME"),
    owner,
    repo,
    sha: need("GITHUB_SHA"),
    ref: env["GITHUB_REF"] ?? "",
    apiUrl: (env["GITHUB_API_URL"] || "https://api.github.com").replace(/\/$/, ""),
    serverUrl,
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${attempt && attempt !== "1" ? `/attempts/${attempt}` : ""}` : void 0,
    workspace: env["GITHUB_WORKSPACE"] || cwd,
    tempDir: env["RUNNER_TEMP"] || void 0,
    payload
  };
}
function pullRequestOf(ctx) {
  const pr = ctx.payload["pull_request"];
  if (!pr || typeof pr !== "object") {
    throw new UsageError(
      `mode: plan needs a pull_request event, but this run is for "${ctx.eventName}"`,
      "run the plan step `on: pull_request`, and the publish step (mode: publish) on pushes"
    );
  }
  const number = typeof pr.number === "number" ? pr.number : Number(ctx.payload["number"]);
  const baseSha = pr.base?.sha;
  const headSha = pr.head?.sha;
  if (!Number.isInteger(number) || typeof baseSha !== "string" || typeof headSha !== "string") {
    throw new UsageError("the pull_request payload lacks number, base.sha or head.sha", "the event payload is not one GitHub sent");
  }
  return { number, baseSha, headSha, baseRef: typeof pr.base?.ref === "string" ? pr.base.ref : void 0 };
}
function branchOf(ref) {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : void 0;
}

// src/github/inputs.ts
function getInput(env, name) {
  const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`]?.trim();
  return value === void 0 || value === "" ? void 0 : value;
}
function readInputs(env) {
  const mode = getInput(env, "mode");
  if (mode !== "plan" && mode !== "publish") {
    throw new UsageError(
      mode === void 0 ? 'the input "mode" is required' : `the input "mode" is ${JSON.stringify(mode)}`,
      "set `with: mode: plan` on pull_request, or `mode: publish` on pushes to the branch runners follow"
    );
  }
  return {
    mode,
    directory: getInput(env, "directory") ?? ".",
    store: getInput(env, "store"),
    token: getInput(env, "token"),
    refName: getInput(env, "ref-name"),
    checkName: getInput(env, "check-name") ?? "Actuate plan",
    comment: booleanInput(env, "comment", true),
    cacheDir: getInput(env, "cache-dir"),
    npmRegistry: getInput(env, "npm-registry")
  };
}
function booleanInput(env, name, fallback) {
  const value = getInput(env, name);
  if (value === void 0) return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new UsageError(`the input "${name}" is ${JSON.stringify(value)}`, "use true or false");
}

// src/manifest/schema.ts
import { Type } from "@sinclair/typebox";
var MANIFEST_VERSION = 1;
var PATTERNS = {
  digest: { pattern: "^sha256:[0-9a-f]{64}$", phrase: "an object digest (sha256:<64 lowercase hex digits>)" },
  gitId: { pattern: "^[0-9a-f]{40}$", phrase: "a 40-digit lowercase hex git object id" },
  triggerId: { pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", phrase: 'a trigger id such as "post-login"' },
  triggerVersion: { pattern: "^v[0-9]+$", phrase: 'a trigger version such as "v3"' },
  actionName: {
    pattern: String.raw`^(?!\.\.?$)[^/\\\u0000-\u001f]+$`,
    phrase: 'an action name (a folder name under actions/: no "/", "\\" or control characters, not "." or "..")'
  },
  identifier: { pattern: "^[A-Za-z_$][A-Za-z0-9_$]*$", phrase: "a JavaScript identifier" },
  secretName: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", phrase: 'a secret name (letters, digits and "_", not starting with a digit)' },
  npmName: {
    pattern: "^(@[a-z0-9~-][a-z0-9._~-]*/)?[a-z0-9~-][a-z0-9._~-]*$",
    phrase: "an npm package name"
  },
  exactVersion: {
    pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$",
    phrase: 'an exact semver version such as "1.2.3"'
  },
  egressHost: {
    pattern: "^(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?$",
    phrase: 'a host name such as "api.example.com" or "*.example.com", optionally with ":port"'
  },
  integrity: {
    pattern: "^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$",
    phrase: 'a subresource-integrity hash such as "sha512-…" (as in package-lock.json)'
  }
};
function patterned(key, description) {
  return Type.String({ pattern: PATTERNS[key].pattern, description });
}
function oneOf(values, description) {
  return Type.Unsafe({ type: "string", enum: [...values], description });
}
var closed = { additionalProperties: false };
function digest(description) {
  return Type.Unsafe(patterned("digest", description));
}
function positiveInteger(description) {
  return Type.Integer({ minimum: 1, description });
}
var ActionLimitsSchema = Type.Object(
  {
    timeoutMs: Type.Integer({ minimum: 1, description: "Wall-clock budget of one execution of this action, in milliseconds." }),
    memoryMb: Type.Integer({ minimum: 1, description: "Memory cap of the sandbox running this action, in mebibytes." })
  },
  { ...closed, description: "Resolved limits for the action (action.json `limits` over the repo-wide defaults)." }
);
var DependencySchema = Type.Object(
  {
    name: patterned("npmName", "npm package name, as declared in action.json `dependencies`."),
    version: patterned("exactVersion", "Exact version bundled (action.json allows no ranges)."),
    integrity: patterned("integrity", "Subresource-integrity hash of the package tarball that was bundled.")
  },
  { ...closed, description: "An npm package bundled into the action." }
);
var ManifestActionSchema = Type.Object(
  {
    name: Type.String({
      pattern: PATTERNS.actionName.pattern,
      description: "Action name: its folder under actions/. Unique within the flow."
    }),
    bundle: digest("Digest of the bundled JavaScript the runner loads into the sandbox."),
    sourceMap: digest("Digest of the source map of the bundle, used to map stack traces to the action sources."),
    size: Type.Integer({ minimum: 0, description: "Size of the bundle in bytes." }),
    handlers: Type.Object(
      {
        execute: patterned("identifier", "Exported function called for each execution, e.g. onExecutePostLogin."),
        continue: Type.Optional(
          patterned("identifier", "Exported function called when the flow resumes after a redirect, e.g. onContinuePostLogin. Absent when the action does not export it.")
        )
      },
      { ...closed, description: "Names of the handler functions the bundle exports." }
    ),
    secrets: Type.Array(
      Type.String({
        pattern: PATTERNS.secretName.pattern,
        maxLength: 128,
        description: "A secret name; the value comes from the runner environment, never from git."
      }),
      {
        uniqueItems: true,
        description: "Secret names the action declares, sorted. The runner refuses to load the action when one is not provided."
      }
    ),
    dependencies: Type.Array(DependencySchema, {
      description: "npm packages bundled into the action, with everything they depend on, sorted by name then version (a package can be bundled in several versions)."
    }),
    limits: ActionLimitsSchema,
    eventReads: Type.Optional(
      Type.Array(
        Type.String({
          pattern: "^[^.]+(\\.[^.]+)?$",
          maxLength: 256,
          description: 'A whole top-level property of the event ("request") or one field of it ("user.email").'
        }),
        {
          uniqueItems: true,
          description: "What the handlers read of the event, sorted, as found at build time; the runner sends the action only these (and its secrets). Absent when the build could not tell for certain: the whole event is sent."
        }
      )
    ),
    isolation: oneOf(
      ["warm", "execution"],
      'How sandboxes are reused: "warm" reuses a context across executions (module scope may persist), "execution" starts a fresh one each time.'
    )
  },
  { ...closed, description: "An action bound to the flow." }
);
var ManifestFlowSchema = Type.Object(
  {
    version: patterned("triggerVersion", 'Trigger version the actions were type-checked against, e.g. "v3".'),
    mode: oneOf(["sync", "async"], 'Whether the caller waits for the result ("sync") or the event is queued ("async").'),
    actions: Type.Array(ManifestActionSchema, { description: "Actions in execution order (the order of flows/<trigger>.json)." })
  },
  { ...closed, description: "The flow of one trigger." }
);
var ManifestSettingsSchema = Type.Object(
  {
    egress: Type.Object(
      {
        allow: Type.Optional(
          Type.Array(patterned("egressHost", 'A host name fetch may reach, e.g. "api.example.com" or "*.example.com".'), {
            uniqueItems: true,
            description: "Hosts actions may reach with fetch, sorted; other hosts are refused. Absent: every public host."
          })
        ),
        allowPrivate: Type.Boolean({ description: "Whether fetch may reach loopback, private and link-local addresses." })
      },
      { ...closed, description: "Outbound network policy for fetch inside the sandbox." }
    ),
    limits: Type.Object(
      {
        maxActionsPerFlow: positiveInteger("Most actions one flow may run; checked at build time."),
        maxSecretsPerAction: positiveInteger("Most secrets one action may declare; checked at build time."),
        maxDependenciesPerAction: positiveInteger("Most npm dependencies one action may declare; checked at build time."),
        bundleWarnBytes: positiveInteger("Bundle size in bytes above which the build warned."),
        bundleMaxBytes: positiveInteger("Bundle size in bytes above which the build fails."),
        flowTimeoutMs: positiveInteger("Wall-clock budget of a whole flow execution, in milliseconds (Auth0: 20000)."),
        actionTimeoutMs: positiveInteger("Default per-action budget in milliseconds, for actions that declare none."),
        memoryMb: positiveInteger("Default per-action memory cap in MiB, for actions that declare none.")
      },
      {
        ...closed,
        description: "Resolved repo-wide limits (actuate.json over the defaults). Each action also carries its own resolved limits."
      }
    )
  },
  { ...closed, description: "Repo-wide settings from actuate.json, with defaults resolved." }
);
var ToolchainSchema = Type.Object(
  {
    actuate: Type.String({ minLength: 1, description: "Version of Actuate that built the manifest." }),
    typescript: Type.String({ minLength: 1, description: "Version of TypeScript the actions were type-checked with." }),
    esbuild: Type.String({ minLength: 1, description: "Version of esbuild the actions were bundled with." }),
    schema: positiveInteger("Version of the trigger definitions and repository schemas the build was checked against.")
  },
  { ...closed, description: "Tool versions that determine the build output." }
);
var ManifestSchema = Type.Object(
  {
    manifestVersion: Type.Literal(MANIFEST_VERSION, { description: "Format version of this manifest." }),
    tree: patterned("gitId", "The git tree id of the actions project at the built commit. The commit itself is not recorded here: commits/<sha> in the store maps a commit to its manifest, so a revert (same tree) maps to the earlier manifest digest."),
    toolchain: ToolchainSchema,
    settings: ManifestSettingsSchema,
    flows: Type.Record(Type.String({ pattern: PATTERNS.triggerId.pattern }), ManifestFlowSchema, {
      ...closed,
      description: "Flows keyed by trigger id. A trigger with no flow file has no entry."
    })
  },
  {
    ...closed,
    title: "Actuate manifest",
    description: "The build of one commit of an actions repository: flows with content-addressed bundles. Written by actuate; do not edit."
  }
);

// src/manifest/check.ts
import { Ajv } from "ajv";
function checkManifest(value, source) {
  const validate2 = compiled();
  if (!validate2(value)) {
    return { ok: false, diagnostics: (validate2.errors ?? []).map((e) => schemaDiagnostic(e, source)) };
  }
  const manifest = value;
  const diagnostics = ruleDiagnostics(manifest, source);
  return diagnostics.length === 0 ? { ok: true, manifest } : { ok: false, diagnostics };
}
function pointerToken(token) {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}
var validator;
function compiled() {
  validator ??= new Ajv({ strict: true, allErrors: true, verbose: true }).compile(ManifestSchema);
  return validator;
}
var PHRASES = new Map(Object.values(PATTERNS).map((p) => [p.pattern, p.phrase]));
function schemaDiagnostic(error, source) {
  const params = error.params;
  let pointer = error.instancePath;
  let text;
  switch (error.keyword) {
    case "required":
      pointer += `/${pointerToken(String(params["missingProperty"]))}`;
      text = "is required but missing";
      break;
    case "additionalProperties": {
      pointer += `/${pointerToken(String(params["additionalProperty"]))}`;
      const keyPatterns = Object.keys(error.parentSchema?.["patternProperties"] ?? {});
      text = keyPatterns.length > 0 ? `is not allowed here: keys must be ${keyPatterns.map((p) => PHRASES.get(p) ?? `matching ${p}`).join(" or ")}` : "is not a known property (manifests are closed: a newer Actuate may have written it)";
      break;
    }
    case "pattern":
      text = `must be ${PHRASES.get(String(params["pattern"])) ?? `a string matching ${String(params["pattern"])}`}, got ${preview(error.data)}`;
      break;
    case "enum":
      text = `must be one of ${params["allowedValues"].map((v) => JSON.stringify(v)).join(", ")}, got ${preview(error.data)}`;
      break;
    case "const":
      text = `must be ${JSON.stringify(params["allowedValue"])}, got ${preview(error.data)}`;
      break;
    default:
      text = `${error.message ?? "is invalid"}${error.keyword === "type" ? `, got ${preview(error.data)}` : ""}`;
  }
  return problem(source, pointer, text);
}
function ruleDiagnostics(manifest, source) {
  const out = [];
  for (const [trigger, flow] of Object.entries(manifest.flows)) {
    const base = `/flows/${pointerToken(trigger)}/actions`;
    const seen = /* @__PURE__ */ new Map();
    flow.actions.forEach((action, i) => {
      const first = seen.get(action.name);
      if (first !== void 0) {
        out.push(problem(source, `${base}/${i}/name`, `repeats action "${action.name}" (already at ${base}/${first}); an action runs at most once per flow`));
      } else seen.set(action.name, i);
      const unsorted = firstUnsorted(action.secrets);
      if (unsorted !== void 0) out.push(problem(source, `${base}/${i}/secrets/${unsorted}`, "is out of order: secret names are sorted"));
      const dep = firstUnsortedDependency(action.dependencies);
      if (dep !== void 0) {
        out.push(problem(source, `${base}/${i}/dependencies/${dep}`, "is out of order or repeated: dependencies are sorted by name, then version, each name@version once"));
      }
    });
  }
  const allow = manifest.settings.egress.allow;
  const host = allow === void 0 ? void 0 : firstUnsorted(allow);
  if (host !== void 0) out.push(problem(source, `/settings/egress/allow/${host}`, "is out of order: allowed hosts are sorted"));
  return out;
}
function firstUnsortedDependency(deps) {
  for (let i = 1; i < deps.length; i++) {
    const prev = deps[i - 1];
    const cur = deps[i];
    if (cur.name < prev.name || cur.name === prev.name && cur.version <= prev.version) return i;
  }
  return void 0;
}
function firstUnsorted(values, strict = false) {
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1];
    const cur = values[i];
    if (cur < prev || strict && cur === prev) return i;
  }
  return void 0;
}
function problem(source, pointer, text) {
  return createDiagnostic({
    code: "E_MANIFEST_INVALID",
    severity: "error",
    message: `manifest ${source}: ${pointer === "" ? "(root)" : pointer} ${text}`,
    pointer,
    hint: "manifests are written by `actuate build`; rebuild the commit instead of editing one by hand"
  });
}
function preview(value) {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

// src/manifest/serialize.ts
function serializeManifest(manifest) {
  return new TextEncoder().encode(`${canonicalJson(manifest)}
`);
}

// src/manifest/parse.ts
var MAX_LISTED = 5;
function formatProblems(source, diagnostics) {
  const lines = diagnostics.slice(0, MAX_LISTED).map((d) => {
    const at2 = d.pointer === void 0 || d.pointer === "" ? "(root)" : d.pointer;
    const prefix = `manifest ${source}: ${at2} `;
    return `  ${at2}: ${d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message}`;
  });
  const more = diagnostics.length - MAX_LISTED;
  if (more > 0) lines.push(`  ...and ${more} more`);
  return `manifest ${source} is invalid:
${lines.join("\n")}`;
}

// src/manifest/references.ts
function manifestReferences(manifest) {
  const out = [];
  for (const trigger of Object.keys(manifest.flows).sort()) {
    const flow = manifest.flows[trigger];
    flow.actions.forEach((action, i) => {
      const base = `/flows/${pointerToken(trigger)}/actions/${i}`;
      out.push({ digest: action.bundle, kind: "bundle", trigger, action: action.name, pointer: `${base}/bundle` });
      out.push({ digest: action.sourceMap, kind: "sourceMap", trigger, action: action.name, pointer: `${base}/sourceMap` });
    });
  }
  return out;
}

// src/manifest/manifest-store.ts
async function writeManifest(store, commit, manifest) {
  const source = `for commit ${commit}`;
  const check = checkManifest(manifest, source);
  if (!check.ok) throw new InternalError(`refusing to write an invalid ${formatProblems(source, check.diagnostics)}`);
  for (const ref of manifestReferences(manifest)) {
    if (!await store.has(ref.digest)) {
      throw new InternalError(
        `refusing to write the manifest for commit ${commit}: the ${ref.kind} of action "${ref.action}" (${ref.trigger}), ${ref.digest}, is not in ${store.describe()}; put objects before the manifest that names them`
      );
    }
  }
  const { digest: digest2 } = await store.put(serializeManifest(manifest));
  await store.setCommit(commit, digest2);
  return digest2;
}

// src/manifest/plan.ts
function planChanges(from, to) {
  const ids = [.../* @__PURE__ */ new Set([...Object.keys(from.manifest?.flows ?? {}), ...Object.keys(to.manifest?.flows ?? {})])].sort();
  const triggers = ids.map((id) => planTrigger(id, from.manifest?.flows[id], to.manifest?.flows[id]));
  const settingsChanged = [];
  const a = from.manifest?.settings;
  const b = to.manifest?.settings;
  if (a && b) {
    if (JSON.stringify(a.egress) !== JSON.stringify(b.egress)) settingsChanged.push(`egress: ${describeEgress(a.egress)} → ${describeEgress(b.egress)}`);
    for (const key of Object.keys(b.limits)) {
      if (a.limits[key] !== b.limits[key]) settingsChanged.push(`limits.${key}: ${a.limits[key]} → ${b.limits[key]}`);
    }
  }
  return { from, to, identical: from.digest !== void 0 && from.digest === to.digest, triggers, settingsChanged };
}
function planTrigger(trigger, a, b) {
  const before = new Map((a?.actions ?? []).map((x) => [x.name, x]));
  const after = new Map((b?.actions ?? []).map((x) => [x.name, x]));
  const added = [...after.values()].filter((x) => !before.has(x.name));
  const removed = [...before.values()].filter((x) => !after.has(x.name));
  const changed = [];
  const secretsAdded = [];
  const secretsRemoved = [];
  const dependencies = [];
  for (const x of after.values()) {
    const old = before.get(x.name);
    for (const s of x.secrets) if (!old?.secrets.includes(s)) secretsAdded.push({ action: x.name, name: s });
    for (const s of old?.secrets ?? []) if (!x.secrets.includes(s)) secretsRemoved.push({ action: x.name, name: s });
    const oldDeps = versionsByName(old?.dependencies ?? []);
    const newDeps = versionsByName(x.dependencies);
    for (const name of [.../* @__PURE__ */ new Set([...oldDeps.keys(), ...newDeps.keys()])].sort()) {
      if (oldDeps.get(name) !== newDeps.get(name)) dependencies.push({ action: x.name, name, from: oldDeps.get(name), to: newDeps.get(name) });
    }
    if (!old) continue;
    const details2 = [];
    if (old.handlers.continue !== x.handlers.continue) details2.push(`continue handler ${x.handlers.continue ? "added" : "removed"}`);
    if (old.limits.timeoutMs !== x.limits.timeoutMs) details2.push(`timeout ${old.limits.timeoutMs} → ${x.limits.timeoutMs} ms`);
    if (old.limits.memoryMb !== x.limits.memoryMb) details2.push(`memory ${old.limits.memoryMb} → ${x.limits.memoryMb} MiB`);
    if (old.isolation !== x.isolation) details2.push(`isolation ${old.isolation} → ${x.isolation}`);
    if (old.bundle !== x.bundle || details2.length > 0) {
      changed.push({ name: x.name, bundleFrom: old.bundle, bundleTo: x.bundle, sizeFrom: old.size, sizeTo: x.size, details: details2 });
    }
  }
  for (const x of removed) for (const s of x.secrets) secretsRemoved.push({ action: x.name, name: s });
  for (const x of removed) for (const [name, versions] of versionsByName(x.dependencies)) dependencies.push({ action: x.name, name, from: versions, to: void 0 });
  const orderFrom = (a?.actions ?? []).map((x) => x.name);
  const orderTo = (b?.actions ?? []).map((x) => x.name);
  const common2 = (order, other) => order.filter((n) => other.has(n));
  const orderChanged = common2(orderFrom, after).join("\0") !== common2(orderTo, before).join("\0");
  const versionChanged = a !== void 0 && b !== void 0 && a.version !== b.version;
  const status = !a ? "added" : !b ? "removed" : added.length || removed.length || changed.length || orderChanged || versionChanged ? "changed" : "unchanged";
  return {
    trigger,
    status,
    versionFrom: a?.version,
    versionTo: b?.version,
    orderFrom,
    orderTo,
    orderChanged,
    added,
    removed,
    changed,
    secretsAdded,
    secretsRemoved,
    dependencies,
    bundleBytes: (b?.actions ?? []).reduce((n, x) => n + x.size, 0),
    actionCount: orderTo.length
  };
}
function describeEgress(e) {
  return `${e.allow ? `[${e.allow.join(", ")}]` : "any public host"}${e.allowPrivate ? " + private" : ""}`;
}
function summarizeTrigger(t) {
  if (t.status === "added") return `new flow (${t.actionCount} action${t.actionCount === 1 ? "" : "s"})`;
  if (t.status === "removed") return `flow removed (${t.orderFrom.length} action${t.orderFrom.length === 1 ? "" : "s"})`;
  if (t.status === "unchanged") return "no changes";
  const parts = [];
  if (t.added.length) parts.push(`${t.added.length} added`);
  if (t.changed.length) parts.push(`${t.changed.length} changed`);
  if (t.removed.length) parts.push(`${t.removed.length} removed`);
  if (t.orderChanged) parts.push("order changed");
  if (t.versionFrom !== t.versionTo) parts.push(`version ${t.versionFrom} → ${t.versionTo}`);
  return parts.join(", ");
}
function versionsByName(deps) {
  const out = /* @__PURE__ */ new Map();
  for (const d of deps) out.set(d.name, out.has(d.name) ? `${out.get(d.name)}, ${d.version}` : d.version);
  return out;
}

// src/manifest/plan-render.ts
var PLAN_MARKER = "<!-- actuate-plan -->";
var short = (d) => d ? d.replace(/^sha256:/, "").slice(0, 12) : "—";
var kb = (n) => n < 1e3 ? `${n} B` : `${(n / 1e3).toFixed(1)} kB`;
function planHeadline(plan) {
  const changed = plan.triggers.filter((t) => t.status !== "unchanged");
  if (plan.identical) return `No changes: the manifest is identical (${short(plan.to.digest)}).`;
  if (changed.length === 0 && plan.settingsChanged.length === 0) return "No changes to any flow.";
  return `${changed.length} trigger${changed.length === 1 ? "" : "s"} change${changed.length === 1 ? "s" : ""}, ${plan.triggers.length - changed.length} unchanged.`;
}
function renderPlanMarkdown(plan, opts = {}) {
  const out = [PLAN_MARKER, `### ${opts.title ?? "Actuate plan"}`, "", `**${planHeadline(plan)}**`, ""];
  const changed = plan.triggers.filter((t) => t.status !== "unchanged");
  const unchanged = plan.triggers.filter((t) => t.status === "unchanged");
  if (changed.length) {
    out.push("```diff");
    for (const t of changed) out.push(`${symbol(t)} ${t.trigger}: ${summarizeTrigger(t)}`);
    out.push("```", "");
  }
  for (const t of changed) {
    out.push(`<details><summary><b>${t.trigger}</b>${t.versionTo ?? t.versionFrom ? ` (${t.versionTo ?? t.versionFrom})` : ""}: ${summarizeTrigger(t)}</summary>`, "");
    if (t.orderFrom.length || t.orderTo.length) {
      out.push("| # | before | after |", "|---|---|---|");
      for (let i = 0; i < Math.max(t.orderFrom.length, t.orderTo.length); i++) {
        out.push(`| ${i + 1} | ${t.orderFrom[i] ? `\`${t.orderFrom[i]}\`` : ""} | ${t.orderTo[i] ? `\`${t.orderTo[i]}\`` : ""} |`);
      }
      out.push("");
    }
    for (const line of details(t)) out.push(`- ${line}`);
    out.push("", "</details>", "");
  }
  if (unchanged.length) out.push(`Unchanged: ${unchanged.map((t) => `\`${t.trigger}\``).join(", ")}`, "");
  if (plan.settingsChanged.length) out.push("**Settings**", ...plan.settingsChanged.map((s) => `- ${s}`), "");
  out.push(`<sub>${footer(plan)}</sub>`);
  return out.join("\n") + "\n";
}
function symbol(t) {
  return t.status === "added" ? "+" : t.status === "removed" ? "-" : t.status === "changed" ? "~" : " ";
}
function details(t) {
  const lines = [];
  for (const a of t.added) lines.push(`added \`${a.name}\` (bundle \`${short(a.bundle)}\`, ${kb(a.size)})`);
  for (const c of t.changed) {
    const size = c.sizeFrom === c.sizeTo ? kb(c.sizeTo) : `${kb(c.sizeFrom)} → ${kb(c.sizeTo)}`;
    const bundle = c.bundleFrom === c.bundleTo ? "" : `\`${short(c.bundleFrom)}\` → \`${short(c.bundleTo)}\`, `;
    lines.push(`changed \`${c.name}\`: ${bundle}${size}${c.details.length ? `; ${c.details.join("; ")}` : ""}`);
  }
  for (const r of t.removed) lines.push(`removed \`${r.name}\` (was \`${short(r.bundle)}\`)`);
  if (t.orderChanged) lines.push(`order: ${t.orderFrom.join(" → ")}  ⇒  ${t.orderTo.join(" → ")}`);
  for (const s of t.secretsAdded) lines.push(`secret added: \`${s.name}\` (${s.action}): set it in every runner before deploying`);
  for (const s of t.secretsRemoved) lines.push(`secret removed: \`${s.name}\` (${s.action})`);
  for (const d of t.dependencies) lines.push(`dependency \`${d.name}\` (${d.action}): ${d.from ?? "none"} → ${d.to ?? "removed"}`);
  if (t.status !== "removed") lines.push(`budget: ${t.actionCount} action${t.actionCount === 1 ? "" : "s"}, ${kb(t.bundleBytes)} of bundles`);
  return lines;
}
function footer(plan) {
  const side = (s) => s.commit ? `\`${s.commit.slice(0, 12)}\` (manifest \`${short(s.digest)}\`)` : "nothing built";
  return `from ${side(plan.from)} to ${side(plan.to)}`;
}

// src/store/fs-store.ts
import { randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, readdir, rename, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";

// src/store/layout.ts
function objectKey(digest2) {
  const hex = digestHex(digest2);
  return `objects/sha256/${hex.slice(0, 2)}/${hex.slice(2)}`;
}
function commitKey(commit) {
  return `commits/${commit}`;
}
function refKey(name) {
  return `refs/${name}`;
}
function entryText(value) {
  return `${value}
`;
}

// src/store/ref-name.ts
var MAX_COMPONENT_LENGTH = 200;
var FORBIDDEN_CHAR = /[\u0000-\u0020\u007f~^:?*[\\]/;
function refNameProblem(name) {
  if (name.length === 0) return "it is empty";
  const bad = FORBIDDEN_CHAR.exec(name);
  if (bad) return `it contains ${describeChar(bad[0])}, which git does not allow in ref names`;
  if (name.startsWith("/") || name.endsWith("/")) return 'it starts or ends with "/"';
  if (name.includes("//")) return 'it contains an empty component ("//")';
  if (name.includes("..")) return 'it contains ".."';
  if (name.includes("@{")) return 'it contains "@{"';
  if (name === "@") return 'it is "@", which git reserves';
  if (name.endsWith(".")) return 'it ends with "."';
  for (const component of name.split("/")) {
    if (component.startsWith(".")) return `component "${component}" starts with "."`;
    if (component.endsWith(".lock")) return `component "${component}" ends with ".lock"`;
    if (component.length > MAX_COMPONENT_LENGTH) {
      return `component "${component.slice(0, 20)}…" is longer than ${MAX_COMPONENT_LENGTH} characters`;
    }
  }
  return void 0;
}
function assertRefName(name) {
  const problem3 = refNameProblem(name);
  if (problem3 !== void 0) {
    throw new UsageError(
      `invalid ref name ${JSON.stringify(name)}: ${problem3}`,
      'use a git-style branch name such as "main" or "release/eu" (letters, digits, "-", "_", "/" between parts)'
    );
  }
  return name;
}
function findRefConflict(existing, name) {
  for (const other of existing) {
    if (other === name) continue;
    if (other.startsWith(`${name}/`) || name.startsWith(`${other}/`)) return other;
  }
  return void 0;
}
function describeChar(ch) {
  const code = ch.charCodeAt(0);
  if (ch === " ") return "a space";
  if (code < 32 || code === 127) return `control character U+${code.toString(16).padStart(4, "0").toUpperCase()}`;
  return `"${ch}"`;
}

// src/store/checks.ts
function checkDigestArg(digest2) {
  if (typeof digest2 !== "string" || parseDigest(digest2) === void 0) {
    throw new UsageError(`not an object digest: ${JSON.stringify(digest2)}`, "digests look like sha256:<64 lowercase hex digits>");
  }
}
function checkCommitArg(commit) {
  if (typeof commit !== "string" || parseCommitSha(commit) === void 0) {
    throw new UsageError(`not a commit sha: ${JSON.stringify(commit)}`, "use the full 40-digit lowercase commit sha");
  }
}
function parseEntry(text, parse, what, expected) {
  const value = text.endsWith("\n") ? text.slice(0, -1) : text;
  const parsed = parse(value);
  if (parsed === void 0) {
    throw new IntegrityError(
      `${what} should hold ${expected} but holds ${JSON.stringify(value.slice(0, 80))}; it was changed outside Actuate. Publish the commit again (or set the ref again) to rewrite it.`
    );
  }
  return parsed;
}
function missingObjectForCommitError(commit, manifest, where) {
  return new UsageError(
    `cannot record manifest ${manifest} for commit ${commit}: the object is not in ${where}`,
    "put the manifest (and every object it references) into the store before recording the commit"
  );
}
function refConflictError(name, conflict) {
  const other = conflict === void 0 ? "another ref" : `ref "${conflict}"`;
  return new UsageError(
    `cannot set ref "${name}": it clashes with ${other} (a name cannot be both a ref and a folder of refs, as in git)`,
    'pick a name that is neither an existing ref followed by "/..." nor the folder part of one'
  );
}
function unbuiltCommitError(name, commit, where) {
  return new UsageError(
    `cannot point ref "${name}" at commit ${commit}: ${where} has no manifest for that commit`,
    "build and publish the commit first (objects, then the manifest, then the ref)"
  );
}

// src/store/fs-store.ts
function createFsStore(dir) {
  const file = (key) => join(dir, ...key.split("/"));
  const where = `fs store at ${dir}`;
  async function has(digest2) {
    checkDigestArg(digest2);
    return await statOrUndefined(file(objectKey(digest2))) !== void 0;
  }
  async function get(digest2) {
    checkDigestArg(digest2);
    const path18 = file(objectKey(digest2));
    const buf = await readOrUndefined(path18);
    if (buf === void 0) return void 0;
    const actual = digestOf(buf);
    if (actual !== digest2) {
      throw new IntegrityError(
        `object ${digest2} in ${where} is corrupt: the file ${path18} hashes to ${actual}. Objects are never rewritten, so it was changed outside Actuate; delete the file and build or publish again to restore it.`
      );
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  async function put(bytes) {
    const digest2 = digestOf(bytes);
    const path18 = file(objectKey(digest2));
    if (await statOrUndefined(path18) !== void 0) {
      await get(digest2);
      return { digest: digest2, written: false };
    }
    const temp = await writeTemp(path18, bytes, 292);
    try {
      await link(temp, path18);
      await fsyncDir(dirname(path18));
      return { digest: digest2, written: true };
    } catch (error) {
      if (errorCode(error) === "EEXIST") return { digest: digest2, written: false };
      if (!LINK_UNSUPPORTED.has(errorCode(error) ?? "")) throw error;
      const existed = await statOrUndefined(path18) !== void 0;
      await rename(temp, path18);
      await fsyncDir(dirname(path18));
      return { digest: digest2, written: !existed };
    } finally {
      await unlink(temp).catch(() => void 0);
    }
  }
  async function getCommit(commit) {
    checkCommitArg(commit);
    const path18 = file(commitKey(commit));
    const buf = await readOrUndefined(path18);
    if (buf === void 0) return void 0;
    return parseEntry(buf.toString("utf8"), parseDigest, `commit entry ${path18} in ${where}`, "a manifest digest");
  }
  async function setCommit(commit, manifest) {
    checkCommitArg(commit);
    checkDigestArg(manifest);
    if (!await has(manifest)) {
      throw missingObjectForCommitError(commit, manifest, where);
    }
    await replaceFile(file(commitKey(commit)), entryText(manifest));
  }
  async function getRef(name) {
    assertRefName(name);
    const path18 = file(refKey(name));
    const buf = await readOrUndefined(path18);
    if (buf === void 0) return void 0;
    return parseEntry(buf.toString("utf8"), parseCommitSha, `ref ${path18} in ${where}`, "a 40-digit commit sha");
  }
  async function setRef(name, commit) {
    assertRefName(name);
    checkCommitArg(commit);
    const conflict = findRefConflict(await listRefs(), name);
    if (conflict !== void 0) throw refConflictError(name, conflict);
    if (await getCommit(commit) === void 0) throw unbuiltCommitError(name, commit, where);
    try {
      await replaceFile(file(refKey(name)), entryText(commit));
    } catch (error) {
      if (errorCode(error) === "ENOTDIR" || errorCode(error) === "EISDIR") throw refConflictError(name, void 0);
      throw error;
    }
  }
  async function listRefs() {
    const names = [];
    const walk2 = async (rel) => {
      for (const entry of await readdirOrEmpty(file(rel === "" ? "refs" : `refs/${rel}`))) {
        const name = rel === "" ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) await walk2(name);
        else if (entry.isFile() && refNameProblem(name) === void 0) names.push(name);
      }
    };
    await walk2("");
    return names.sort();
  }
  async function listCommits() {
    const out = [];
    for (const entry of await readdirOrEmpty(file("commits"))) {
      const sha = entry.isFile() ? parseCommitSha(entry.name) : void 0;
      if (sha !== void 0) out.push(sha);
    }
    return out.sort();
  }
  async function listObjects() {
    const out = [];
    for (const fan of await readdirOrEmpty(file("objects/sha256"))) {
      if (!fan.isDirectory() || !/^[0-9a-f]{2}$/.test(fan.name)) continue;
      for (const entry of await readdirOrEmpty(file(`objects/sha256/${fan.name}`))) {
        const digest2 = entry.isFile() ? parseDigest(`sha256:${fan.name}${entry.name}`) : void 0;
        if (digest2 !== void 0) out.push(digest2);
      }
    }
    return out.sort();
  }
  return { describe: () => where, has, get, put, getCommit, setCommit, getRef, setRef, listRefs, listCommits, listObjects };
}
var LINK_UNSUPPORTED = /* @__PURE__ */ new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV"]);
function errorCode(error) {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : void 0;
}
var ABSENT = /* @__PURE__ */ new Set(["ENOENT", "ENOTDIR", "EISDIR"]);
async function readOrUndefined(path18) {
  try {
    return await readFile(path18);
  } catch (error) {
    if (ABSENT.has(errorCode(error) ?? "")) return void 0;
    throw error;
  }
}
async function statOrUndefined(path18) {
  try {
    const s = await stat(path18);
    return s.isFile() ? s : void 0;
  } catch (error) {
    if (ABSENT.has(errorCode(error) ?? "")) return void 0;
    throw error;
  }
}
async function readdirOrEmpty(path18) {
  try {
    return (await readdir(path18, { withFileTypes: true })).filter((e) => !e.name.startsWith("."));
  } catch (error) {
    if (ABSENT.has(errorCode(error) ?? "")) return [];
    throw error;
  }
}
async function writeTemp(target, content, mode) {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.tmp-${process.pid}-${randomBytes(8).toString("hex")}`);
  const handle = await open(temp, "wx", mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}
async function replaceFile(target, text) {
  const temp = await writeTemp(target, text, 420);
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => void 0);
    throw error;
  }
  await fsyncDir(dirname(target));
}
async function fsyncDir(dir) {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
  } finally {
    await handle?.close();
  }
}

// src/store/git-store.ts
import { mkdir as mkdir3, readFile as readFile2, writeFile as writeFile2 } from "node:fs/promises";
import path2 from "node:path";

// src/store/git-branch.ts
import { access, mkdir as mkdir2, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleGit } from "simple-git";
function gitBranchClone(options) {
  const { branch, dir, url } = options;
  const tracking = `refs/remotes/origin/${branch}`;
  let git;
  const run = async (args) => {
    git ??= simpleGit({
      baseDir: dir,
      config: [
        "core.hooksPath=/dev/null",
        "commit.gpgsign=false",
        "core.autocrlf=false",
        `user.name=${options.identity.name}`,
        `user.email=${options.identity.email}`,
        ...options.config
      ],
      // Pointing hooks at /dev/null is what makes the commands safe; simple-git asks to be told.
      unsafe: { allowUnsafeHooksPath: true },
      allowEnvironment: [...ALLOWED_GIT_ENV]
    }).env(gitEnv());
    try {
      return await git.raw(args);
    } catch (error) {
      throw gitError(error, args, options.display);
    }
  };
  const revParse = async (rev) => {
    const out = await run(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).catch(() => "");
    return /^[0-9a-f]{40}$/.test(out.trim()) ? out.trim() : void 0;
  };
  return {
    async init() {
      await mkdir2(dir, { recursive: true });
      const exists = await access(path.join(dir, ".git")).then(() => true, () => false);
      if (!exists) {
        await run(["init", "-q", `--initial-branch=${branch}`]);
        await run(["remote", "add", "origin", url]);
        await writeFile(path.join(dir, ".git", "info", "exclude"), ".tmp-*\n");
        return;
      }
      const current = (await run(["config", "--get", "remote.origin.url"]).catch(() => "")).trim();
      if (current !== url) {
        throw new UsageError(
          `the git store cache ${dir} is a clone of another remote (${redactUrl(current)}), not ${options.display}`,
          "give every store its own cache directory, or delete this one (it is only a cache)"
        );
      }
      if (await revParse("HEAD") !== void 0) await run(["reset", "-q", "--hard", "HEAD"]);
      await run(["clean", "-q", "-fdx", "--", "."]);
    },
    async remoteHead() {
      const out = await run(["ls-remote", "origin", `refs/heads/${branch}`]);
      const sha = out.split(/\s/)[0] ?? "";
      return /^[0-9a-f]{40}$/.test(sha) ? sha : void 0;
    },
    trackingHead: () => revParse(tracking),
    localHead: () => revParse("HEAD"),
    async fetch() {
      try {
        await run(["fetch", "-q", "--no-tags", "--depth=1", "origin", `+refs/heads/${branch}:${tracking}`]);
      } catch (error) {
        if (/couldn't find remote ref/i.test(String(error.message))) return void 0;
        throw error;
      }
      return revParse(tracking);
    },
    async resetTo(sha) {
      await run(["reset", "-q", "--hard", sha]);
      await run(["clean", "-q", "-fdx", "--", "."]);
    },
    async commitAll(message) {
      await run(["add", "-A", "--", "."]);
      const status = await run(["status", "--porcelain"]);
      if (status.trim() === "") return void 0;
      await run(["commit", "-q", "--no-verify", "-m", message]);
      return revParse("HEAD");
    },
    async push() {
      try {
        await run(["push", "-q", "origin", `HEAD:refs/heads/${branch}`]);
      } catch (error) {
        if (REJECTED.test(String(error.message))) return "rejected";
        throw error;
      }
      const head = await revParse("HEAD");
      if (head !== void 0) await run(["update-ref", tracking, head]);
      return "pushed";
    }
  };
}
function gitEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== void 0 && PASSED_ENV.test(key)) env[key] = value;
  }
  return { ...env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0" };
}
var ALLOWED_GIT_ENV = ["GIT_SSL_CAINFO", "GIT_SSL_NO_VERIFY", "GIT_TERMINAL_PROMPT"];
var PASSED_ENV = /^(PATH|HOME|USERPROFILE|SYSTEMROOT|TMPDIR|TEMP|TMP|XDG_CONFIG_HOME|SSH_AUTH_SOCK|GIT_SSL_CAINFO|GIT_SSL_NO_VERIFY|(HTTPS?|NO|ALL)_PROXY)$/i;
function redactUrl(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]+@/i, "$1***@");
}
var REJECTED = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|cannot lock ref|stale info/i;
function gitError(error, args, display) {
  const detail = String(error?.message ?? error).trim().split("\n").filter((l) => !l.startsWith("hint:")).join(" ").slice(0, 500);
  const network = ["ls-remote", "fetch", "push"].includes(args[0] ?? "");
  return new UsageError(
    `git ${args[0]} failed for the git store ${display}: ${redactUrl(detail)}`,
    network ? "check the URL, that the repository exists, and that these credentials may read it (and push to it, to publish)" : "the local clone may be damaged: delete the store cache directory and try again",
    { cause: error }
  );
}

// src/store/rw-lock.ts
function createRwLock() {
  let readers = 0;
  let writer = false;
  const queue = [];
  function pump() {
    while (queue.length > 0 && !writer) {
      const next2 = queue[0];
      if (next2.exclusive && readers > 0) return;
      queue.shift();
      if (next2.exclusive) writer = true;
      else readers++;
      next2.start();
      if (next2.exclusive) return;
    }
  }
  function run(exclusive, fn) {
    return new Promise((resolve, reject) => {
      queue.push({
        exclusive,
        start: () => {
          fn().then(resolve, reject).finally(() => {
            if (exclusive) writer = false;
            else readers--;
            pump();
          });
        }
      });
      pump();
    });
  }
  return { shared: (fn) => run(false, fn), exclusive: (fn) => run(true, fn) };
}

// src/store/git-store.ts
var DEFAULT_STORE_BRANCH = "actuate-store";
function createGitStore(options) {
  const branch = options.branch ?? DEFAULT_STORE_BRANCH;
  const problem3 = refNameProblem(branch);
  if (problem3 !== void 0) {
    throw new UsageError(`invalid git store branch ${JSON.stringify(branch)}: ${problem3}`, `use a branch name such as "${DEFAULT_STORE_BRANCH}"`);
  }
  const cacheDir = path2.resolve(options.cacheDir);
  const display = `${redactUrl(options.url)}#${branch}`;
  const where = `git store ${display}`;
  const clone = gitBranchClone({
    url: options.url,
    branch,
    dir: cacheDir,
    config: options.gitConfig ?? [],
    identity: options.identity ?? { name: "Actuate", email: "actuate@localhost" },
    display
  });
  const files = createFsStore(cacheDir);
  const lock = createRwLock();
  const interval = options.fetchIntervalMs ?? 1e3;
  const pending = /* @__PURE__ */ new Set();
  let ready;
  let lastSync = Number.NEGATIVE_INFINITY;
  let syncing;
  async function syncLocked() {
    const remote = await clone.remoteHead();
    lastSync = Date.now();
    if (remote === void 0) return;
    if (await clone.trackingHead() !== remote) await clone.fetch();
    if (pending.size === 0 && await clone.localHead() !== remote) await clone.resetTo(remote);
  }
  function prepare() {
    ready ??= lock.exclusive(async () => {
      await clone.init();
      await syncLocked();
    }).catch((error) => {
      ready = void 0;
      throw error;
    });
    return ready;
  }
  async function sync(force) {
    await prepare();
    if (!force && Date.now() - lastSync < interval) return;
    syncing ??= lock.exclusive(syncLocked).finally(() => {
      syncing = void 0;
    });
    await syncing;
  }
  async function read(fn) {
    try {
      return await lock.shared(fn);
    } catch (error) {
      if (error instanceof IntegrityError) throw new IntegrityError(`${where}: ${error.message}`, { cause: error });
      throw error;
    }
  }
  async function write(key, fn) {
    await prepare();
    return read(async () => {
      const result = await fn();
      const k = key(result);
      if (k !== void 0) pending.add(k);
      return result;
    });
  }
  async function objectRead(digest2, fn, found) {
    await prepare();
    const local = await read(fn);
    if (found(local)) return local;
    await sync(false);
    return read(fn);
  }
  async function flush(message) {
    await prepare();
    return lock.exclusive(async () => {
      if (pending.size === 0) return { pushed: false, commit: void 0, entries: 0 };
      const entries = pending.size;
      const text = message ?? `actuate: publish ${entries} store entr${entries === 1 ? "y" : "ies"}`;
      for (let attempt = 1; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
        const saved = await snapshotPending(cacheDir, pending);
        const commit = await clone.commitAll(text);
        if (commit === void 0) {
          pending.clear();
          return { pushed: false, commit: void 0, entries: 0 };
        }
        if (await clone.push() === "pushed") {
          pending.clear();
          lastSync = Date.now();
          return { pushed: true, commit, entries };
        }
        const remote = await clone.fetch();
        if (remote === void 0) throw new InternalError(`${where}: the push was rejected but the branch does not exist`);
        await clone.resetTo(remote);
        await replay(cacheDir, saved);
      }
      throw new UsageError(
        `${where}: could not push after ${MAX_PUSH_ATTEMPTS} attempts, because other writers kept pushing first`,
        "let publishes take turns (a GitHub Actions concurrency group does this), then publish again"
      );
    });
  }
  return {
    describe: () => `${where} (clone at ${cacheDir})`,
    has: (digest2) => objectRead(digest2, () => files.has(digest2), (v) => v),
    get: (digest2) => objectRead(digest2, () => files.get(digest2), (v) => v !== void 0),
    put: (bytes) => write((r) => r.written ? objectKey(r.digest) : void 0, () => files.put(bytes)),
    async getCommit(commit) {
      await sync(false);
      return read(() => files.getCommit(commit));
    },
    setCommit: (commit, manifest) => write(() => commitKey(commit), () => files.setCommit(commit, manifest)),
    async getRef(name) {
      assertRefName(name);
      await sync(false);
      return read(() => files.getRef(name));
    },
    async setRef(name, commit) {
      assertRefName(name);
      return write(() => refKey(name), () => files.setRef(name, commit));
    },
    async listRefs() {
      await sync(false);
      return read(() => files.listRefs());
    },
    async listCommits() {
      await sync(false);
      return read(() => files.listCommits());
    },
    async listObjects() {
      await sync(false);
      return read(() => files.listObjects());
    },
    flush,
    refresh: () => sync(true),
    pendingEntries: () => pending.size
  };
}
var MAX_PUSH_ATTEMPTS = 5;
async function snapshotPending(dir, keys) {
  const out = /* @__PURE__ */ new Map();
  for (const key of [...keys].sort()) out.set(key, await readFile2(path2.join(dir, ...key.split("/"))));
  return out;
}
async function replay(dir, saved) {
  for (const [key, bytes] of saved) {
    const file = path2.join(dir, ...key.split("/"));
    try {
      await mkdir3(path2.dirname(file), { recursive: true });
      await writeFile2(file, bytes, { mode: key.startsWith("objects/") ? 292 : 420 });
    } catch (error) {
      throw new UsageError(
        `cannot write ${key} on top of the store branch another writer pushed: ${error.message}`,
        'a ref name now clashes with one the other writer created ("a" vs "a/b"); pick another ref name',
        { cause: error }
      );
    }
  }
}

// src/store/http-store.ts
import path3 from "node:path";
function createHttpStore(options) {
  let base;
  try {
    base = new URL(options.url.endsWith("/") ? options.url : `${options.url}/`);
  } catch {
    throw new UsageError(`not a URL: ${JSON.stringify(options.url)}`, "an HTTP store looks like https://example.com/actuate-store");
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new UsageError(`an HTTP store needs an http:// or https:// URL, not ${base.protocol}`, "use git+<url>#<branch> for a git store, or a directory path");
  }
  const display = redactUrl(base.href.replace(/\/$/, ""));
  const where = `HTTP store ${display}`;
  const cache2 = createFsStore(path3.resolve(options.cacheDir));
  const timeoutMs = options.timeoutMs ?? 3e4;
  const doFetch = options.fetch ?? globalThis.fetch;
  async function request(key, method, fresh) {
    const url = new URL(key.split("/").map(encodeURIComponent).join("/"), base);
    const shown = `${display}/${key}`;
    let response;
    let body3;
    try {
      response = await doFetch(url, {
        method,
        headers: { ...options.headers, ...fresh ? { "cache-control": "no-cache" } : {} },
        redirect: "follow",
        signal: AbortSignal.timeout(timeoutMs)
      });
      body3 = await response.arrayBuffer();
    } catch (error) {
      const e = error;
      const why = e.name === "TimeoutError" || e.name === "AbortError" ? `no answer within ${timeoutMs} ms` : describeCause(e);
      throw new UsageError(`cannot read ${shown} from the ${where}: ${why}`, "check the URL and that the server is up and reachable from here", { cause: error });
    }
    if (response.status === 404 || response.status === 410) return void 0;
    if (method === "HEAD" && (response.status === 405 || response.status === 501)) return request(key, "GET", fresh);
    if (!response.ok) {
      const auth = response.status === 401 || response.status === 403;
      throw new UsageError(
        `cannot read ${shown} from the ${where}: HTTP ${response.status} ${response.statusText}`.trim(),
        auth ? "the server refused the credentials: check the headers (e.g. authorization) given for this store" : "check the URL; a store URL is the directory that holds objects/, commits/ and refs/"
      );
    }
    return new Uint8Array(body3);
  }
  async function get(digest2) {
    checkDigestArg(digest2);
    const cached = await cache2.get(digest2);
    if (cached !== void 0) return cached;
    const bytes = await request(objectKey(digest2), "GET", false);
    if (bytes === void 0) return void 0;
    const actual = digestOf(bytes);
    if (actual !== digest2) {
      throw new IntegrityError(
        `object ${digest2} from the ${where} is corrupt: the bytes served at ${display}/${objectKey(digest2)} hash to ${actual}. Refusing it; objects never change once published, so the copy on the server was altered: publish again to restore it.`
      );
    }
    await cache2.put(bytes);
    return bytes;
  }
  async function has(digest2) {
    checkDigestArg(digest2);
    if (await cache2.has(digest2)) return true;
    return await request(objectKey(digest2), "HEAD", false) !== void 0;
  }
  async function getCommit(commit) {
    checkCommitArg(commit);
    const bytes = await request(commitKey(commit), "GET", true);
    if (bytes === void 0) return void 0;
    return parseEntry(decode(bytes), parseDigest, `commit entry ${display}/${commitKey(commit)}`, "a manifest digest");
  }
  async function getRef(name) {
    assertRefName(name);
    const bytes = await request(refKey(name), "GET", true);
    if (bytes === void 0) return void 0;
    return parseEntry(decode(bytes), parseCommitSha, `ref ${display}/${refKey(name)}`, "a 40-digit commit sha");
  }
  const cannotList = async () => {
    throw new UsageError(
      `the ${where} cannot be listed: static HTTP hosts have no directory listing`,
      "read refs, commits and objects by name, or run `actuate store verify` against the store the HTTP server serves"
    );
  };
  return {
    describe: () => where,
    has,
    get,
    getCommit,
    getRef,
    listRefs: cannotList,
    listCommits: cannotList,
    listObjects: cannotList
  };
}
function decode(bytes) {
  return new TextDecoder().decode(bytes);
}
function describeCause(error) {
  const cause = error.cause;
  return cause?.code ?? cause?.message ?? error.message;
}

// src/store/open-store.ts
import { createHash as createHash2 } from "node:crypto";
import { homedir } from "node:os";
import path4 from "node:path";
function parseStoreSpec(spec, cwd = process.cwd()) {
  if (spec.trim() === "") throw new UsageError("the store is empty", "pass a directory, git+<url>#<branch>, or an https:// URL");
  if (spec.startsWith("git+")) {
    const rest = spec.slice("git+".length);
    const hash = rest.lastIndexOf("#");
    const url = hash >= 0 ? rest.slice(0, hash) : rest;
    const branch = hash >= 0 ? rest.slice(hash + 1) : DEFAULT_STORE_BRANCH;
    if (url === "") throw new UsageError(`the git store ${JSON.stringify(spec)} has no URL`, "write git+<url>#<branch>, e.g. git+https://github.com/org/repo.git#actuate-store");
    const problem3 = refNameProblem(branch);
    if (problem3 !== void 0) {
      throw new UsageError(`the branch of the git store ${JSON.stringify(redactUrl(url))} is invalid: ${problem3}`, `write git+<url>#<branch>, e.g. #${DEFAULT_STORE_BRANCH}`);
    }
    return { kind: "git", url, branch };
  }
  if (/^https?:\/\//i.test(spec)) return { kind: "http", url: spec };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new UsageError(
      `unsupported store URL ${JSON.stringify(redactUrl(spec))}`,
      "a store is a directory, git+<url>#<branch> (any URL git accepts), or an http(s):// URL"
    );
  }
  return { kind: "fs", dir: path4.resolve(cwd, spec) };
}
function openStore(spec, options = {}) {
  const parsed = parseStoreSpec(spec, options.cwd);
  if (parsed.kind === "http") {
    return createHttpStore({ url: parsed.url, cacheDir: cacheFor(parsed, options), headers: options.headers, timeoutMs: options.timeoutMs });
  }
  return openWritableStore(spec, options).store;
}
function openWritableStore(spec, options = {}) {
  const parsed = parseStoreSpec(spec, options.cwd);
  if (parsed.kind === "http") {
    throw new UsageError(
      `cannot publish to ${redactUrl(parsed.url)}: an HTTP store is read-only`,
      "publish to the directory or git branch the HTTP server serves (e.g. git+<url>#<branch>), and let readers use the URL"
    );
  }
  if (parsed.kind === "fs") {
    const store2 = createFsStore(parsed.dir);
    return { spec: parsed, store: store2, flush: async () => ({ pushed: false, detail: void 0 }), refresh: async () => void 0 };
  }
  const store = createGitStore({
    url: parsed.url,
    branch: parsed.branch,
    cacheDir: cacheFor(parsed, options),
    gitConfig: options.gitConfig,
    fetchIntervalMs: options.fetchIntervalMs,
    identity: options.identity
  });
  return {
    spec: parsed,
    store,
    async flush(message) {
      const r = await store.flush(message);
      return { pushed: r.pushed, detail: r.commit };
    },
    refresh: () => store.refresh()
  };
}
function cacheFor(spec, options) {
  const root = options.cacheDir ?? path4.join(process.env["XDG_CACHE_HOME"] || path4.join(homedir(), ".cache"), "actuate", "stores");
  const id = spec.kind === "git" ? `${spec.url}#${spec.branch}` : spec.kind === "http" ? spec.url : spec.dir;
  return path4.join(root, `${spec.kind}-${createHash2("sha256").update(id).digest("hex").slice(0, 16)}`);
}

// src/github/annotations.ts
import path5 from "node:path";
var MAX_MESSAGE = 4e3;
function toCheckAnnotations(diagnostics, projectPath) {
  const out = [];
  for (const d of diagnostics) {
    if (d.file === void 0 || d.severity === "info") continue;
    const start = d.line ?? 1;
    const end = Math.max(d.endLine ?? start, start);
    const columns = start === end && d.column !== void 0 ? { start_column: d.column, end_column: Math.max(d.endColumn ?? d.column, d.column) } : {};
    out.push({
      path: repoPath(projectPath, d.file),
      start_line: start,
      end_line: end,
      ...columns,
      annotation_level: d.severity === "error" ? "failure" : "warning",
      title: d.code,
      message: d.message.length > MAX_MESSAGE ? `${d.message.slice(0, MAX_MESSAGE)}…` : d.message,
      ...d.hint ? { raw_details: `How to fix: ${d.hint}` } : {}
    });
  }
  return out;
}
function repoPath(projectPath, file) {
  return projectPath === "" ? file : path5.posix.join(projectPath, file);
}

// src/github/client.ts
import { Octokit } from "@octokit/rest";

// src/version.ts
var VERSION = "0.1.0";

// src/github/client.ts
function createGitHubClient(options) {
  return new Octokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: `actuate-action/${VERSION}`,
    log: { debug: () => void 0, info: () => void 0, warn: () => void 0, error: () => void 0 }
  });
}
var PERMISSIONS = {
  comment: "pull-requests: write",
  checks: "checks: write"
};
function explainGitHubError(error, doing, area) {
  const status = error.status;
  if (typeof status !== "number") return error instanceof Error ? error : new Error(String(error));
  const response = error.response;
  const apiMessage = typeof response?.data?.message === "string" ? response.data.message : error.message;
  const accepted = response?.headers?.["x-accepted-github-permissions"];
  const permission = PERMISSIONS[area];
  if (status === 403 || status === 404 || status === 401) {
    return new UsageError(
      `cannot ${doing}: GitHub answered ${status} "${apiMessage}". The token needs the \`${permission}\` permission` + (accepted ? ` (GitHub accepts: ${accepted})` : "") + ".",
      `add \`permissions:\` with \`${permission}\` to the workflow job (see actions-example/.github-workflows/actuate.yml); pull requests from forks only get a read-only token, so their plan is in the job summary alone`,
      { cause: error }
    );
  }
  return new UsageError(`cannot ${doing}: GitHub answered ${status} "${apiMessage}"`, "retry the job; if it persists, check githubstatus.com", { cause: error });
}

// src/github/check-run.ts
var ANNOTATIONS_PER_REQUEST = 50;
var CHECK_OUTPUT_LIMIT = 65535;
async function reportCheckRun(octokit, report) {
  const base = { owner: report.owner, repo: report.repo };
  const batches = [];
  for (let i = 0; i < report.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(report.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const output = (annotations) => ({
    title: report.title,
    summary: report.summary,
    ...annotations ? { annotations } : {}
  });
  let id;
  let url;
  try {
    const { data } = await octokit.rest.checks.create({
      ...base,
      name: report.name,
      head_sha: report.headSha,
      status: "completed",
      conclusion: report.conclusion,
      ...report.detailsUrl ? { details_url: report.detailsUrl } : {},
      output: output(batches[0])
    });
    id = data.id;
    url = data.html_url ?? void 0;
  } catch (error) {
    throw explainGitHubError(error, `create the "${report.name}" check run`, "checks");
  }
  for (const batch of batches.slice(1)) {
    try {
      await octokit.rest.checks.update({ ...base, check_run_id: id, output: output(batch) });
    } catch (error) {
      throw explainGitHubError(error, `add annotations to the "${report.name}" check run`, "checks");
    }
  }
  return { id, url, requests: batches.length };
}

// src/github/comment.ts
async function upsertStickyComment(octokit, target, marker, body3) {
  const base = { owner: target.owner, repo: target.repo };
  let existing;
  try {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...base, issue_number: target.issueNumber, per_page: 100 });
    for await (const page of pages) {
      existing = page.data.find((c) => typeof c.body === "string" && c.body.includes(marker));
      if (existing) break;
    }
  } catch (error) {
    throw explainGitHubError(error, `read the comments of pull request #${target.issueNumber}`, "comment");
  }
  try {
    if (existing) {
      const { data: data2 } = await octokit.rest.issues.updateComment({ ...base, comment_id: existing.id, body: body3 });
      return { id: data2.id, url: data2.html_url, created: false };
    }
    const { data } = await octokit.rest.issues.createComment({ ...base, issue_number: target.issueNumber, body: body3 });
    return { id: data.id, url: data.html_url, created: true };
  } catch (error) {
    throw explainGitHubError(error, `${existing ? "update the plan comment on" : "comment on"} pull request #${target.issueNumber}`, "comment");
  }
}

// src/github/plan-comment.ts
var COMMENT_LIMIT = 65e3;
var SUMMARY_LIMIT = 1e6;
var LISTED_DIAGNOSTICS = 30;
function renderPullRequestPlan(pr, options = {}) {
  const title = options.title ?? "Actuate plan";
  const limit2 = options.commentLimit ?? COMMENT_LIMIT;
  const result = pr.head.result;
  const where = (d) => d.file === void 0 ? "" : `${repoPath(pr.projectPath, d.file)}${d.line ? `:${d.line}` : ""}`;
  const footer2 = [
    `<sub>head \`${result.commit.slice(0, 12)}\`${result.ok ? ` · manifest \`${result.digest}\`` : ""}`,
    options.runUrl ? ` · [workflow run](${options.runUrl})` : "",
    "</sub>"
  ].join("");
  if (!result.ok) {
    const counts = countDiagnostics(result.diagnostics);
    const headline = `✗ The head commit \`${result.commit.slice(0, 12)}\` does not build: ${counts}.`;
    const body3 = (listed) => [PLAN_MARKER, `### ${title}`, "", `**${headline}**`, "Nothing can be published until this is fixed; each problem is annotated on its line in the check run.", "", ...diagnosticList(result.diagnostics, where, listed), "", footer2, ""].join("\n");
    const full2 = body3(Number.POSITIVE_INFINITY);
    const comment2 = fit(body3(LISTED_DIAGNOSTICS), body3(0), limit2, options.runUrl);
    return { comment: comment2.text, summary: capSummary(full2), title: headline.replace(/`/g, ""), truncated: comment2.truncated, conclusion: "failure", changes: false };
  }
  const plan = pr.plan;
  const changes = !plan.identical && (plan.triggers.some((t) => t.status !== "unchanged") || plan.settingsChanged.length > 0);
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  if (!changes) {
    const what = plan.identical ? `the head builds the same manifest as the base (\`${short2(result.digest)}\`)` : "the head changes no flow and no setting";
    const line = `**${title}:** no changes: ${what}${warnings.length ? `; ${countDiagnostics(warnings)} on the check run` : ""}.`;
    const text = `${PLAN_MARKER}
${line}
`;
    return { comment: text, summary: `${line}

${footer2}
`, title: "No changes", truncated: false, conclusion: "success", changes: false };
  }
  const lines = renderPlanMarkdown(plan, { title }).trimEnd().split("\n");
  const at2 = lines.indexOf(`**${planHeadline(plan)}**`) + 1;
  const extra = [];
  if (pr.restores) {
    extra.push("", `↩️ This restores the build of commit \`${pr.restores.commit.slice(0, 12)}\` (manifest \`${short2(pr.restores.digest)}\`): runners following the ref return to exactly that build.`);
  }
  if (pr.baseNote) extra.push("", `ℹ️ Note: ${pr.baseNote}.`);
  lines.splice(at2, 0, ...extra);
  const checked = `✓ Type-check and bundle passed for ${result.actions.length} action${result.actions.length === 1 ? "" : "s"} in flows${warnings.length ? ` with ${countDiagnostics(warnings)}` : ""}.`;
  const warningBlock = (listed) => warnings.length === 0 ? [] : ["", `<details><summary>${countDiagnostics(warnings)}</summary>`, "", ...diagnosticList(warnings, where, listed), "", "</details>"];
  const full = [...lines, "", checked, ...warningBlock(Number.POSITIVE_INFINITY), "", footer2, ""].join("\n");
  const detailed = [...lines, "", checked, ...warningBlock(LISTED_DIAGNOSTICS), "", footer2, ""].join("\n");
  const compact = [
    PLAN_MARKER,
    `### ${title}`,
    "",
    `**${planHeadline(plan)}**`,
    ...extra,
    "",
    "```diff",
    ...plan.triggers.filter((t) => t.status !== "unchanged").map((t) => `${symbol2(t.status)} ${t.trigger}: ${summarizeTrigger(t)}`),
    "```",
    "",
    checked,
    ...warningBlock(LISTED_DIAGNOSTICS),
    "",
    footer2,
    ""
  ].join("\n");
  const comment = fit(detailed, compact, limit2, options.runUrl);
  return { comment: comment.text, summary: capSummary(full), title: planHeadline(plan), truncated: comment.truncated, conclusion: "success", changes: true };
}
function capText(text, limit2, note) {
  if (text.length <= limit2) return text;
  const room = limit2 - note.length - 2;
  const cut = text.lastIndexOf("\n", room);
  return `${text.slice(0, cut > 0 ? cut : room)}

${note}`;
}
function fit(full, compact, limit2, runUrl) {
  if (full.length <= limit2) return { text: full, truncated: false };
  const note = `> [!NOTE]
> The full plan (${full.length.toLocaleString("en-US")} characters) is too long for a comment; it is in the ${runUrl ? `[job summary](${runUrl})` : "job summary of this run"}.`;
  const text = `${compact.trimEnd()}

${note}
`;
  return { text: text.length <= limit2 ? text : `${capText(compact, limit2 - note.length - 2, "…")}
${note}
`, truncated: true };
}
function capSummary(full) {
  return capText(full, SUMMARY_LIMIT, "… (cut at the job summary size limit)");
}
function diagnosticList(diagnostics, where, listed) {
  const shown = diagnostics.filter((d) => d.severity !== "info");
  const out = shown.slice(0, listed).map((d) => {
    const place = where(d);
    const hint = d.hint ? `<br>${escapeCell(d.hint)}` : "";
    return `- ${d.severity === "error" ? "❌" : "⚠️"} \`${d.code}\`${place ? ` \`${place}\`` : ""}: ${escapeCell(d.message)}${hint}`;
  });
  if (shown.length > listed) out.push(`- … and ${shown.length - listed} more: see the check run's annotations`);
  return out;
}
function countDiagnostics(diagnostics) {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? "" : "s"}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? "" : "s"}`);
  return parts.join(", ") || "no problems";
}
function escapeCell(text) {
  return text.replace(/\r?\n/g, " ").replace(/</g, "&lt;");
}
function short2(digest2) {
  return digest2.replace(/^sha256:/, "").slice(0, 12);
}
function symbol2(status) {
  return status === "added" ? "+" : status === "removed" ? "-" : "~";
}

// src/compile/bundle/builtins.ts
var SANDBOX_BUILTINS = /* @__PURE__ */ new Set([
  "assert",
  "assert/strict",
  "buffer",
  "console",
  "crypto",
  "events",
  "path",
  "path/posix",
  "process",
  "punycode",
  "querystring",
  "stream",
  "stream/consumers",
  "stream/promises",
  "stream/web",
  "_stream_duplex",
  "_stream_passthrough",
  "_stream_readable",
  "_stream_transform",
  "_stream_writable",
  "string_decoder",
  "sys",
  "timers",
  "timers/promises",
  "url",
  "util",
  "util/types",
  "zlib"
]);
var UNSUPPORTED_HINTS = [
  [["fs", "fs/promises"], "Actions have no file system: import JSON data from the repository, or fetch it."],
  [
    ["http", "https", "http2", "net", "tls", "dgram", "dns", "dns/promises", "_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server", "_tls_common", "_tls_wrap"],
    "Actions have no sockets: use the global fetch() for HTTP, or a package (or package version) built on fetch."
  ],
  [["child_process", "cluster", "worker_threads"], "Actions cannot start processes or threads."],
  [["os", "tty", "readline", "readline/promises", "repl", "constants"], "Actions do not see the host machine or a terminal."],
  [["vm", "v8", "inspector", "inspector/promises", "module", "wasi", "trace_events", "sea", "sqlite", "test", "test/reporters"], "The sandbox does not expose the engine, the module loader or the host runtime."],
  [
    ["_stream_wrap", "async_hooks", "diagnostics_channel", "domain", "perf_hooks", "path/win32"],
    "The sandbox does not provide this module yet; many packages have a browser or edge build that avoids it."
  ]
];
var UNSUPPORTED_BUILTINS = new Set(UNSUPPORTED_HINTS.flatMap(([names]) => names));
var PREFIX_ONLY = /* @__PURE__ */ new Set(["sea", "sqlite", "test", "test/reporters"]);
function builtinName(specifier) {
  if (specifier.startsWith("node:")) return specifier.slice(5);
  if (PREFIX_ONLY.has(specifier)) return void 0;
  return SANDBOX_BUILTINS.has(specifier) || UNSUPPORTED_BUILTINS.has(specifier) ? specifier : void 0;
}
function unsupportedBuiltinHint(name) {
  for (const [names, hint] of UNSUPPORTED_HINTS) if (names.includes(name)) return hint;
  return `"${name}" is not a Node.js built-in the sandbox knows; provided built-ins: ${[...SANDBOX_BUILTINS].join(", ")}.`;
}

// src/compile/builtins.ts
var SANDBOX_IMPORT_RULES = {
  supportedBuiltins: SANDBOX_BUILTINS,
  builtinName,
  unsupportedHint: unsupportedBuiltinHint
};

// src/triggers/types.ts
function triggerKey(def) {
  return `${def.id}@${def.version}`;
}
function typeNamespace(def) {
  return `${def.typeName}${def.version.toUpperCase()}`;
}

// src/triggers/definitions/credentials-exchange-v2.ts
import { Type as Type6 } from "@sinclair/typebox";

// src/triggers/shared/cache-api.ts
import { Type as Type3 } from "@sinclair/typebox";

// src/triggers/shared/schema.ts
import { Type as Type2 } from "@sinclair/typebox";
var TypeNameKey = /* @__PURE__ */ Symbol.for("actuate.typeName");
function sharedType(name, schema) {
  return withTypeName(schema, { scope: "shared", name });
}
function localType(name, schema) {
  return withTypeName(schema, { scope: "local", name });
}
function typeNameOf(schema) {
  return schema[TypeNameKey];
}
function described(schema, description) {
  return { ...schema, description };
}
function nullable(schema, description) {
  return Type2.Union([schema, Type2.Null()], description === void 0 ? {} : { description });
}
function freeForm(description) {
  return Type2.Record(Type2.String(), Type2.Any(), { description });
}
function stringMap(description) {
  return Type2.Record(Type2.String(), Type2.String(), { description });
}
function stringEnum(values, options = {}) {
  return Type2.Union(
    values.map((v) => Type2.Literal(v)),
    options
  );
}
function withTypeName(schema, info) {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(info.name)) throw new InternalError(`Type name "${info.name}" must be PascalCase`);
  return { ...schema, [TypeNameKey]: info };
}

// src/triggers/shared/cache-api.ts
var CacheErrorCode = sharedType(
  "CacheErrorCode",
  stringEnum(
    [
      "MaxSideEffectsExceeded",
      "CacheKeySizeExceeded",
      "CacheValueSizeExceeded",
      "CacheSizeExceeded",
      "ItemAlreadyExpired",
      "InvalidExpiry",
      "FailedToSetCacheRecord",
      "FailedToDeleteCacheRecord",
      "CacheKeyDoesNotExist"
    ],
    { description: "Why a cache write or delete failed." }
  )
);
var CacheRecord = sharedType(
  "CacheRecord",
  Type3.Object(
    {
      value: Type3.String({ description: "The cached value." }),
      expires_at: Type3.Number({ description: "When the record expires, in milliseconds since the Unix epoch." })
    },
    { description: "A cached value and its expiry." }
  )
);
var CacheError = sharedType(
  "CacheError",
  Type3.Object(
    { type: Type3.Literal("error", { description: "The operation failed." }), code: CacheErrorCode },
    { description: "A failed cache operation." }
  )
);
var CacheWriteResult = sharedType(
  "CacheWriteResult",
  Type3.Union(
    [
      Type3.Object(
        { type: Type3.Literal("success", { description: "The value was stored." }), record: CacheRecord },
        { description: "The value was stored." }
      ),
      CacheError
    ],
    { description: "Result of `api.cache.set`: the stored record, or an error code." }
  )
);
var CacheDeleteResult = sharedType(
  "CacheDeleteResult",
  Type3.Union(
    [
      Type3.Object({ type: Type3.Literal("success", { description: "The record was deleted." }) }, { description: "Deleted." }),
      CacheError
    ],
    { description: "Result of `api.cache.delete`: success, or an error code." }
  )
);
var CacheSetOptions = sharedType(
  "CacheSetOptions",
  Type3.Object(
    {
      ttl: Type3.Optional(
        Type3.Number({
          description: "Time to live in milliseconds. If `expires_at` is also given, the earlier expiry wins.",
          default: 9e5
        })
      ),
      expires_at: Type3.Optional(
        Type3.Number({
          description: "Absolute expiry in milliseconds since the Unix epoch. If `ttl` is also given, the earlier expiry wins."
        })
      )
    },
    { description: "Lifetime of a cache record. Default 15 minutes; at most 24 hours." }
  )
);
var keyParam = { name: "key", schema: Type3.String(), description: "Key of the record (at most 64 bytes)." };
var cacheApi = {
  name: "cache",
  description: "A small key-value cache scoped to this trigger: at most 20 entries, keys up to 64 bytes, values up to 4 KB. Best effort: only reliable within one execution.",
  methods: [
    {
      name: "get",
      description: "Reads the record at `key`. The value is at `record.value`; `undefined` when absent or expired.",
      params: [keyParam],
      returns: { kind: "value", schema: Type3.Union([CacheRecord, Type3.Undefined()]) }
    },
    {
      name: "set",
      description: "Stores a string at `key`, replacing any existing record. Returns the stored record, or an error when a limit is exceeded. Lifetime defaults to 15 minutes and never exceeds 24 hours.",
      params: [
        keyParam,
        { name: "value", schema: Type3.String(), description: "Value to store (at most 4 KB)." },
        { name: "options", schema: CacheSetOptions, optional: true, description: "Lifetime of the record." }
      ],
      returns: { kind: "value", schema: CacheWriteResult }
    },
    {
      name: "delete",
      description: "Deletes the record at `key`, if it exists.",
      params: [keyParam],
      returns: { kind: "value", schema: CacheDeleteResult }
    }
  ]
};

// src/triggers/shared/entities.ts
import { Type as Type4 } from "@sinclair/typebox";
var clientProperties = {
  client_id: Type4.String({ description: "Client id of the application (the OAuth `client_id`)." }),
  name: Type4.String({ description: "Name of the application as configured in the tenant." }),
  metadata: stringMap("Application metadata: string values set on the application by the tenant admin.")
};
var Client = sharedType(
  "Client",
  Type4.Object(clientProperties, { description: "The application (OAuth client) that started this transaction." })
);
var Connection = sharedType(
  "Connection",
  Type4.Object(
    {
      id: Type4.String({ description: "Unique id of the connection, e.g. `con_0000000000000001`." }),
      name: Type4.String({ description: "Name of the connection, e.g. `Username-Password-Authentication` or `google-oauth2`." }),
      strategy: Type4.String({
        description: "Kind of connection: `auth0` for databases, `waad`, `ad`, `samlp`… for enterprise connections. For social connections it equals `name`."
      }),
      metadata: Type4.Optional(stringMap("Connection metadata: string values set on the connection by the tenant admin."))
    },
    { description: "The connection (identity source) used in this transaction." }
  )
);
var Organization = sharedType(
  "Organization",
  Type4.Object(
    {
      id: Type4.String({ description: "Organization id, e.g. `org_abc123`." }),
      name: Type4.String({ description: "Machine name of the organization." }),
      display_name: Type4.String({ description: "Human-friendly name of the organization." }),
      metadata: stringMap("Organization metadata: string values set by the tenant admin.")
    },
    { description: "The organization this transaction is scoped to." }
  )
);
var Tenant = sharedType(
  "Tenant",
  Type4.Object(
    { id: Type4.String({ description: "Name of the tenant, e.g. `acme-prod`." }) },
    { description: "The tenant this transaction belongs to." }
  )
);
var CustomDomain = sharedType(
  "CustomDomain",
  Type4.Object(
    {
      domain: Type4.String({ description: "The custom domain name, e.g. `login.example.com`." }),
      domain_metadata: stringMap("Metadata of the custom domain as key-value pairs.")
    },
    { description: "The custom domain used for this transaction, if any." }
  )
);
var SecurityContext = sharedType(
  "SecurityContext",
  Type4.Object(
    {
      ja3: Type4.Optional(Type4.String({ description: "JA3 TLS client fingerprint." })),
      ja4: Type4.Optional(Type4.String({ description: "JA4 TLS client fingerprint." }))
    },
    {
      description: "TLS fingerprints of the client. Only available behind Cloudflare and only for TLS connections; either value may be empty."
    }
  )
);
var ResourceServer = sharedType(
  "ResourceServer",
  Type4.Object(
    { identifier: Type4.String({ description: "Identifier (audience) of the API, e.g. `https://api.example.com`." }) },
    { description: "The API (resource server) the access token is requested for." }
  )
);
var Agent = sharedType(
  "Agent",
  Type4.Object(
    {
      agent_id: Type4.String({ description: "Id of the agent, starting with `agt_`." }),
      name: Type4.String({ description: "Name of the agent." }),
      agent_metadata: freeForm("Metadata attached to the agent.")
    },
    { description: "[Early Access] The AI agent acting in this transaction." }
  )
);
var Stats = sharedType(
  "Stats",
  Type4.Object(
    { logins_count: Type4.Integer({ description: "How many times the user has logged in." }) },
    { description: "Login statistics of the user." }
  )
);
var Authorization = sharedType(
  "Authorization",
  Type4.Object(
    { roles: Type4.Array(Type4.String(), { description: "Names of the roles assigned to the user." }) },
    { description: "Authorization granted to the user." }
  )
);
var secrets = Type4.Readonly(
  Type4.Record(Type4.String(), Type4.String(), {
    description: "Secret values of this action, by name (declared in `action.json` under `secrets`). Values come from the runner’s environment, never from git."
  })
);
var configuration = Type4.Optional(
  Type4.Readonly(
    Type4.Record(Type4.String(), Type4.String(), {
      description: "Configuration values of integration (Marketplace) actions. Private; usually empty."
    })
  )
);
var baseEventProperties = {
  tenant: Tenant,
  custom_domain: Type4.Optional(CustomDomain),
  secrets,
  configuration
};

// src/triggers/shared/request.ts
import { Type as Type5 } from "@sinclair/typebox";
var GeoIp = sharedType(
  "GeoIp",
  Type5.Object(
    {
      cityName: Type5.Optional(Type5.String({ description: "City name, e.g. `Berlin`." })),
      continentCode: Type5.Optional(Type5.String({ description: "Two-letter continent code, e.g. `EU`." })),
      countryCode: Type5.Optional(Type5.String({ description: "ISO 3166-1 alpha-2 country code, e.g. `DE`." })),
      countryCode3: Type5.Optional(Type5.String({ description: "ISO 3166-1 alpha-3 country code, e.g. `DEU`." })),
      countryName: Type5.Optional(Type5.String({ description: "Country name in English, e.g. `Germany`." })),
      latitude: Type5.Optional(Type5.Number({ description: "Approximate latitude in decimal degrees." })),
      longitude: Type5.Optional(Type5.Number({ description: "Approximate longitude in decimal degrees." })),
      subdivisionCode: Type5.Optional(
        Type5.String({ description: "ISO 3166-2 code of the state or region, without the country prefix, e.g. `BE`." })
      ),
      subdivisionName: Type5.Optional(Type5.String({ description: "Name of the state or region, e.g. `Land Berlin`." })),
      timeZone: Type5.Optional(Type5.String({ description: "IANA time zone, e.g. `Europe/Berlin`." }))
    },
    { description: "Geographic location of the request, looked up from its IP address. Any field may be absent." }
  )
);
var requestCore = {
  ip: Type5.String({ description: "IP address the request came from (IPv4 or IPv6)." }),
  hostname: Type5.Optional(
    Type5.String({ description: "Host name used for the flow: the tenant domain or a custom domain." })
  ),
  method: Type5.String({ description: "HTTP method of the request, e.g. `GET` or `POST`." }),
  language: Type5.Optional(
    Type5.String({ description: "Language the browser asked for (from `Accept-Language`), e.g. `en-US`." })
  ),
  user_agent: Type5.Optional(Type5.String({ description: "Value of the `User-Agent` header that started the transaction." })),
  asn: Type5.Optional(Type5.String({ description: "Autonomous system number of the network the request came from." })),
  geoip: GeoIp
};
var body = freeForm(
  "Parsed body of the POST request: present for token requests (refresh token, client credentials) and form posts such as custom sign-up fields (`ulp-*`). Keys are chosen by the caller."
);
var Request = sharedType(
  "Request",
  Type5.Object(requestCore, { description: "Details about the request that started the transaction." })
);
var RequestWithBody = sharedType(
  "RequestWithBody",
  Type5.Object(
    { ...requestCore, body },
    { description: "Details about the request that started the transaction, including its POST body." }
  )
);
var InteractiveRequest = sharedType(
  "InteractiveRequest",
  Type5.Object(
    {
      ...requestCore,
      query: freeForm('Query string parameters of the authorization request, e.g. `{ "prompt": "login" }`.'),
      body
    },
    {
      description: "Details about the request that started (or resumed) the transaction, including query and POST body. A new request object is issued each time a suspended flow resumes."
    }
  )
);

// src/triggers/definitions/credentials-exchange-v2.ts
var AccessToken = localType(
  "AccessToken",
  Type6.Object(
    {
      customClaims: freeForm("Custom claims already set on the token, including by earlier actions."),
      scope: Type6.Array(Type6.String(), { description: "Scopes the token will carry." })
    },
    { description: "The access token about to be issued." }
  )
);
var Transaction = localType(
  "Transaction",
  Type6.Object(
    {
      requested_scopes: Type6.Array(Type6.String(), { description: "Scopes the client asked for (if any)." }),
      correlation_id: Type6.Optional(Type6.String({ description: "Correlation id passed by the client." })),
      target_scopes: Type6.Optional(
        Type6.Array(Type6.String(), {
          description: "[Early Access] The live target scope set, starting from the client grant and updated at once by `api.transaction` calls. It is intersected with the grant after all actions; other scopes are dropped."
        })
      )
    },
    { description: "Details about the token request." }
  )
);
var scopeParam = (what) => ({ name: "scope", schema: Type6.String(), description: `The scope to ${what}.` });
var credentialsExchangeV2 = {
  id: "credentials-exchange",
  version: "v2",
  mode: "sync",
  description: "Runs when an application exchanges its client credentials for an access token (machine-to-machine), before the token is returned. Can deny the request or add claims.",
  typeName: "CredentialsExchange",
  handlers: { execute: "onExecuteCredentialsExchange" },
  event: Type6.Object(
    {
      accessToken: AccessToken,
      client: Client,
      request: RequestWithBody,
      resource_server: ResourceServer,
      transaction: Transaction,
      organization: Type6.Optional(Organization),
      agent: Type6.Optional(Agent),
      ...baseEventProperties
    },
    { description: "The client-credentials token request." }
  ),
  api: [
    {
      name: "access",
      description: "Control whether the token is issued.",
      methods: [
        {
          name: "deny",
          description: "Denies the token request with an OAuth error code. Actions after this one do not run.",
          params: [
            {
              name: "code",
              schema: stringEnum(["invalid_scope", "invalid_request", "server_error"]),
              description: "OAuth error code returned to the client."
            },
            {
              name: "reason",
              schema: Type6.String(),
              optional: true,
              description: "Human-readable explanation, returned as `error_description`."
            }
          ],
          returns: { kind: "api" }
        }
      ]
    },
    {
      name: "accessToken",
      description: "Change the access token that will be issued.",
      methods: [
        {
          name: "setCustomClaim",
          description: "Adds a custom claim to the access token. Use a namespaced URL as the name.",
          params: [
            { name: "key", schema: Type6.String(), description: "Claim name." },
            { name: "value", schema: Type6.Unknown(), description: "Any JSON value." }
          ],
          returns: { kind: "api" }
        }
      ]
    },
    cacheApi,
    {
      name: "transaction",
      description: "[Early Access] Edit the target scope set. It is intersected with the client grant after all actions; scopes not granted are dropped silently.",
      methods: [
        {
          name: "addTargetScope",
          description: "Adds a scope to the target scope set. Throws when the scope is invalid.",
          params: [scopeParam("add")],
          returns: { kind: "void" }
        },
        {
          name: "removeTargetScope",
          description: "Removes a scope from the target scope set. Throws when the scope is invalid.",
          params: [scopeParam("remove")],
          returns: { kind: "void" }
        },
        {
          name: "setTargetScopes",
          description: "Replaces the target scope set. Throws when a scope is invalid.",
          params: [{ name: "scopes", schema: Type6.Array(Type6.String()), description: "The new scope set." }],
          returns: { kind: "void" }
        },
        {
          name: "clearTargetScopes",
          description: "Empties the target scope set.",
          params: [],
          returns: { kind: "void" }
        }
      ]
    }
  ],
  maxActionsPerFlow: 20
};

// src/triggers/definitions/password-reset-post-challenge-v1.ts
import { Type as Type12 } from "@sinclair/typebox";

// src/triggers/shared/authentication.ts
import { Type as Type7 } from "@sinclair/typebox";
var AuthenticationMethod = sharedType(
  "AuthenticationMethod",
  Type7.Object(
    {
      name: Type7.String({
        description: "The method: `federated` (social or enterprise login), `pwd` (password), `passkey`, `sms` or `email` (passwordless), `phone_number` (password reset by phone), `mock` (testing), `mfa` (a second factor), or an http(s) URL of a custom method recorded with `api.authentication.recordMethod`."
      }),
      timestamp: Type7.String({ description: "When the method was completed (ISO 8601)." }),
      type: Type7.Optional(Type7.String({ description: "For `mfa`: which kind of factor was used, e.g. `otp`." }))
    },
    { description: "An authentication method the user completed in this session." }
  )
);
var confidence = stringEnum(["low", "medium", "high", "neutral"], {
  description: "How confident the assessment is that the login is legitimate."
});
var SupplementalRiskAssessment = sharedType(
  "SupplementalRiskAssessment",
  Type7.Object(
    {
      akamai: Type7.Optional(
        Type7.Object(
          {
            akamaiBot: Type7.Optional(
              Type7.Object(
                {
                  type: Type7.Optional(Type7.String({ description: "Type of the Bot Manager result." })),
                  action: Type7.Optional(Type7.String({ description: "Action Bot Manager took." })),
                  botCategory: Type7.Optional(Type7.Array(Type7.String(), { description: "Bot categories detected." })),
                  botScore: Type7.Optional(Type7.Number({ description: "Bot score." })),
                  botScoreResponseSegment: Type7.Optional(Type7.String({ description: "Response segment of the bot score." })),
                  botnetId: Type7.Optional(Type7.String({ description: "Id of the botnet, when one was recognised." }))
                },
                { description: "Bot detection results forwarded by Akamai Bot Manager." }
              )
            ),
            akamaiUserRisk: Type7.Optional(
              Type7.Object(
                {
                  action: Type7.Optional(Type7.String({ description: "Action of the user-risk assessment." })),
                  allow: Type7.Optional(Type7.Number({ description: "Whether the request was allowed (1) or not (0)." })),
                  emailDomain: Type7.Optional(Type7.String({ description: "Email domain of the user." })),
                  general: Type7.Optional(freeForm("General risk indicators.")),
                  ouid: Type7.Optional(Type7.String({ description: "OUID of the user." })),
                  requestid: Type7.Optional(Type7.String({ description: "Akamai request id." })),
                  risk: Type7.Optional(freeForm("Risk indicators.")),
                  score: Type7.Optional(Type7.Number({ description: "User-risk score." })),
                  status: Type7.Optional(Type7.Number({ description: "Status of the assessment." })),
                  trust: Type7.Optional(freeForm("Trust indicators.")),
                  username: Type7.Optional(Type7.String({ description: "Username Akamai saw." })),
                  uuid: Type7.Optional(Type7.String({ description: "UUID of the assessment." }))
                },
                { description: "User-risk results forwarded by Akamai Account Protector." }
              )
            )
          },
          { description: "Signals from Akamai." }
        )
      )
    },
    { description: "[Early Access] Risk signals from third parties (Akamai), when that integration is enabled." }
  )
);
var RiskAssessment = sharedType(
  "RiskAssessment",
  Type7.Object(
    {
      confidence: described(confidence, "Overall confidence that this login is legitimate."),
      version: Type7.String({ description: "Version of the assessment model, e.g. `1`." }),
      assessments: Type7.Object(
        {
          ImpossibleTravel: Type7.Optional(
            Type7.Object(
              {
                code: stringEnum(
                  [
                    "minimal_travel_from_last_login",
                    "travel_from_last_login",
                    "substantial_travel_from_last_login",
                    "impossible_travel_from_last_login",
                    "invalid_travel",
                    "missing_geoip",
                    "anonymous_proxy",
                    "unknown_location",
                    "initial_login",
                    "location_history_not_found",
                    "assessment_not_available"
                  ],
                  { description: "Outcome of the check." }
                ),
                confidence
              },
              { description: "Whether the location implies impossible travel since the last login." }
            )
          ),
          NewDevice: Type7.Optional(
            Type7.Object(
              {
                code: stringEnum(
                  ["match", "partial_match", "no_match", "initial_login", "unknown_device", "no_device_history", "assessment_not_available"],
                  { description: "Outcome of the check." }
                ),
                confidence,
                details: Type7.Optional(
                  Type7.Object(
                    {
                      device: Type7.Optional(stringEnum(["known", "unknown"], { description: "Whether the device is known." })),
                      useragent: Type7.Optional(
                        stringEnum(["known", "unknown"], { description: "Whether the user agent is known." })
                      )
                    },
                    { description: "What matched." }
                  )
                )
              },
              { description: "Whether the user logs in from a device seen before." }
            )
          ),
          UntrustedIP: Type7.Optional(
            Type7.Object(
              {
                code: stringEnum(["not_found_on_deny_list", "found_on_deny_list", "invalid_ip_address", "assessment_not_available"], {
                  description: "Outcome of the check."
                }),
                confidence,
                details: Type7.Optional(
                  Type7.Object(
                    {
                      category: Type7.Optional(Type7.String({ description: "Category of the deny list entry." })),
                      ip: Type7.Optional(Type7.String({ description: "The IP address that was checked." })),
                      matches: Type7.Optional(Type7.String({ description: "What matched." })),
                      source: Type7.Optional(Type7.String({ description: "Source of the deny list." }))
                    },
                    { description: "What matched." }
                  )
                )
              },
              { description: "Whether the IP address is on Auth0’s list of low-reputation addresses." }
            )
          ),
          AgentDetection: Type7.Optional(
            Type7.Object(
              {
                code: Type7.String({ description: "Outcome of the check." }),
                confidence,
                details: Type7.Optional(freeForm("Details of the detection."))
              },
              { description: "Whether the request appears to come from an automated agent." }
            )
          )
        },
        { description: "The individual assessments." }
      ),
      supplemental: Type7.Optional(SupplementalRiskAssessment)
    },
    { description: "Risk assessment of this login (Adaptive MFA)." }
  )
);
var RiskSignals = sharedType(
  "RiskSignals",
  Type7.Object(
    {
      riskAssessment: Type7.Optional(
        Type7.Object(
          { supplemental: Type7.Optional(SupplementalRiskAssessment) },
          { description: "Risk signals for this transaction." }
        )
      )
    },
    { description: "Supplemental authentication signals obtained during the flow." }
  )
);

// src/triggers/shared/factors.ts
import { Type as Type8 } from "@sinclair/typebox";
var phoneFactor = Type8.Object(
  {
    type: Type8.Literal("phone", { description: "Phone (SMS or voice)." }),
    options: Type8.Optional(
      Type8.Object(
        {
          preferredMethod: Type8.Optional(
            stringEnum(["sms", "voice", "both"], { description: "Delivery method to prefer when available." })
          )
        },
        { description: "Options of the phone factor." }
      )
    )
  },
  { description: "The phone factor." }
);
var FactorSelector = sharedType(
  "FactorSelector",
  Type8.Union(
    [
      Type8.Object(
        {
          type: stringEnum(["otp", "email", "webauthn-platform", "webauthn-roaming", "recovery-code"], {
            description: "Kind of factor."
          }),
          options: Type8.Optional(freeForm("Options for this kind of factor."))
        },
        { description: "A factor without special options." }
      ),
      phoneFactor,
      Type8.Object(
        {
          type: stringEnum(["push", "push-notification"], { description: "Push notification (Guardian)." }),
          options: Type8.Optional(
            Type8.Object(
              {
                otpFallback: Type8.Optional(
                  Type8.Boolean({ description: "Set to `false` to hide the one-time-code fallback of push.", default: true })
                )
              },
              { description: "Options of the push factor." }
            )
          )
        },
        { description: "The push factor." }
      )
    ],
    { description: "A factor to challenge the user with: `{ type }` plus type-specific `options`." }
  )
);
var EnrollmentFactorSelector = sharedType(
  "EnrollmentFactorSelector",
  Type8.Union(
    [
      Type8.Object(
        {
          type: stringEnum(["otp", "webauthn-platform", "webauthn-roaming", "push", "push-notification", "recovery-code"], {
            description: "Kind of factor."
          }),
          options: Type8.Optional(freeForm("Options for this kind of factor."))
        },
        { description: "A factor without special options." }
      ),
      phoneFactor
    ],
    { description: "A factor to enroll the user in: `{ type }` plus type-specific `options`." }
  )
);
var ChallengeWithOptions = sharedType(
  "ChallengeWithOptions",
  Type8.Object(
    {
      additionalFactors: Type8.Optional(
        Type8.Array(FactorSelector, { description: "Other factors the user may pick instead of the first one." })
      )
    },
    { description: "Options of `challengeWith`." }
  )
);
var challengeSemantics = "Later actions do not run until the challenge is satisfied. Factors already satisfied in this transaction, not enabled on the tenant or not enrolled by the user are ignored; if none is usable the flow fails.";
var challengeMethods = [
  {
    name: "challengeWith",
    description: `Asks the user to complete an MFA challenge with \`factor\` (or one of \`additionalFactors\`) now. ${challengeSemantics}`,
    params: [
      { name: "factor", schema: FactorSelector, description: "The factor to challenge with first." },
      {
        name: "options",
        schema: ChallengeWithOptions,
        optional: true,
        description: "Other factors the user may choose instead."
      }
    ],
    returns: { kind: "void" }
  },
  {
    name: "challengeWithAny",
    description: `Shows a factor picker and asks the user to complete a challenge with any of \`factors\`. ${challengeSemantics}`,
    params: [
      {
        name: "factors",
        schema: Type8.Array(FactorSelector),
        description: "Factors to offer; the picker is skipped when only one is usable."
      }
    ],
    returns: { kind: "void" }
  }
];

// src/triggers/shared/redirect.ts
import { Type as Type9 } from "@sinclair/typebox";
var TokenCreationOptions = sharedType(
  "TokenCreationOptions",
  Type9.Object(
    {
      payload: freeForm("Data for the redirect target; it becomes claims of the token (signed, not encrypted: no secrets)."),
      secret: Type9.String({
        description: "Secret shared with the redirect target, used to sign the token (HS256). Keep it in `event.secrets`."
      }),
      expiresInSeconds: Type9.Optional(Type9.Number({ description: "Lifetime of the token in seconds.", default: 900 }))
    },
    { description: "What to put in the token and how to sign it." }
  )
);
var ValidateTokenOptions = sharedType(
  "ValidateTokenOptions",
  Type9.Object(
    {
      secret: Type9.String({ description: "Secret shared with the redirect target, used to verify the signature (HS256)." }),
      tokenParameterName: Type9.Optional(
        Type9.String({
          description: "Name of the query or body parameter that carries the token sent to `/continue`.",
          default: "session_token"
        })
      )
    },
    { description: "Where to find the returned token and how to verify it." }
  )
);
var RedirectQueryOptions = sharedType(
  "RedirectQueryOptions",
  Type9.Object(
    { query: Type9.Optional(stringMap("Query parameters to append to the URL.")) },
    { description: "Extra query parameters for the URL." }
  )
);
function redirectApi(o) {
  const methods = [
    {
      name: "sendUserTo",
      description: `Redirects the browser to \`url\` once this action finishes; the ${o.flow} suspends and later actions wait. Auth0 appends \`state\`; the target sends the user back to \`/continue?state=…\`, which resumes this action in \`${o.continueHandler}\`. Impossible for resource-owner, refresh-token and \`prompt=none\` requests.`,
      params: [
        { name: "url", schema: Type9.String(), description: "Absolute URL to send the user to." },
        { name: "options", schema: RedirectQueryOptions, optional: true, description: "Query parameters to add." }
      ],
      returns: o.sendUserToReturns
    },
    {
      name: "encodeToken",
      description: "Creates a signed JWT (HS256) carrying `payload` plus `sub`, `iss`, `exp` and `ip`, to pass to the redirect target (e.g. as a `session_token` query parameter) so it can prove the data came from this flow.",
      params: [{ name: "options", schema: TokenCreationOptions, description: "Payload, secret and lifetime." }],
      returns: { kind: "value", schema: Type9.String({ description: "The JWT." }) }
    },
    {
      name: "validateToken",
      description: `Verifies the JWT sent back to \`/continue\` (signature, expiry, and that its \`state\` claim matches this transaction) and returns its payload. Throws when it is invalid. Use it in \`${o.continueHandler}\`.`,
      params: [{ name: "options", schema: ValidateTokenOptions, description: "Secret and parameter name." }],
      returns: { kind: "value", schema: Type9.Any({ description: "The payload of the token." }) }
    }
  ];
  if (o.withCanRedirect) {
    methods.push({
      name: "canRedirect",
      description: "Whether this transaction can redirect: false for resource-owner and refresh-token grants and for `prompt=none`.",
      params: [],
      returns: { kind: "value", schema: Type9.Boolean() },
      deprecated: "Do not rely on it; request the redirect and let the application handle `interaction_required` errors."
    });
  }
  return {
    name: "redirect",
    description: `Redirect the user to an external page in the middle of the ${o.flow}, and resume afterwards.`,
    methods
  };
}
var PromptData = sharedType(
  "PromptData",
  Type9.Object(
    {
      id: Type9.String({ description: "Id of the prompt that was rendered." }),
      fields: Type9.Optional(freeForm("Values of the prompt’s fields and hidden fields.")),
      vars: Type9.Optional(freeForm("Shared variables of the prompt."))
    },
    { description: "Data collected by a custom prompt rendered with `api.prompt.render`." }
  )
);
var PromptRenderOptions = sharedType(
  "PromptRenderOptions",
  Type9.Object(
    {
      fields: Type9.Optional(freeForm("Values to prefill the prompt’s fields with (client side).")),
      vars: Type9.Optional(freeForm("Variables to inject into the prompt (server side)."))
    },
    { description: "Values for the prompt." }
  )
);
function promptApi(continueHandler) {
  return {
    name: "prompt",
    description: "Render a custom prompt (form) to the user.",
    methods: [
      {
        name: "render",
        description: `Renders the custom prompt \`promptId\` once this action finishes; the flow suspends until the user submits it. The collected data arrives in \`event.prompt\` when this action resumes in \`${continueHandler}\`.`,
        params: [
          { name: "promptId", schema: Type9.String(), description: "Id of the prompt to render." },
          { name: "promptOptions", schema: PromptRenderOptions, optional: true, description: "Values for the prompt." }
        ],
        returns: { kind: "void" }
      }
    ]
  };
}

// src/triggers/shared/transaction.ts
import { Type as Type10 } from "@sinclair/typebox";
var Protocol = sharedType(
  "Protocol",
  stringEnum(
    [
      "oidc-basic-profile",
      "oidc-implicit-profile",
      "oidc-hybrid-profile",
      "oidc-ciba",
      "oidc-ciba-web-link",
      "oauth2-device-code",
      "oauth2-resource-owner",
      "oauth2-resource-owner-jwt-bearer",
      "oauth2-password",
      "oauth2-webauthn",
      "oauth2-access-token",
      "oauth2-refresh-token",
      "oauth2-token-exchange",
      "samlp",
      "wsfed",
      "wstrust-usernamemixed"
    ],
    {
      description: "Protocol of the transaction. Redirects are impossible for `oauth2-resource-owner`, `oauth2-refresh-token` and requests with `prompt=none`."
    }
  )
);
var correlationId = Type10.Optional(
  Type10.String({
    description: "Correlation id the application passed to `/authorize`, to tie action logs to the flow."
  })
);
var common = {
  locale: Type10.String({
    description: "Locale chosen for this transaction from the browser languages and the tenant settings, e.g. `en`."
  }),
  login_hint: Type10.Optional(Type10.String({ description: "The `login_hint` of the authorization request." })),
  state: Type10.Optional(Type10.String({ description: "The application’s opaque `state` value from the authorization request." })),
  ui_locales: Type10.Array(Type10.String(), { description: "The `ui_locales` of the authorization request." }),
  correlation_id: correlationId
};
var oauthRequest = {
  acr_values: Type10.Array(Type10.String(), { description: "The `acr_values` of the authorization request." }),
  prompt: Type10.Optional(Type10.Array(Type10.String(), { description: 'The `prompt` values, e.g. `["login"]` or `["none"]`.' })),
  protocol: Type10.Optional(Protocol),
  redirect_uri: Type10.Optional(Type10.String({ description: "Where Auth0 sends the browser when the transaction completes." })),
  requested_scopes: Type10.Array(Type10.String(), { description: 'Scopes requested, e.g. `["openid", "profile"]`.' }),
  response_mode: Type10.Optional(
    stringEnum(["query", "fragment", "form_post", "web_message"], { description: "How the response is returned." })
  ),
  response_type: Type10.Optional(
    Type10.Array(stringEnum(["code", "token", "id_token"]), { description: "What the application asked to receive." })
  )
};
var SignupTransaction = sharedType(
  "SignupTransaction",
  Type10.Object({ ...common, ...oauthRequest }, { description: "Details about the current transaction." })
);
var TransactionMetadataValue = sharedType(
  "TransactionMetadataValue",
  Type10.Union([Type10.String(), Type10.Number(), Type10.Boolean()], {
    description: "A transaction metadata value: string, number (safe integer) or boolean."
  })
);
var LoginTransaction = sharedType(
  "LoginTransaction",
  Type10.Object(
    {
      id: Type10.Optional(Type10.String({ description: "Unique id of the transaction; set for browser-based logins." })),
      ...common,
      ...oauthRequest,
      locale: Type10.Optional(common.locale),
      ui_locales: Type10.Optional(common.ui_locales),
      acr_values: Type10.Optional(oauthRequest.acr_values),
      requested_scopes: Type10.Optional(oauthRequest.requested_scopes),
      requested_authorization_details: Type10.Optional(
        Type10.Array(
          Type10.Object(
            { type: Type10.String({ description: "Type of the authorization details; decides the other fields." }) },
            { description: "One entry of a Rich Authorization Request.", additionalProperties: Type10.Any() }
          ),
          { description: "Rich Authorization Request (RFC 9396) details of the request." }
        )
      ),
      linking_id: Type10.Optional(Type10.String({ description: "Dynamic linking id to reference this transaction." })),
      actor: Type10.Optional(freeForm("Token exchange: claims of the acting party.")),
      actor_token_type: Type10.Optional(Type10.String({ description: "Token exchange: type of the actor token." })),
      subject_token_type: Type10.Optional(Type10.String({ description: "Token exchange: type of the subject token." })),
      metadata: Type10.Record(Type10.String(), TransactionMetadataValue, {
        description: "Data shared between the actions of this transaction. Changes made with `api.transaction.setMetadata` are visible here at once; it is not persisted."
      })
    },
    { description: "Details about the current transaction." }
  )
);
var PasswordResetTransaction = sharedType(
  "PasswordResetTransaction",
  Type10.Object(common, { description: "Details about the current transaction." })
);
var CorrelatedTransaction = sharedType(
  "CorrelatedTransaction",
  Type10.Object({ correlation_id: correlationId }, { description: "Details about the current transaction." })
);

// src/triggers/shared/user.ts
import { Type as Type11 } from "@sinclair/typebox";
var appMetadata = freeForm(
  "Metadata that affects what the user may do (plan, roles, flags). Only the tenant can change it; actions change it with `api.user.setAppMetadata`."
);
var userMetadata = freeForm(
  "Metadata the user may edit (preferences, address). Actions change it with `api.user.setUserMetadata`."
);
var Identity = sharedType(
  "Identity",
  Type11.Object(
    {
      connection: Type11.Optional(Type11.String({ description: "Name of the connection of this identity." })),
      provider: Type11.Optional(Type11.String({ description: "Identity provider, e.g. `auth0`, `google-oauth2`, `samlp`." })),
      user_id: Type11.Optional(Type11.String({ description: "User id at that provider (without the `provider|` prefix)." })),
      isSocial: Type11.Optional(Type11.Boolean({ description: "Whether the connection is a social connection." })),
      profileData: Type11.Optional(
        Type11.Record(Type11.String(), Type11.Any(), {
          description: "Profile attributes from that provider; filled for linked (secondary) identities."
        })
      )
    },
    { description: "An identity-provider account linked to the user." }
  )
);
var EnrolledFactor = sharedType(
  "EnrolledFactor",
  Type11.Object(
    {
      type: Type11.String({
        description: "Kind of factor: `push-notification`, `phone`, `email`, `otp`, `webauthn-roaming`, `webauthn-platform`…"
      }),
      options: Type11.Optional(freeForm("Details of this enrollment, depending on its type."))
    },
    { description: "An authentication factor the user has enrolled." }
  )
);
var userProfileProperties = {
  user_id: Type11.String({ description: "Unique id of the user, e.g. `auth0|5f7c8ec7c33c6c004bbafe82`." }),
  email: Type11.Optional(Type11.String({ description: "Email address (unique per connection)." })),
  email_verified: Type11.Boolean({ description: "Whether the user has verified their email address." }),
  username: Type11.Optional(Type11.String({ description: "Username (unique per connection), when the connection uses one." })),
  phone_number: Type11.Optional(Type11.String({ description: "Phone number in E.164 format." })),
  phone_verified: Type11.Optional(Type11.Boolean({ description: "Whether the user has verified their phone number." })),
  name: Type11.Optional(Type11.String({ description: "Full name." })),
  given_name: Type11.Optional(Type11.String({ description: "Given (first) name." })),
  family_name: Type11.Optional(Type11.String({ description: "Family (last) name." })),
  nickname: Type11.Optional(Type11.String({ description: "Nickname." })),
  picture: Type11.Optional(Type11.String({ description: "URL of the profile picture." })),
  created_at: Type11.String({ description: "When the user was created (ISO 8601)." }),
  updated_at: Type11.String({ description: "When the profile was last updated (ISO 8601)." }),
  last_password_reset: Type11.Optional(
    Type11.String({ description: "When the password was last changed or reset (ISO 8601). Database users only; absent at creation." })
  ),
  app_metadata: appMetadata,
  user_metadata: userMetadata
};
var identitiesDescription = "Identity-provider accounts of the user; the first is the one the user was created with. Linked accounts appear here too.";
var User = sharedType(
  "User",
  Type11.Object(
    {
      ...userProfileProperties,
      identities: Type11.Array(Identity, { description: identitiesDescription }),
      multifactor: Type11.Optional(
        Type11.Array(Type11.String(), { description: 'MFA providers the user is enrolled with, e.g. `["guardian"]`.' })
      ),
      enrolledFactors: Type11.Optional(
        Type11.Array(EnrolledFactor, {
          description: "Authentication factors the user has enrolled. Empty means none; absent means Auth0 could not tell."
        })
      )
    },
    {
      description: "The user this transaction is for. Read-only, but it reflects metadata set by earlier actions in the same flow."
    }
  )
);
var UserProfile = sharedType(
  "UserProfile",
  Type11.Object(
    {
      ...userProfileProperties,
      identities: Type11.Optional(Type11.Array(Identity, { description: identitiesDescription }))
    },
    { description: "The user this transaction is for." }
  )
);
var PreRegistrationUser = sharedType(
  "PreRegistrationUser",
  Type11.Object(
    {
      email: Type11.Optional(Type11.String({ description: "Email address the user signs up with." })),
      username: Type11.Optional(Type11.String({ description: "Username, when the connection requires one." })),
      phone_number: Type11.Optional(Type11.String({ description: "Phone number (passwordless SMS and phone sign-ups)." })),
      name: Type11.Optional(Type11.String({ description: "Full name." })),
      given_name: Type11.Optional(Type11.String({ description: "Given (first) name." })),
      family_name: Type11.Optional(Type11.String({ description: "Family (last) name." })),
      nickname: Type11.Optional(Type11.String({ description: "Nickname." })),
      picture: Type11.Optional(Type11.String({ description: "URL of the profile picture." })),
      app_metadata: Type11.Optional(appMetadata),
      user_metadata: Type11.Optional(userMetadata)
    },
    { description: "The user who is about to be created. There is no `user_id` yet." }
  )
);
var PasswordChangeUser = sharedType(
  "PasswordChangeUser",
  Type11.Object(
    {
      user_id: Type11.Optional(Type11.String({ description: "Unique id of the user." })),
      email: Type11.Optional(Type11.String({ description: "Email address." })),
      email_verified: Type11.Optional(Type11.Boolean({ description: "Whether the email address is verified." })),
      phone_number: Type11.Optional(Type11.String({ description: "Phone number in E.164 format." })),
      phone_verified: Type11.Optional(Type11.Boolean({ description: "Whether the phone number is verified." })),
      username: Type11.Optional(Type11.String({ description: "Username." })),
      last_password_reset: Type11.Optional(Type11.String({ description: "When the password was changed (ISO 8601)." }))
    },
    { description: "The user whose password was changed (a subset of the profile)." }
  )
);

// src/triggers/definitions/password-reset-post-challenge-v1.ts
var Authentication = localType(
  "Authentication",
  Type12.Object(
    {
      methods: Type12.Array(AuthenticationMethod, {
        description: "Methods completed so far, e.g. `email` or `phone_number` for the reset challenge."
      }),
      riskAssessment: Type12.Optional(
        Type12.Object(
          { supplemental: Type12.Optional(SupplementalRiskAssessment) },
          { description: "Risk signals for this password reset." }
        )
      )
    },
    { description: "Authentication facts of this password reset." }
  )
);
var passwordResetPostChallengeV1 = {
  id: "password-reset-post-challenge",
  version: "v1",
  mode: "sync",
  description: "Runs during a password reset after the user passed the first challenge (email link or code) and before the new password is set. Universal Login only. Can require MFA, redirect and resume in `onContinuePostChallenge`, or deny the reset.",
  typeName: "PasswordResetPostChallenge",
  handlers: { execute: "onExecutePostChallenge", continue: "onContinuePostChallenge" },
  event: Type12.Object(
    {
      user: User,
      authentication: Authentication,
      authorization: Authorization,
      client: Client,
      connection: Connection,
      organization: Type12.Optional(Organization),
      prompt: Type12.Optional(PromptData),
      request: InteractiveRequest,
      stats: Stats,
      transaction: PasswordResetTransaction,
      ...baseEventProperties
    },
    { description: "The password reset in progress." }
  ),
  api: [
    {
      name: "access",
      description: "Control whether the password reset may continue.",
      methods: [
        {
          name: "deny",
          description: "Denies the password reset. Actions after this one do not run; side effects already requested stay.",
          params: [{ name: "reason", schema: Type12.String(), description: "Why; may be shown to the user." }],
          returns: { kind: "void" }
        }
      ]
    },
    {
      name: "authentication",
      description: "Require an additional MFA challenge before the password can be reset.",
      methods: challengeMethods
    },
    redirectApi({
      flow: "password reset",
      continueHandler: "onContinuePostChallenge",
      sendUserToReturns: { kind: "void" },
      withCanRedirect: false
    }),
    cacheApi,
    promptApi("onContinuePostChallenge"),
    {
      name: "transaction",
      description: "Configure the end of the password reset.",
      methods: [
        {
          name: "setResultUrl",
          description: "Sets where the user lands after the password has been reset.",
          params: [
            { name: "url", schema: Type12.String(), description: "Absolute URL." },
            { name: "options", schema: RedirectQueryOptions, optional: true, description: "Query parameters to add." }
          ],
          returns: { kind: "void" }
        }
      ]
    }
  ],
  maxActionsPerFlow: 4
};

// src/triggers/definitions/post-change-password-v2.ts
import { Type as Type13 } from "@sinclair/typebox";
var postChangePasswordV2 = {
  id: "post-change-password",
  version: "v2",
  mode: "async",
  description: "Runs asynchronously after a database user changed or reset their password. Cannot change the outcome; use it to notify the user or other systems. Failed runs are retried.",
  typeName: "PostChangePassword",
  handlers: { execute: "onExecutePostChangePassword" },
  event: Type13.Object(
    {
      user: PasswordChangeUser,
      connection: Connection,
      request: Request,
      transaction: Type13.Optional(CorrelatedTransaction),
      authentication: Type13.Optional(RiskSignals),
      ...baseEventProperties
    },
    { description: "The password change that happened." }
  ),
  api: [cacheApi],
  maxActionsPerFlow: 20
};

// src/triggers/definitions/post-login-v3-api.ts
import { Type as Type17 } from "@sinclair/typebox";

// src/triggers/shared/user-api.ts
import { Type as Type14 } from "@sinclair/typebox";
function userMetadataApi(when) {
  const params = (kind) => [
    { name: "key", schema: Type14.String(), description: `Top-level key of ${kind} to set.` },
    {
      name: "value",
      schema: Type14.Unknown(),
      description: "Any JSON value; `null` removes the key."
    }
  ];
  const semantics = `Changes from all actions are merged and saved once ${when}; later actions see them in \`event.user\` at once. Do not call it from callbacks that outlive the handler.`;
  return {
    name: "user",
    description: "Change the metadata of the user.",
    methods: [
      {
        name: "setAppMetadata",
        description: `Sets \`app_metadata[key]\` of the user. ${semantics}`,
        params: params("`app_metadata`"),
        returns: { kind: "api" }
      },
      {
        name: "setUserMetadata",
        description: `Sets \`user_metadata[key]\` of the user. ${semantics}`,
        params: params("`user_metadata`"),
        returns: { kind: "api" }
      }
    ]
  };
}

// src/triggers/definitions/post-login-v3-directory-api.ts
import { Type as Type15 } from "@sinclair/typebox";
var PageOptions = localType(
  "PageOptions",
  Type15.Object(
    {
      take: Type15.Optional(Type15.Integer({ description: "How many entries to return (at most 100)." })),
      from: Type15.Optional(Type15.String({ description: "The `next` cursor of the previous page." }))
    },
    { description: "Pagination of a directory look-up." }
  )
);
var next = Type15.Optional(Type15.String({ description: "Cursor of the next page; absent on the last page." }));
var Group = localType(
  "Group",
  Type15.Object(
    {
      id: Type15.String({ description: "Id of the group." }),
      name: Type15.String({ description: "Name of the group." })
    },
    { description: "A group the user belongs to.", additionalProperties: Type15.Any() }
  )
);
var GroupMemberships = localType(
  "GroupMemberships",
  Type15.Object(
    {
      memberships: Type15.Record(
        Type15.String(),
        Type15.Object(
          {
            is_member: Type15.Boolean({ description: "Whether the user is a member." }),
            matches: Type15.Optional(Type15.Array(Type15.Any(), { description: "The groups that matched." }))
          },
          { description: "Membership for one requested id or name." }
        ),
        { description: "Result per requested group id or name." }
      ),
      errors: Type15.Optional(Type15.Array(Type15.Any(), { description: "Look-ups that failed." }))
    },
    { description: "Result of `api.groups.hasGroupMembership`." }
  )
);
var Role = localType(
  "Role",
  Type15.Object(
    {
      id: Type15.String({ description: "Id of the role, e.g. `rol_abc`." }),
      name: Type15.String({ description: "Name of the role." }),
      type: Type15.String({ description: "How the user holds it: directly or through a group." })
    },
    { description: "A role the user holds, directly or through a group.", additionalProperties: Type15.Any() }
  )
);
var RolesPage = localType(
  "RolesPage",
  Type15.Object(
    { roles: Type15.Array(Role, { description: "Roles on this page." }), next },
    { description: "A page of the user’s effective roles." }
  )
);
var groupsApi = {
  name: "groups",
  description: "[Early Access] Look up the groups the user belongs to.",
  methods: [
    {
      name: "getUserGroups",
      description: "Lists the groups the user belongs to, a page at a time.",
      params: [{ name: "options", schema: PageOptions, optional: true, description: "Page size and cursor." }],
      returns: {
        kind: "value",
        async: true,
        schema: localType(
          "GroupsPage",
          Type15.Object(
            { groups: Type15.Array(Group, { description: "Groups on this page." }), next },
            { description: "A page of the user’s groups." }
          )
        )
      }
    },
    {
      name: "hasGroupMembership",
      description: "Checks whether the user belongs to each of the given groups (by id or by name).",
      params: [{ name: "groups", schema: Type15.Array(Type15.String()), description: "Group ids or names." }],
      returns: { kind: "value", async: true, schema: GroupMemberships }
    }
  ]
};
var rolesApi = {
  name: "roles",
  description: "[Early Access] Look up the user’s effective roles (direct and through groups, scoped to the organization).",
  methods: [
    {
      name: "getUserEffectiveRoles",
      description: "Lists the user’s effective roles, a page at a time.",
      params: [{ name: "options", schema: PageOptions, optional: true, description: "Page size (≤ 100) and cursor." }],
      returns: { kind: "value", async: true, schema: RolesPage }
    },
    {
      name: "getUserEffectiveRolesByIds",
      description: "Returns which of the given roles (by id) the user effectively holds.",
      params: [{ name: "ids", schema: Type15.Array(Type15.String()), description: "Role ids (at most 100)." }],
      returns: { kind: "value", async: true, schema: RolesPage }
    },
    {
      name: "getUserEffectiveRolesByNames",
      description: "Returns which of the given roles (by name) the user effectively holds.",
      params: [{ name: "names", schema: Type15.Array(Type15.String()), description: "Role names (at most 50)." }],
      returns: { kind: "value", async: true, schema: RolesPage }
    }
  ]
};

// src/triggers/definitions/post-login-v3-enterprise-api.ts
import { Type as Type16 } from "@sinclair/typebox";
var setter = (name, param, schema, description, paramDoc) => ({
  name,
  description,
  params: [{ name: param, schema, description: paramDoc }],
  returns: { kind: "void" }
});
var str = Type16.String();
var bool = Type16.Boolean();
var SamlAttributeValue = localType(
  "SamlAttributeValue",
  Type16.Union(
    [
      Type16.String(),
      Type16.Number(),
      Type16.Boolean(),
      Type16.Null(),
      Type16.Array(Type16.Union([Type16.String(), Type16.Number(), Type16.Boolean()]))
    ],
    { description: "Value of a SAML attribute; `null` removes it." }
  )
);
var pem = (what) => `PEM-encoded ${what} (\`-----BEGIN …\`).`;
var samlResponseApi = {
  name: "samlResponse",
  description: "Override the SAML response for this login (SAML applications only). At most 100 attributes.",
  methods: [
    {
      name: "setAttribute",
      description: "Sets an attribute of the SAML assertion; `null` removes it. Name ≤ 1 KB, value ≤ 2 KB.",
      params: [
        { name: "attribute", schema: str, description: "Attribute name, usually a claim URI." },
        { name: "value", schema: SamlAttributeValue, description: "Value; `null` removes the attribute." }
      ],
      returns: { kind: "void" }
    },
    setter("setAudience", "audience", str, "Sets the audience of the assertion (default: issuer of the SAMLRequest).", "Audience."),
    setter(
      "setRecipient",
      "recipient",
      str,
      "Sets the recipient (SubjectConfirmationData); default: the AssertionConsumerService URL.",
      "Recipient URL."
    ),
    setter("setCreateUpnClaim", "createUpnClaim", bool, "Whether to create a UPN claim (default true).", "Create it?"),
    setter(
      "setPassthroughClaimsWithNoMapping",
      "passthroughClaimsWithNoMapping",
      bool,
      "Whether claims not mapped to the profile are passed through (default true).",
      "Pass them through?"
    ),
    setter(
      "setMapUnknownClaimsAsIs",
      "mapUnknownClaimsAsIs",
      bool,
      "Whether passed-through claims keep their names instead of gaining the `http://schema.auth0.com` prefix (default false).",
      "Keep names as-is?"
    ),
    setter(
      "setMapIdentities",
      "mapIdentities",
      bool,
      "Whether to add identity details (provider, access token) to the assertion (default true).",
      "Map identities?"
    ),
    setter(
      "setSignatureAlgorithm",
      "signatureAlgorithm",
      stringEnum(["rsa-sha256", "rsa-sha1"]),
      "Sets the signature algorithm (default `rsa-sha256`; `rsa-sha1` is deprecated).",
      "The algorithm."
    ),
    setter(
      "setDigestAlgorithm",
      "digestAlgorithm",
      stringEnum(["sha256", "sha1"]),
      "Sets the digest algorithm (default `sha256`; `sha1` is deprecated).",
      "The algorithm."
    ),
    setter("setDestination", "destination", str, "Sets the Destination of the response.", "Destination URL."),
    setter(
      "setLifetimeInSeconds",
      "lifetimeInSeconds",
      Type16.Number(),
      "Sets how long the assertion is valid (default 3600 seconds).",
      "Lifetime in seconds."
    ),
    setter(
      "setSignResponse",
      "signResponse",
      bool,
      "Whether to sign the whole response instead of the assertion (default false).",
      "Sign the response?"
    ),
    setter(
      "setNameIdentifierFormat",
      "nameIdentifierFormat",
      str,
      "Sets the NameID format (default `urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified`).",
      "Format URN."
    ),
    setter(
      "setNameIdentifierProbes",
      "nameIdentifierProbes",
      Type16.Array(str),
      "Sets the attributes tried in order for the NameID (default: nameidentifier, emailaddress, name).",
      "Attribute URIs."
    ),
    setter(
      "setAuthnContextClassRef",
      "authnContextClassRef",
      str,
      "Sets the AuthnContextClassRef (default `urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified`).",
      "Class URN."
    ),
    setter(
      "setSigningCert",
      "signingCert",
      str,
      "Sets the certificate that validates signed SAML requests; requests must then be signed.",
      pem("certificate")
    ),
    setter(
      "setIncludeAttributeNameFormat",
      "includeAttributeNameFormat",
      bool,
      "Whether to infer and include the NameFormat of attributes (default true).",
      "Include it?"
    ),
    setter(
      "setTypedAttributes",
      "typedAttributes",
      bool,
      "Whether to infer `xs:type` of attribute values (default true; otherwise `xs:anyType`).",
      "Type attributes?"
    ),
    setter(
      "setEncryptionCert",
      "encryptionCert",
      str,
      "Sets the certificate used to encrypt the assertion (with `setEncryptionPublicKey`).",
      pem("certificate")
    ),
    setter(
      "setEncryptionPublicKey",
      "encryptionPublicKey",
      str,
      "Sets the public key used to encrypt the assertion (with `setEncryptionCert`).",
      pem("public key")
    ),
    setter("setCert", "cert", str, "Sets your own signing certificate (with `setKey`).", pem("certificate")),
    setter("setKey", "key", str, "Sets your own signing private key (with `setCert`); keep it in `event.secrets`.", pem("private key")),
    setter("setRelayState", "relayState", str, "Sets the RelayState returned to the service provider.", "RelayState."),
    setter("setIssuer", "issuer", str, "Sets the issuer of the assertion (default `urn:auth0:<tenant>`).", "Issuer."),
    setter(
      "setEncryptionAlgorithm",
      "encryptionAlgorithm",
      stringEnum(["aes256-gcm", "aes256-cbc"]),
      "Sets the algorithm used to encrypt the assertion.",
      "The algorithm."
    )
  ]
};
var epochMs = (what) => ({
  name: "absolute",
  schema: Type16.Number(),
  description: `${what}, in milliseconds since the Unix epoch.`
});
var metadataMethods = (owner) => [
  {
    name: "setMetadata",
    description: `Sets a key of the ${owner}’s metadata. Throws when the resulting metadata is invalid.`,
    params: [
      { name: "key", schema: Type16.String(), description: "Metadata key." },
      { name: "value", schema: nullable(Type16.String()), description: "String value; `null` removes the key." }
    ],
    returns: { kind: "void" }
  },
  {
    name: "deleteMetadata",
    description: `Removes a key from the ${owner}’s metadata.`,
    params: [{ name: "key", schema: Type16.String(), description: "Metadata key." }],
    returns: { kind: "void" }
  },
  {
    name: "evictMetadata",
    description: `Removes all keys from the ${owner}’s metadata.`,
    params: [],
    returns: { kind: "void" }
  }
];
var expiryMethods = (owner) => [
  {
    name: "setExpiresAt",
    description: `Sets when the ${owner} expires. Capped by tenant settings; the earliest of several calls wins.`,
    params: [epochMs("New absolute expiry")],
    returns: { kind: "void" }
  },
  {
    name: "setIdleExpiresAt",
    description: `Sets when the ${owner} expires if unused. Capped by tenant settings; the earliest of several calls wins.`,
    params: [{ ...epochMs("New idle expiry"), name: "inactivity" }],
    returns: { kind: "void" }
  }
];
var refreshTokenApi = {
  name: "refreshToken",
  description: "[Enterprise] Change the refresh token being exchanged.",
  methods: [
    {
      name: "revoke",
      description: 'Revokes the refresh token and denies this exchange; actions after this one do not run. Only when `event.transaction.protocol === "oauth2-refresh-token"`.',
      params: [{ name: "reason", schema: Type16.String(), description: "Why; may be shown to the user." }],
      returns: { kind: "void" }
    },
    ...expiryMethods("refresh token"),
    ...metadataMethods("refresh token")
  ]
};
var sessionApi = {
  name: "session",
  description: "[Enterprise] Change the current session.",
  methods: [
    {
      name: "revoke",
      description: "Revokes the session and denies this login; actions after this one do not run.",
      params: [
        { name: "reason", schema: Type16.String(), description: "Why; may be shown to the user." },
        {
          name: "options",
          schema: Type16.Object(
            {
              preserveRefreshTokens: Type16.Optional(
                Type16.Boolean({ description: "Keep the session’s refresh tokens valid.", default: false })
              )
            },
            { description: "Revocation options." }
          ),
          optional: true,
          description: "Revocation options."
        }
      ],
      returns: { kind: "void" }
    },
    ...expiryMethods("session"),
    {
      name: "setCookieMode",
      description: "[Early Access] Makes the session cookie `persistent` or `non-persistent` (deleted when the browser closes). The last call wins.",
      params: [
        { name: "mode", schema: stringEnum(["persistent", "non-persistent"]), description: "The cookie mode." }
      ],
      returns: { kind: "void" }
    },
    ...metadataMethods("session")
  ]
};

// src/triggers/definitions/post-login-v3-api.ts
var claimParams = (token) => [
  {
    name: "key",
    schema: Type17.String(),
    description: "Claim name; use a namespaced URL (e.g. `https://example.com/roles`) to avoid reserved names."
  },
  { name: "value", schema: Type17.Unknown(), description: `Any JSON value for the claim in the ${token}.` }
];
var EnrollWithOptions = localType(
  "EnrollWithOptions",
  Type17.Object(
    {
      additionalFactors: Type17.Optional(
        Type17.Array(EnrollmentFactorSelector, { description: "Other factors the user may enroll instead." })
      )
    },
    { description: "Options of `enrollWith`." }
  )
);
var EnableMultifactorOptions = localType(
  "EnableMultifactorOptions",
  Type17.Object(
    {
      allowRememberBrowser: Type17.Optional(
        Type17.Boolean({
          description: "Let the user skip MFA on this browser for a while (30 days for authenticator apps and Duo).",
          default: false
        })
      ),
      providerOptions: Type17.Optional(
        Type17.Object(
          {
            host: Type17.String({ description: "Duo API host name." }),
            ikey: Type17.String({ description: "Duo integration key." }),
            skey: Type17.String({ description: "Duo secret key; keep it in `event.secrets`." }),
            username: Type17.Optional(Type17.String({ description: "Duo username; defaults to the user id." }))
          },
          { description: "Duo settings; only for the `duo` provider." }
        )
      )
    },
    { description: "Options of `multifactor.enable`." }
  )
);
var enrollSemantics = "Later actions do not run until the enrollment is done. Factors not enabled on the tenant or already enrolled are ignored; if none is usable the login fails.";
var postLoginApi = [
  {
    name: "access",
    description: "Control whether the user may log in.",
    methods: [
      {
        name: "deny",
        description: "Denies the login: the application receives `access_denied` with `reason` as `error_description`. Actions after this one do not run; metadata changes already requested are still saved.",
        params: [{ name: "reason", schema: Type17.String(), description: "Why; may be shown to the user." }],
        returns: { kind: "api" }
      }
    ]
  },
  {
    name: "accessToken",
    description: "Change the access token that will be issued.",
    methods: [
      {
        name: "setCustomClaim",
        description: "Adds a custom claim to the access token. Standard claims cannot be removed or overridden.",
        params: claimParams("access token"),
        returns: { kind: "api" }
      },
      {
        name: "addScope",
        description: "Adds a scope to the access token. Throws when the scope is invalid.",
        params: [{ name: "scope", schema: Type17.String(), description: "The scope to add." }],
        returns: { kind: "void" }
      },
      {
        name: "removeScope",
        description: "Removes a scope from the access token. Throws when the scope is invalid.",
        params: [{ name: "scope", schema: Type17.String(), description: "The scope to remove." }],
        returns: { kind: "void" }
      }
    ]
  },
  {
    name: "authentication",
    description: "Change the authentication state of the session: MFA, custom methods, account linking.",
    methods: [
      ...challengeMethods,
      {
        name: "enrollWith",
        description: `Asks the user to enroll \`factor\` (or one of \`additionalFactors\`) now. ${enrollSemantics}`,
        params: [
          { name: "factor", schema: EnrollmentFactorSelector, description: "The factor to enroll first." },
          { name: "options", schema: EnrollWithOptions, optional: true, description: "Other factors to offer." }
        ],
        returns: { kind: "void" }
      },
      {
        name: "enrollWithAny",
        description: `Shows a factor picker and asks the user to enroll any of \`factors\`. ${enrollSemantics}`,
        params: [
          { name: "factors", schema: Type17.Array(EnrollmentFactorSelector), description: "Factors to offer." }
        ],
        returns: { kind: "void" }
      },
      {
        name: "recordMethod",
        description: "Records that a custom authentication method was completed in this session; it then appears in `event.authentication.methods`. Only allowed in `onContinuePostLogin` (after a redirect).",
        params: [
          {
            name: "provider_url",
            schema: Type17.String(),
            description: "An http(s) URL that identifies the method."
          }
        ],
        returns: { kind: "api" },
        onlyIn: ["continue"]
      },
      {
        name: "setPrimaryUser",
        description: "Switches the user tokens are issued for (the `sub`) after account linking. The identity used to log in must be a secondary identity of that user. At most once per transaction; `user_metadata` set in the same action is discarded. Linking insecurely lets attackers take over accounts.",
        params: [{ name: "primary_user_id", schema: Type17.String(), description: "Id of the primary user (≤ 128 chars)." }],
        returns: { kind: "void" }
      }
    ]
  },
  {
    name: "idToken",
    description: "Change the ID token that will be issued.",
    methods: [
      {
        name: "setCustomClaim",
        description: "Adds a custom claim to the ID token. Standard claims cannot be removed or overridden.",
        params: claimParams("ID token"),
        returns: { kind: "api" }
      }
    ]
  },
  {
    name: "multifactor",
    description: "Require multifactor authentication the legacy way (deferred to the end of the flow).",
    methods: [
      {
        name: "enable",
        description: "Requires MFA with `provider` for this login; the challenge happens at the end of the flow. Prefer `api.authentication.challengeWith`.",
        params: [
          {
            name: "provider",
            schema: stringEnum(["any", "none", "guardian", "google-authenticator", "duo"]),
            description: "The MFA provider, or `any` for any configured one."
          },
          { name: "options", schema: EnableMultifactorOptions, optional: true, description: "Provider options." }
        ],
        returns: { kind: "api" }
      }
    ]
  },
  redirectApi({
    flow: "login",
    continueHandler: "onContinuePostLogin",
    sendUserToReturns: { kind: "api" },
    withCanRedirect: true
  }),
  userMetadataApi("at the end of the flow (or before a redirect)"),
  cacheApi,
  samlResponseApi,
  {
    name: "validation",
    description: "Fail the login with a custom error code.",
    methods: [
      {
        name: "error",
        description: "Fails the login with a custom error code and message. Actions after this one do not run.",
        params: [
          { name: "errorCode", schema: Type17.String(), description: "Your error code (logged and returned)." },
          { name: "errorMessage", schema: Type17.String(), description: "Your message; may be shown to the user." }
        ],
        returns: { kind: "api" }
      }
    ]
  },
  {
    name: "rules",
    description: "Helpers for migrating from Auth0 Rules.",
    methods: [
      {
        name: "wasExecuted",
        description: "Whether the Rule with this id already ran in this transaction. Actuate has no Rules: always false.",
        params: [{ name: "ruleId", schema: Type17.String(), description: "Id of the Rule." }],
        returns: { kind: "value", schema: Type17.Boolean() }
      }
    ]
  },
  promptApi("onContinuePostLogin"),
  refreshTokenApi,
  sessionApi,
  groupsApi,
  rolesApi,
  {
    name: "transaction",
    description: "Share data between the actions of this transaction.",
    methods: [
      {
        name: "setMetadata",
        description: "Sets `event.transaction.metadata[key]`, visible at once to this and later actions; not persisted. Keys ≤ 64 chars, values ≤ 8 KB, total ≤ 16 KB.",
        params: [
          { name: "key", schema: Type17.String(), description: "Metadata key." },
          {
            name: "value",
            schema: nullable(TransactionMetadataValue),
            description: "String, number or boolean; `null` removes the key."
          }
        ],
        returns: { kind: "void" }
      }
    ]
  }
];

// src/triggers/definitions/post-login-v3-event.ts
import { Type as Type18 } from "@sinclair/typebox";
var Client2 = localType(
  "Client",
  Type18.Object(
    {
      ...clientProperties,
      refresh_token: Type18.Optional(
        Type18.Object(
          {
            policies: Type18.Optional(
              Type18.Array(
                Type18.Object(
                  {
                    audience: Type18.Optional(Type18.String({ description: "The API (audience) the policy applies to." })),
                    scope: Type18.Optional(Type18.Array(Type18.String(), { description: "Scopes allowed for that API." }))
                  },
                  { description: "One multi-resource refresh token policy." }
                ),
                { description: "Policies for exchanging the refresh token for other APIs (MRRT)." }
              )
            )
          },
          { description: "[Early Access] Refresh token settings of the application." }
        )
      )
    },
    { description: "The application (OAuth client) the user is logging in to." }
  )
);
var Authentication2 = localType(
  "Authentication",
  Type18.Object(
    {
      methods: Type18.Array(AuthenticationMethod, {
        description: "Methods the user has completed in this session, e.g. `pwd` then `mfa`."
      }),
      riskAssessment: Type18.Optional(RiskAssessment)
    },
    { description: "Authentication facts of this login: completed methods and risk assessment." }
  )
);
var iso = (what) => Type18.Optional(Type18.String({ description: `${what} (ISO 8601).` }));
var Device = localType(
  "Device",
  Type18.Object(
    {
      initial_ip: Type18.Optional(Type18.String({ description: "First IP address seen." })),
      initial_asn: Type18.Optional(Type18.String({ description: "First autonomous system number seen." })),
      initial_user_agent: Type18.Optional(Type18.String({ description: "First user agent seen." })),
      last_ip: Type18.Optional(Type18.String({ description: "Most recent IP address." })),
      last_asn: Type18.Optional(Type18.String({ description: "Most recent autonomous system number." })),
      last_user_agent: Type18.Optional(Type18.String({ description: "Most recent user agent." }))
    },
    { description: "Devices seen for a session or refresh token: first and most recent." }
  )
);
var SessionTransfer = localType(
  "SessionTransfer",
  Type18.Object(
    {
      parent_refresh_token: Type18.Optional(
        Type18.Object(
          {
            id: Type18.Optional(Type18.String({ description: "Id of the refresh token the session was created from." })),
            metadata: Type18.Optional(freeForm("Metadata of that refresh token."))
          },
          { description: "The native app’s refresh token this session was created from." }
        )
      )
    },
    { description: "Set when the session was created by a session transfer token (native to web SSO)." }
  )
);
var Session = localType(
  "Session",
  Type18.Object(
    {
      id: Type18.String({ description: "Id of the session." }),
      user_id: Type18.Optional(Type18.String({ description: "Id of the user of the session." })),
      created_at: iso("When the session was created"),
      updated_at: iso("When the session was last updated"),
      authenticated_at: iso("When the session last authenticated"),
      last_interacted_at: iso("When the user last interacted with the session"),
      expires_at: iso("When the session expires"),
      idle_expires_at: iso("When the session expires if idle"),
      device: Type18.Optional(Device),
      clients: Type18.Optional(
        Type18.Array(
          Type18.Object({ client_id: Type18.String({ description: "Client id." }) }, { description: "An application." }),
          { description: "Applications that used this session." }
        )
      ),
      cookie: Type18.Optional(
        Type18.Object(
          {
            mode: stringEnum(["persistent", "non-persistent"], {
              description: "`non-persistent` cookies are deleted when the browser closes."
            })
          },
          { description: "How the session cookie is kept by the browser." }
        )
      ),
      metadata: Type18.Optional(freeForm("[Early Access] Metadata of the session (see `api.session.setMetadata`).")),
      actor: Type18.Optional(freeForm("The acting party, for delegated sessions.")),
      session_transfer: Type18.Optional(SessionTransfer)
    },
    { description: "The current session. Fields other than `id` are Enterprise features in Auth0." }
  )
);
var RefreshToken = localType(
  "RefreshToken",
  Type18.Object(
    {
      id: Type18.String({ description: "Id of the refresh token." }),
      client_id: Type18.Optional(Type18.String({ description: "Application the token was issued to." })),
      user_id: Type18.Optional(Type18.String({ description: "User the token belongs to." })),
      session_id: Type18.Optional(Type18.String({ description: "Session the token is bound to." })),
      created_at: Type18.String({ description: "When the token was created (ISO 8601)." }),
      expires_at: iso("When the token expires absolutely"),
      idle_expires_at: iso("When the token expires if unused"),
      last_exchanged_at: iso("When the token was last exchanged"),
      rotating: Type18.Optional(Type18.Boolean({ description: "Whether the token rotates on use." })),
      device: Type18.Optional(Device),
      resource_servers: Type18.Optional(
        Type18.Array(
          Type18.Object(
            {
              audience: Type18.String({ description: "Audience (API identifier)." }),
              scopes: Type18.String({ description: "Space-separated scopes granted for it." })
            },
            { description: "An API the token grants access to." }
          ),
          { description: "APIs the token grants access to." }
        )
      ),
      metadata: Type18.Optional(freeForm("Metadata of the token (see `api.refreshToken.setMetadata`).")),
      session_transfer: Type18.Optional(SessionTransfer)
    },
    { description: "[Enterprise] The refresh token being exchanged, on `oauth2-refresh-token` requests." }
  )
);
var SessionTransferToken = localType(
  "SessionTransferToken",
  Type18.Object(
    {
      client_id: Type18.String({ description: "Application that issued the token." }),
      scope: Type18.Array(Type18.String(), { description: "Scopes requested when the token was issued." }),
      request: Type18.Object(
        {
          ip: Type18.String({ description: "IP address of the request that issued the token." }),
          asn: Type18.Optional(Type18.String({ description: "Autonomous system number of that request." })),
          user_agent: Type18.Optional(Type18.String({ description: "User agent of that request." })),
          geoip: Type18.Optional(GeoIp)
        },
        { description: "The request that issued the token." }
      )
    },
    { description: "[Early Access] The session transfer token used for native-to-web SSO." }
  )
);
var postLoginEvent = Type18.Object(
  {
    user: User,
    client: Client2,
    connection: Connection,
    request: InteractiveRequest,
    stats: Stats,
    transaction: Type18.Optional(LoginTransaction),
    authentication: Type18.Optional(Authentication2),
    authorization: Type18.Optional(Authorization),
    organization: Type18.Optional(Organization),
    resource_server: Type18.Optional(ResourceServer),
    session: Type18.Optional(Session),
    refresh_token: Type18.Optional(RefreshToken),
    prompt: Type18.Optional(PromptData),
    security_context: Type18.Optional(SecurityContext),
    session_transfer_token: Type18.Optional(SessionTransferToken),
    agent: Type18.Optional(Agent),
    ...baseEventProperties
  },
  { description: "Everything known about the login before tokens are issued." }
);

// src/triggers/definitions/post-login-v3.ts
var postLoginV3 = {
  id: "post-login",
  version: "v3",
  mode: "sync",
  description: "Runs after a user authenticates and before tokens are issued: on every login, sign-up login, silent authentication and refresh-token exchange. Can deny the login, add claims, require MFA, or redirect the user and resume in `onContinuePostLogin`.",
  typeName: "PostLogin",
  handlers: { execute: "onExecutePostLogin", continue: "onContinuePostLogin" },
  event: postLoginEvent,
  api: postLoginApi,
  maxActionsPerFlow: 20
};

// src/triggers/definitions/post-user-registration-v2.ts
import { Type as Type19 } from "@sinclair/typebox";
var postUserRegistrationV2 = {
  id: "post-user-registration",
  version: "v2",
  mode: "async",
  description: "Runs asynchronously after a database or passwordless user was created (not for social connections). Cannot change the sign-up; use it to notify other systems. Failed runs are retried.",
  typeName: "PostUserRegistration",
  handlers: { execute: "onExecutePostUserRegistration" },
  event: Type19.Object(
    {
      user: UserProfile,
      connection: Connection,
      request: Type19.Optional(Request),
      transaction: Type19.Optional(SignupTransaction),
      authentication: Type19.Optional(RiskSignals),
      security_context: Type19.Optional(SecurityContext),
      ...baseEventProperties
    },
    { description: "The user that was just created." }
  ),
  api: [cacheApi],
  maxActionsPerFlow: 20
};

// src/triggers/definitions/pre-user-registration-v2.ts
import { Type as Type20 } from "@sinclair/typebox";
var preUserRegistrationV2 = {
  id: "pre-user-registration",
  version: "v2",
  mode: "sync",
  description: "Runs before a database or passwordless user is created (not for social or enterprise connections). Can block the sign-up with a message for the user, or set metadata the user is created with.",
  typeName: "PreUserRegistration",
  handlers: { execute: "onExecutePreUserRegistration" },
  event: Type20.Object(
    {
      user: PreRegistrationUser,
      connection: Connection,
      client: Type20.Optional(Client),
      request: RequestWithBody,
      transaction: Type20.Optional(SignupTransaction),
      authentication: Type20.Optional(RiskSignals),
      security_context: Type20.Optional(SecurityContext),
      ...baseEventProperties
    },
    { description: "The sign-up about to create a user." }
  ),
  api: [
    {
      name: "access",
      description: "Control whether the user may sign up.",
      methods: [
        {
          name: "deny",
          description: "Blocks the sign-up. Actions after this one do not run.",
          params: [
            { name: "reason", schema: Type20.String(), description: "Internal reason, written to the tenant logs." },
            { name: "userMessage", schema: Type20.String(), description: "Message shown to the user." }
          ],
          returns: { kind: "api" }
        }
      ]
    },
    {
      name: "validation",
      description: "Reject the sign-up with a custom error code.",
      methods: [
        {
          name: "error",
          description: "Blocks the sign-up with your error code (logged) and message (shown to the user, e.g. in Universal Login). Actions after this one do not run.",
          params: [
            { name: "errorCode", schema: Type20.String(), description: "Your error code, written to the tenant logs." },
            { name: "errorMessage", schema: Type20.String(), description: "Message shown to the user." }
          ],
          returns: { kind: "api" }
        }
      ]
    },
    userMetadataApi("when the user is created (not supported for passwordless users)"),
    cacheApi
  ],
  maxActionsPerFlow: 20
};

// src/triggers/definitions/send-phone-message-v2.ts
import { Type as Type21 } from "@sinclair/typebox";
var MessageOptions = localType(
  "MessageOptions",
  Type21.Object(
    {
      action: stringEnum(["enrollment", "second-factor-authentication"], {
        description: "Why the message is sent: MFA enrollment or an MFA challenge."
      }),
      code: Type21.String({ description: "The one-time code the user must enter." }),
      message_type: stringEnum(["sms", "voice"], { description: "How to deliver the message." }),
      recipient: Type21.String({ description: "Phone number to send to (E.164)." }),
      text: Type21.String({ description: "Text of the message, with the code already in it." })
    },
    { description: "The message to deliver." }
  )
);
var sendPhoneMessageV2 = {
  id: "send-phone-message",
  version: "v2",
  mode: "sync",
  description: "Runs when Auth0 must send an MFA code by SMS or voice through a custom provider. The action delivers the message itself (e.g. with `fetch`); throwing fails the delivery.",
  typeName: "SendPhoneMessage",
  handlers: { execute: "onExecuteSendPhoneMessage" },
  event: Type21.Object(
    {
      message_options: MessageOptions,
      user: UserProfile,
      client: Type21.Optional(Client),
      request: Request,
      transaction: Type21.Optional(CorrelatedTransaction),
      security_context: Type21.Optional(SecurityContext),
      ...baseEventProperties
    },
    { description: "The MFA message to deliver." }
  ),
  api: [cacheApi],
  maxActionsPerFlow: 20
};

// src/triggers/registry.ts
var TRIGGERS = Object.freeze([
  postLoginV3,
  credentialsExchangeV2,
  passwordResetPostChallengeV1,
  preUserRegistrationV2,
  postUserRegistrationV2,
  postChangePasswordV2,
  sendPhoneMessageV2
]);
function getTrigger(id, version) {
  if (version !== void 0) return TRIGGERS.find((t) => t.id === id && t.version === version);
  let latest;
  for (const t of TRIGGERS) {
    if (t.id === id && (latest === void 0 || versionNumber(t.version) > versionNumber(latest.version))) latest = t;
  }
  return latest;
}
function listTriggerIds() {
  return [...new Set(TRIGGERS.map((t) => t.id))];
}
function versionNumber(version) {
  const n = Number(version.replace(/^v/, ""));
  return Number.isFinite(n) ? n : -1;
}

// src/triggers/hoisted-types.ts
import { Kind as Kind3 } from "@sinclair/typebox";

// src/triggers/json-schema.ts
import { Kind as Kind2, OptionalKind as OptionalKind2 } from "@sinclair/typebox";

// src/triggers/print-type.ts
import { Kind, OptionalKind, ReadonlyKind } from "@sinclair/typebox";
function printType(schema, ctx, indent = "", ignoreName = false) {
  const named = ignoreName ? void 0 : typeNameOf(schema);
  if (named !== void 0) return ctx.reference(named, schema);
  const kind = schema[Kind];
  switch (kind) {
    case "Object":
      return printObject(schema, ctx, indent);
    case "Record":
      return `Record<string, ${printType(recordValue(schema), ctx, indent)}>`;
    case "Union":
      return schema["anyOf"].map((s) => printType(s, ctx, indent)).join(" | ");
    case "Array": {
      const item = schema["items"];
      const text = printType(item, ctx, indent);
      return item[Kind] === "Union" && typeNameOf(item) === void 0 ? `Array<${text}>` : `${text}[]`;
    }
    case "Literal":
      return JSON.stringify(schema["const"]);
    case "String":
      return "string";
    case "Number":
    case "Integer":
      return "number";
    case "Boolean":
      return "boolean";
    case "Null":
      return "null";
    case "Undefined":
      return "undefined";
    case "Any":
      return "any";
    case "Unknown":
      return "unknown";
    default:
      throw new InternalError(`Cannot print TypeBox kind "${String(kind)}" as TypeScript; extend print-type.ts.`);
  }
}
function printMembers(schema, ctx, indent) {
  const lines = [];
  const properties = schema["properties"] ?? {};
  for (const [key, prop] of Object.entries(properties)) {
    lines.push(...printDoc(schemaDocLines(prop), indent));
    const readonly = prop[ReadonlyKind] === "Readonly" ? "readonly " : "";
    const optional = prop[OptionalKind] === "Optional" ? "?" : "";
    lines.push(`${indent}${readonly}${propertyKey(key)}${optional}: ${printType(prop, ctx, indent)};`);
  }
  const extra = schema["additionalProperties"];
  if (typeof extra === "object" && extra !== null) {
    lines.push(`${indent}[key: string]: ${printType(extra, ctx, indent)};`);
  }
  return lines;
}
function schemaDocLines(schema) {
  const lines = [];
  if (typeof schema.description === "string") lines.push(schema.description);
  if (schema.default !== void 0) lines.push(`@default ${JSON.stringify(schema.default)}`);
  const deprecated = schema["deprecated"];
  if (deprecated === true) lines.push("@deprecated");
  else if (typeof deprecated === "string") lines.push(`@deprecated ${deprecated}`);
  return lines;
}
function printDoc(lines, indent) {
  const safe = lines.flatMap((l) => l.split("\n")).map((l) => l.replaceAll("*/", "*\\/"));
  if (safe.length === 0) return [];
  const firstTag = safe.findIndex((l) => l.startsWith("@"));
  if (firstTag > 0 && safe[firstTag - 1] !== "") safe.splice(firstTag, 0, "");
  const only = safe[0];
  if (safe.length === 1 && only !== void 0 && !only.startsWith("@") && only.length + indent.length < 110) {
    return [`${indent}/** ${only} */`];
  }
  return [`${indent}/**`, ...safe.map((l) => l === "" ? `${indent} *` : `${indent} * ${l}`), `${indent} */`];
}
function propertyKey(key) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}
function recordValue(schema) {
  const patterns = schema["patternProperties"];
  const value = patterns === void 0 ? void 0 : Object.values(patterns)[0];
  if (value === void 0) throw new InternalError("Record schema without patternProperties");
  return value;
}
function printObject(schema, ctx, indent) {
  const members = printMembers(schema, ctx, `${indent}  `);
  return members.length === 0 ? "{}" : `{
${members.join("\n")}
${indent}}`;
}

// src/triggers/json-schema.ts
function toJsonSchema(schema) {
  const out = {};
  const name = typeNameOf(schema);
  if (name !== void 0) out["title"] = name.name;
  if (typeof schema.description === "string") out["description"] = schema.description;
  Object.assign(out, body2(schema));
  if (schema.default !== void 0) out["default"] = schema.default;
  if (schema["deprecated"] !== void 0) out["deprecated"] = true;
  return out;
}
function body2(schema) {
  const kind = schema[Kind2];
  switch (kind) {
    case "Object":
      return objectBody(schema);
    case "Record": {
      const value = recordValue(schema);
      return isAnything(value) ? { type: "object" } : { type: "object", additionalProperties: toJsonSchema(value) };
    }
    case "Union": {
      const members = schema["anyOf"];
      const consts = members.map((m) => m[Kind2] === "Literal" ? m["const"] : void 0);
      if (consts.every((c) => typeof c === "string")) return { type: "string", enum: consts };
      return { anyOf: members.map(toJsonSchema) };
    }
    case "Array":
      return { type: "array", items: toJsonSchema(schema["items"]) };
    case "Literal":
      return { type: typeof schema["const"], const: schema["const"] };
    case "String":
    case "Number":
    case "Integer":
    case "Boolean":
    case "Null":
      return { type: String(kind).toLowerCase() };
    case "Any":
    case "Unknown":
      return {};
    default:
      throw new InternalError(`Cannot express TypeBox kind "${String(kind)}" as JSON Schema; extend json-schema.ts.`);
  }
}
function objectBody(schema) {
  const properties = schema["properties"] ?? {};
  const out = { type: "object" };
  const props = {};
  const required = [];
  for (const [key, prop] of Object.entries(properties)) {
    props[key] = toJsonSchema(prop);
    if (prop[OptionalKind2] !== "Optional") required.push(key);
  }
  out["properties"] = props;
  if (required.length > 0) out["required"] = required;
  const extra = schema["additionalProperties"];
  if (typeof extra === "object" && extra !== null && !isAnything(extra)) {
    out["additionalProperties"] = toJsonSchema(extra);
  }
  return out;
}
function isAnything(schema) {
  return schema[Kind2] === "Any" || schema[Kind2] === "Unknown";
}

// src/triggers/hoisted-types.ts
var HoistedTypes = class {
  #qualifier;
  #schemas = /* @__PURE__ */ new Map();
  #printed = /* @__PURE__ */ new Map();
  constructor(qualifier) {
    this.#qualifier = qualifier;
  }
  /** Registers `schema` under `name` and returns its qualified name for use in type text. */
  add(name, schema) {
    const known = this.#schemas.get(name);
    if (known === void 0) this.#schemas.set(name, schema);
    else if (known !== schema && shapeOf(known) !== shapeOf(schema)) {
      throw new InternalError(`Two different schemas are named ${this.#qualifier}.${name}; give one another name.`);
    }
    return `${this.#qualifier}.${name}`;
  }
  /** Names registered so far, sorted. */
  names() {
    return [...this.#schemas.keys()].sort();
  }
  /** True while some registered type has not been printed yet. */
  pending() {
    return this.#printed.size < this.#schemas.size;
  }
  /** Prints every registered type not printed yet; printing may register more (here or elsewhere). */
  printPending(ctx, indent) {
    for (const [name, schema] of this.#schemas) {
      if (this.#printed.has(name)) continue;
      this.#printed.set(name, declare(name, schema, ctx, indent));
    }
  }
  /** All declarations, sorted by name so the output does not depend on discovery order. */
  declarations() {
    return [...this.#printed.keys()].sort().flatMap((name) => this.#printed.get(name) ?? []);
  }
};
function declare(name, schema, ctx, indent) {
  const doc = printDoc(schemaDocLines(schema), indent);
  if (schema[Kind3] === "Object") {
    return [...doc, `${indent}interface ${name} {`, ...printMembers(schema, ctx, `${indent}  `), `${indent}}`];
  }
  return [...doc, `${indent}type ${name} = ${printType(schema, ctx, indent, true)};`];
}
function shapeOf(schema) {
  const { description: _ignored, ...rest } = toJsonSchema(schema);
  return JSON.stringify(rest);
}

// src/triggers/sandbox-node-modules.ts
var CRYPTO = `declare module "crypto" {
  type BinaryLike = string | ArrayBufferView;
  type BinaryToTextEncoding = 'hex' | 'base64' | 'base64url' | 'latin1';
  interface Hash {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Hash;
    digest(): Buffer;
    digest(encoding: BinaryToTextEncoding): string;
    copy(): Hash;
  }
  interface Hmac {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Hmac;
    digest(): Buffer;
    digest(encoding: BinaryToTextEncoding): string;
  }
  /** A key held by the host. */
  interface KeyObject {
    readonly type: 'secret' | 'public' | 'private';
    readonly asymmetricKeyType?: string;
    readonly symmetricKeySize?: number;
    export(options?: { format?: 'pem' | 'der' | 'jwk'; type?: string }): Buffer | string | JsonWebKey;
    equals(other: KeyObject): boolean;
  }
  type KeyLike = string | Buffer | KeyObject;
  type KeyInput = KeyLike | { key: KeyLike | JsonWebKey; format?: 'pem' | 'der' | 'jwk'; type?: string; passphrase?: string };
  interface SignKeyInput {
    key: KeyLike;
    passphrase?: string;
    padding?: number;
    saltLength?: number;
    dsaEncoding?: 'der' | 'ieee-p1363';
  }
  interface Sign {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Sign;
    sign(privateKey: KeyLike | SignKeyInput): Buffer;
    sign(privateKey: KeyLike | SignKeyInput, outputFormat: BinaryToTextEncoding): string;
  }
  interface Verify {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Verify;
    verify(key: KeyLike | SignKeyInput, signature: ArrayBufferView): boolean;
    verify(key: KeyLike | SignKeyInput, signature: string, signatureEncoding?: BinaryToTextEncoding): boolean;
  }
  function createHash(algorithm: string): Hash;
  function createHmac(algorithm: string, key: BinaryLike | KeyObject): Hmac;
  function createSign(algorithm: string): Sign;
  function createVerify(algorithm: string): Verify;
  function sign(algorithm: string | null | undefined, data: ArrayBufferView, key: KeyLike | SignKeyInput): Buffer;
  function verify(
    algorithm: string | null | undefined,
    data: ArrayBufferView,
    key: KeyLike | SignKeyInput,
    signature: ArrayBufferView,
  ): boolean;
  function createSecretKey(key: ArrayBufferView | string, encoding?: BufferEncoding): KeyObject;
  function createPublicKey(key: KeyInput): KeyObject;
  function createPrivateKey(key: KeyInput): KeyObject;
  function randomBytes(size: number): Buffer;
  function randomBytes(size: number, callback: (error: Error | null, bytes: Buffer) => void): void;
  function randomUUID(): string;
  function randomInt(max: number): number;
  function randomInt(min: number, max: number): number;
  function timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean;
  function pbkdf2Sync(password: BinaryLike, salt: BinaryLike, iterations: number, keylen: number, digest: string): Buffer;
  function pbkdf2(
    password: BinaryLike,
    salt: BinaryLike,
    iterations: number,
    keylen: number,
    digest: string,
    callback: (error: Error | null, derivedKey: Buffer) => void,
  ): void;
  function getHashes(): string[];
  type CipherKey = BinaryLike | KeyObject;
  interface CipherOptions {
    authTagLength?: number;
  }
  /** What a cipher and a decipher share: update() returns what is ready, final() the rest. */
  interface CipherBase<Self, Input> {
    update(data: Input): Buffer;
    update(data: string, inputEncoding: BufferEncoding): Buffer;
    update(data: ArrayBufferView, inputEncoding: undefined, outputEncoding: BufferEncoding): string;
    update(data: string, inputEncoding: BufferEncoding | undefined, outputEncoding: BufferEncoding): string;
    final(): Buffer;
    final(outputEncoding: BufferEncoding): string;
    setAutoPadding(autoPadding?: boolean): Self;
    setAAD(buffer: ArrayBufferView, options?: { plaintextLength: number }): Self;
  }
  interface Cipher extends CipherBase<Cipher, BinaryLike> {
    getAuthTag(): Buffer;
  }
  interface Decipher extends CipherBase<Decipher, ArrayBufferView> {
    setAuthTag(buffer: ArrayBufferView | string, encoding?: BufferEncoding): Decipher;
  }
  function createCipheriv(algorithm: string, key: CipherKey, iv: BinaryLike | null, options?: CipherOptions): Cipher;
  function createDecipheriv(algorithm: string, key: CipherKey, iv: BinaryLike | null, options?: CipherOptions): Decipher;
  function getCiphers(): string[];
  interface ScryptOptions {
    N?: number;
    r?: number;
    p?: number;
    cost?: number;
    blockSize?: number;
    parallelization?: number;
    maxmem?: number;
  }
  function scryptSync(password: BinaryLike, salt: BinaryLike, keylen: number, options?: ScryptOptions): Buffer;
  function scrypt(password: BinaryLike, salt: BinaryLike, keylen: number, callback: (error: Error | null, derivedKey: Buffer) => void): void;
  function scrypt(password: BinaryLike, salt: BinaryLike, keylen: number, options: ScryptOptions, callback: (error: Error | null, derivedKey: Buffer) => void): void;
  function hkdfSync(digest: string, ikm: BinaryLike | KeyObject, salt: BinaryLike, info: BinaryLike, keylen: number): ArrayBuffer;
  function hkdf(digest: string, ikm: BinaryLike | KeyObject, salt: BinaryLike, info: BinaryLike, keylen: number, callback: (error: Error | null, derivedKey: ArrayBuffer) => void): void;
  type KeyPairType = 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448' | 'x25519' | 'x448';
  interface KeyEncoding {
    type?: 'pkcs1' | 'spki' | 'pkcs8' | 'sec1';
    format: 'pem' | 'der' | 'jwk';
    cipher?: string;
    passphrase?: string;
  }
  /** RSA up to 4096 bits in the sandbox (generation runs on the host's thread). */
  interface KeyPairOptions {
    modulusLength?: number;
    publicExponent?: number;
    namedCurve?: string;
    hashAlgorithm?: string;
    mgf1HashAlgorithm?: string;
    saltLength?: number;
    publicKeyEncoding?: KeyEncoding;
    privateKeyEncoding?: KeyEncoding;
  }
  function generateKeyPairSync(
    type: KeyPairType,
    options: KeyPairOptions & { publicKeyEncoding: { format: 'pem' }; privateKeyEncoding: { format: 'pem' } },
  ): { publicKey: string; privateKey: string };
  function generateKeyPairSync(type: KeyPairType, options?: KeyPairOptions & { publicKeyEncoding?: undefined; privateKeyEncoding?: undefined }): { publicKey: KeyObject; privateKey: KeyObject };
  function generateKeyPairSync(type: KeyPairType, options?: KeyPairOptions): { publicKey: any; privateKey: any };
  function generateKeyPair(type: KeyPairType, options: KeyPairOptions | undefined, callback: (error: Error | null, publicKey: any, privateKey: any) => void): void;
  function getRandomValues<T extends ArrayBufferView>(array: T): T;
  const webcrypto: Crypto;
  const subtle: SubtleCrypto;
}`;
var BUFFER = `declare module "buffer" {
  type Buffer = globalThis.Buffer;
  const Buffer: typeof globalThis.Buffer;
  const kMaxLength: number;
  const constants: { readonly MAX_LENGTH: number; readonly MAX_STRING_LENGTH: number };
  function atob(data: string): string;
  function btoa(data: string): string;
}`;
var EVENTS = `declare module "events" {
  type Listener = (...args: any[]) => void;
  class EventEmitter {
    constructor(options?: { captureRejections?: boolean });
    static defaultMaxListeners: number;
    static once(emitter: EventEmitter, eventName: string | symbol): Promise<any[]>;
    addListener(eventName: string | symbol, listener: Listener): this;
    on(eventName: string | symbol, listener: Listener): this;
    once(eventName: string | symbol, listener: Listener): this;
    prependListener(eventName: string | symbol, listener: Listener): this;
    prependOnceListener(eventName: string | symbol, listener: Listener): this;
    off(eventName: string | symbol, listener: Listener): this;
    removeListener(eventName: string | symbol, listener: Listener): this;
    removeAllListeners(eventName?: string | symbol): this;
    emit(eventName: string | symbol, ...args: any[]): boolean;
    listeners(eventName: string | symbol): Listener[];
    listenerCount(eventName: string | symbol): number;
    eventNames(): (string | symbol)[];
    setMaxListeners(n: number): this;
    getMaxListeners(): number;
  }
  import self = require("events");
  namespace EventEmitter {
    export { self as EventEmitter };
  }
  export = EventEmitter;
}`;
var UTIL = `declare module "util" {
  function promisify(fn: (...args: any[]) => void): (...args: any[]) => Promise<any>;
  function callbackify(fn: (...args: any[]) => Promise<any>): (...args: any[]) => void;
  function inherits(constructor: Function, superConstructor: Function): void;
  interface InspectOptions {
    depth?: number | null;
    showHidden?: boolean;
    colors?: boolean;
    customInspect?: boolean;
    showProxy?: boolean;
    maxArrayLength?: number | null;
    maxStringLength?: number | null;
    breakLength?: number;
    compact?: boolean | number;
    sorted?: boolean | ((a: string, b: string) => number);
    getters?: boolean | 'get' | 'set';
    numericSeparator?: boolean;
  }
  function inspect(value: unknown, options?: InspectOptions): string;
  function inspect(value: unknown, showHidden?: boolean, depth?: number | null, color?: boolean): string;
  namespace inspect {
    const custom: unique symbol;
    let defaultOptions: InspectOptions;
  }
  function format(format?: any, ...params: any[]): string;
  function formatWithOptions(inspectOptions: InspectOptions, format?: any, ...params: any[]): string;
  function isDeepStrictEqual(a: unknown, b: unknown): boolean;
  function deprecate<T extends Function>(fn: T, message: string, code?: string): T;
  const types: {
    isDate(value: unknown): value is Date;
    isRegExp(value: unknown): value is RegExp;
    isPromise(value: unknown): value is Promise<unknown>;
    isNativeError(value: unknown): value is Error;
    isUint8Array(value: unknown): value is Uint8Array;
    isArrayBuffer(value: unknown): value is ArrayBuffer;
    isTypedArray(value: unknown): boolean;
    isAsyncFunction(value: unknown): boolean;
  };
  const TextEncoder: typeof globalThis.TextEncoder;
  type TextEncoder = globalThis.TextEncoder;
  const TextDecoder: typeof globalThis.TextDecoder;
  type TextDecoder = globalThis.TextDecoder;
}`;
var URL_MODULE = `declare module "url" {
  const URL: typeof globalThis.URL;
  type URL = globalThis.URL;
  const URLSearchParams: typeof globalThis.URLSearchParams;
  type URLSearchParams = globalThis.URLSearchParams;
  interface UrlObject {
    protocol?: string | null;
    slashes?: boolean | null;
    auth?: string | null;
    host?: string | null;
    hostname?: string | null;
    port?: string | number | null;
    pathname?: string | null;
    search?: string | null;
    query?: string | null | Record<string, any>;
    hash?: string | null;
    href?: string | null;
  }
  interface Url {
    protocol: string | null;
    slashes: boolean | null;
    auth: string | null;
    host: string | null;
    hostname: string | null;
    port: string | null;
    pathname: string | null;
    search: string | null;
    query: string | null | Record<string, string | string[] | undefined>;
    hash: string | null;
    href: string;
    path: string | null;
  }
  function parse(url: string, parseQueryString?: boolean): Url;
  function format(url: string | UrlObject | globalThis.URL): string;
  function resolve(from: string, to: string): string;
}`;
var QUERYSTRING = `declare module "querystring" {
  interface ParsedUrlQuery {
    [key: string]: string | string[] | undefined;
  }
  type ParsedUrlQueryInput = Record<
    string,
    string | number | boolean | readonly string[] | readonly number[] | readonly boolean[] | null | undefined
  >;
  function parse(str: string, sep?: string, eq?: string, options?: { maxKeys?: number }): ParsedUrlQuery;
  function stringify(obj?: ParsedUrlQueryInput, sep?: string, eq?: string): string;
  function escape(str: string): string;
  function unescape(str: string): string;
  const decode: typeof parse;
  const encode: typeof stringify;
}`;
var NODE_PREFIXED = ["buffer", "crypto", "querystring", "url", "util"].map((m) => `declare module "node:${m}" {
  export * from "${m}";
}`).concat(['declare module "node:events" {\n  import events = require("events");\n  export = events;\n}']).join("\n");
var SANDBOX_NODE_MODULES = [
  "// Node built-in modules of the Actuate sandbox (also with the `node:` prefix).",
  CRYPTO,
  BUFFER,
  EVENTS,
  UTIL,
  URL_MODULE,
  QUERYSTRING,
  NODE_PREFIXED,
  ""
].join("\n");

// src/triggers/sandbox-stream-apis.ts
var SANDBOX_STREAM_APIS = `/**
 * A minimal process with no access to the host: \`env\` is empty but for NODE_ENV, which reads
 * "production"; \`platform\` is "browser", \`version\` is empty; nextTick, hrtime and uptime work;
 * \`stdout\` and \`stderr\` write to the action's console.
 */
declare var process: {
  readonly env: Record<string, string | undefined>;
  readonly argv: string[];
  readonly platform: string;
  readonly version: string;
  readonly versions: Record<string, string | undefined>;
  readonly browser: boolean;
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
  hrtime: { (previous?: [number, number]): [number, number]; bigint(): bigint };
  uptime(): number;
  cwd(): string;
  emitWarning(warning: string | Error, ...args: any[]): void;
  /** Writes go to the action's console: a line per write (one trailing newline dropped); never a terminal. */
  readonly stdout: { readonly isTTY: false; readonly fd: 1; write(chunk: string | Uint8Array, encoding?: string | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean };
  /** Like \`stdout\`, as console.error. */
  readonly stderr: { readonly isTTY: false; readonly fd: 2; write(chunk: string | Uint8Array, encoding?: string | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean };
};

interface Event {
  readonly type: string;
  readonly target: any;
  readonly currentTarget: any;
  readonly defaultPrevented: boolean;
  readonly timeStamp: number;
  preventDefault(): void;
  stopPropagation(): void;
  stopImmediatePropagation(): void;
}
declare var Event: { prototype: Event; new (type: string, init?: { bubbles?: boolean; cancelable?: boolean; composed?: boolean }): Event };
type EventListenerLike = ((event: any) => any) | { handleEvent(event: any): any };
interface EventTarget {
  addEventListener(type: string, listener: EventListenerLike | null, options?: boolean | { once?: boolean; capture?: boolean; signal?: AbortSignal }): void;
  removeEventListener(type: string, listener: EventListenerLike | null, options?: boolean | { capture?: boolean }): void;
  dispatchEvent(event: Event): boolean;
}
declare var EventTarget: { prototype: EventTarget; new (): EventTarget };

interface QueuingStrategy<T = any> {
  highWaterMark?: number;
  size?(chunk: T): number;
}
declare var CountQueuingStrategy: { prototype: QueuingStrategy; new (init: { highWaterMark: number }): QueuingStrategy };
declare var ByteLengthQueuingStrategy: { prototype: QueuingStrategy<ArrayBufferView>; new (init: { highWaterMark: number }): QueuingStrategy<ArrayBufferView> };
type ReadableStreamReadResult<T> = { done: false; value: T } | { done: true; value?: undefined };
interface ReadableStreamDefaultReader<R = any> {
  readonly closed: Promise<undefined>;
  read(): Promise<ReadableStreamReadResult<R>>;
  releaseLock(): void;
  cancel(reason?: any): Promise<void>;
}
interface ReadableStreamDefaultController<R = any> {
  readonly desiredSize: number | null;
  enqueue(chunk?: R): void;
  close(): void;
  error(e?: any): void;
}
interface UnderlyingSource<R = any> {
  start?(controller: ReadableStreamDefaultController<R>): any;
  pull?(controller: ReadableStreamDefaultController<R>): void | PromiseLike<void>;
  cancel?(reason?: any): void | PromiseLike<void>;
}
interface StreamPipeOptions {
  preventAbort?: boolean;
  preventCancel?: boolean;
  preventClose?: boolean;
  signal?: AbortSignal;
}
interface ReadableWritablePair<R = any, W = any> {
  readable: ReadableStream<R>;
  writable: WritableStream<W>;
}
interface ReadableStream<R = any> {
  readonly locked: boolean;
  cancel(reason?: any): Promise<void>;
  getReader(): ReadableStreamDefaultReader<R>;
  pipeThrough<T>(transform: ReadableWritablePair<T, R>, options?: StreamPipeOptions): ReadableStream<T>;
  pipeTo(destination: WritableStream<R>, options?: StreamPipeOptions): Promise<void>;
  tee(): [ReadableStream<R>, ReadableStream<R>];
  values(options?: { preventCancel?: boolean }): AsyncIterableIterator<R>;
  [Symbol.asyncIterator](options?: { preventCancel?: boolean }): AsyncIterableIterator<R>;
}
/** WHATWG streams (web-streams-polyfill); compiled in a context the first time one is made (≈15 ms). */
declare var ReadableStream: {
  prototype: ReadableStream;
  new <R = any>(source?: UnderlyingSource<R>, strategy?: QueuingStrategy<R>): ReadableStream<R>;
  from<R>(iterable: Iterable<R> | AsyncIterable<R>): ReadableStream<R>;
};
interface WritableStreamDefaultController {
  readonly signal: AbortSignal;
  error(e?: any): void;
}
interface UnderlyingSink<W = any> {
  start?(controller: WritableStreamDefaultController): any;
  write?(chunk: W, controller: WritableStreamDefaultController): void | PromiseLike<void>;
  close?(): void | PromiseLike<void>;
  abort?(reason?: any): void | PromiseLike<void>;
}
interface WritableStreamDefaultWriter<W = any> {
  readonly closed: Promise<undefined>;
  readonly desiredSize: number | null;
  readonly ready: Promise<undefined>;
  abort(reason?: any): Promise<void>;
  close(): Promise<void>;
  releaseLock(): void;
  write(chunk?: W): Promise<void>;
}
interface WritableStream<W = any> {
  readonly locked: boolean;
  abort(reason?: any): Promise<void>;
  close(): Promise<void>;
  getWriter(): WritableStreamDefaultWriter<W>;
}
declare var WritableStream: { prototype: WritableStream; new <W = any>(sink?: UnderlyingSink<W>, strategy?: QueuingStrategy<W>): WritableStream<W> };
interface TransformStreamDefaultController<O = any> {
  readonly desiredSize: number | null;
  enqueue(chunk?: O): void;
  error(reason?: any): void;
  terminate(): void;
}
interface Transformer<I = any, O = any> {
  start?(controller: TransformStreamDefaultController<O>): any;
  transform?(chunk: I, controller: TransformStreamDefaultController<O>): void | PromiseLike<void>;
  flush?(controller: TransformStreamDefaultController<O>): void | PromiseLike<void>;
}
interface TransformStream<I = any, O = any> {
  readonly readable: ReadableStream<O>;
  readonly writable: WritableStream<I>;
}
declare var TransformStream: {
  prototype: TransformStream;
  new <I = any, O = any>(transformer?: Transformer<I, O>, writableStrategy?: QueuingStrategy<I>, readableStrategy?: QueuingStrategy<O>): TransformStream<I, O>;
};
interface TextEncoderStream extends TransformStream<string, Uint8Array> {
  readonly encoding: string;
}
declare var TextEncoderStream: { prototype: TextEncoderStream; new (): TextEncoderStream };
interface TextDecoderStream extends TransformStream<ArrayBufferView | ArrayBuffer, string> {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
}
declare var TextDecoderStream: { prototype: TextDecoderStream; new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoderStream };

interface ProgressEvent extends Event {
  readonly lengthComputable: boolean;
  readonly loaded: number;
  readonly total: number;
}
declare var ProgressEvent: { prototype: ProgressEvent; new (type: string, init?: { lengthComputable?: boolean; loaded?: number; total?: number }): ProgressEvent };
interface XMLHttpRequestEventTarget extends EventTarget {
  onabort: ((ev: ProgressEvent) => any) | null;
  onerror: ((ev: ProgressEvent) => any) | null;
  onload: ((ev: ProgressEvent) => any) | null;
  onloadend: ((ev: ProgressEvent) => any) | null;
  onloadstart: ((ev: ProgressEvent) => any) | null;
  onprogress: ((ev: ProgressEvent) => any) | null;
  ontimeout: ((ev: ProgressEvent) => any) | null;
}
interface XMLHttpRequest extends XMLHttpRequestEventTarget {
  onreadystatechange: ((ev: Event) => any) | null;
  readonly readyState: number;
  readonly response: any;
  readonly responseText: string;
  responseType: '' | 'arraybuffer' | 'blob' | 'json' | 'text';
  readonly responseURL: string;
  readonly status: number;
  readonly statusText: string;
  timeout: number;
  readonly upload: XMLHttpRequestEventTarget;
  withCredentials: boolean;
  abort(): void;
  getAllResponseHeaders(): string;
  getResponseHeader(name: string): string | null;
  /** Asynchronous only: passing false for async throws an InvalidAccessError. */
  open(method: string, url: string | URL, async?: boolean, username?: string | null, password?: string | null): void;
  overrideMimeType(mime: string): void;
  send(body?: BodyInit | null): void;
  setRequestHeader(name: string, value: string): void;
  readonly UNSENT: 0;
  readonly OPENED: 1;
  readonly HEADERS_RECEIVED: 2;
  readonly LOADING: 3;
  readonly DONE: 4;
}
/** Over the sandbox's fetch (egress policy, timeouts and size caps apply). */
declare var XMLHttpRequest: { prototype: XMLHttpRequest; new (): XMLHttpRequest; readonly UNSENT: 0; readonly OPENED: 1; readonly HEADERS_RECEIVED: 2; readonly LOADING: 3; readonly DONE: 4 };
`;

// src/triggers/sandbox-web-apis.ts
var SANDBOX_WEB_APIS = `// Globals of the Actuate sandbox (QuickJS): ES2023 plus the APIs below. No DOM, no Node globals.

interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  trace(...data: any[]): void;
}
/** Output is captured per action and stored with the execution record. */
declare var console: Console;

type BufferSource = ArrayBufferView | ArrayBuffer;
type HeadersInit = Headers | Record<string, string> | [string, string][];
type BodyInit = string | ArrayBuffer | ArrayBufferView | URLSearchParams | Blob | FormData | ReadableStream<Uint8Array>;

interface Headers {
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  getSetCookie(): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
  forEach(callback: (value: string, key: string, parent: Headers) => void): void;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
declare var Headers: { prototype: Headers; new (init?: HeadersInit): Headers };

interface Body {
  /** The body as a stream (read whole by the host; a stream given as a body is read before sending). */
  readonly body: ReadableStream<Uint8Array> | null;
  readonly bodyUsed: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
  bytes(): Promise<Uint8Array<ArrayBuffer>>;
  formData(): Promise<FormData>;
  json(): Promise<any>;
  text(): Promise<string>;
}

type BlobPart = string | Blob | ArrayBuffer | ArrayBufferView;
interface Blob {
  readonly size: number;
  readonly type: string;
  slice(start?: number, end?: number, contentType?: string): Blob;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
  bytes(): Promise<Uint8Array<ArrayBuffer>>;
  stream(): ReadableStream<Uint8Array>;
}
/** In memory. */
declare var Blob: { prototype: Blob; new (blobParts?: BlobPart[], options?: { type?: string }): Blob };
interface File extends Blob {
  readonly name: string;
  readonly lastModified: number;
}
declare var File: { prototype: File; new (fileBits: BlobPart[], fileName: string, options?: { type?: string; lastModified?: number }): File };
type FormDataEntryValue = File | string;
interface FormData {
  append(name: string, value: string | Blob, fileName?: string): void;
  delete(name: string): void;
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
  has(name: string): boolean;
  set(name: string, value: string | Blob, fileName?: string): void;
  forEach(callback: (value: FormDataEntryValue, key: string, parent: FormData) => void): void;
  entries(): IterableIterator<[string, FormDataEntryValue]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<FormDataEntryValue>;
  [Symbol.iterator](): IterableIterator<[string, FormDataEntryValue]>;
}
/** Sent by fetch as multipart/form-data. */
declare var FormData: { prototype: FormData; new (): FormData };
interface RequestInit {
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | null;
  signal?: AbortSignal | null;
  redirect?: 'follow' | 'error' | 'manual';
  /** Required ('half') when the body is a stream, as in Node. */
  duplex?: 'half';
}
interface Request extends Body {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  readonly redirect: 'follow' | 'error' | 'manual';
  clone(): Request;
}
declare var Request: { prototype: Request; new (input: string | URL | Request, init?: RequestInit): Request };
interface ResponseInit {
  status?: number;
  statusText?: string;
  headers?: HeadersInit;
}
interface Response extends Body {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly url: string;
  readonly redirected: boolean;
  clone(): Response;
}
declare var Response: {
  prototype: Response;
  new (body?: BodyInit | null, init?: ResponseInit): Response;
  json(data: unknown, init?: ResponseInit): Response;
  error(): Response;
  redirect(url: string | URL, status?: number): Response;
};
/**
 * HTTP request through the host. Subject to the runner's egress allow-list, timeouts and size caps;
 * a refused or timed-out request rejects with a TypeError.
 */
declare function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;

interface URL {
  hash: string;
  host: string;
  hostname: string;
  href: string;
  readonly origin: string;
  password: string;
  pathname: string;
  port: string;
  protocol: string;
  search: string;
  readonly searchParams: URLSearchParams;
  username: string;
  toString(): string;
  toJSON(): string;
}
declare var URL: {
  prototype: URL;
  new (url: string | URL, base?: string | URL): URL;
  canParse(url: string | URL, base?: string | URL): boolean;
};
interface URLSearchParams {
  readonly size: number;
  append(name: string, value: string): void;
  delete(name: string, value?: string): void;
  get(name: string): string | null;
  getAll(name: string): string[];
  has(name: string, value?: string): boolean;
  set(name: string, value: string): void;
  sort(): void;
  toString(): string;
  forEach(callback: (value: string, key: string, parent: URLSearchParams) => void): void;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}
declare var URLSearchParams: {
  prototype: URLSearchParams;
  new (init?: string | Record<string, string> | [string, string][] | URLSearchParams): URLSearchParams;
};

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: BufferSource, options?: { stream?: boolean }): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

/** The global object, by its web-worker name. */
declare var self: typeof globalThis;
declare function atob(data: string): string;
declare function btoa(data: string): string;
declare function setTimeout<A extends any[]>(handler: (...args: A) => void, timeout?: number, ...args: A): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval<A extends any[]>(handler: (...args: A) => void, timeout?: number, ...args: A): number;
declare function clearInterval(id: number | undefined): void;
declare function structuredClone<T>(value: T): T;

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: any;
  onabort: ((event: { type: 'abort' }) => void) | null;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: {
  prototype: AbortSignal;
  abort(reason?: any): AbortSignal;
  timeout(milliseconds: number): AbortSignal;
  any(signals: AbortSignal[]): AbortSignal;
};
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: any): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

type KeyUsage = 'encrypt' | 'decrypt' | 'sign' | 'verify' | 'deriveKey' | 'deriveBits' | 'wrapKey' | 'unwrapKey';
interface Algorithm {
  name: string;
}
type AlgorithmIdentifier = Algorithm | string;
interface HmacImportParams extends Algorithm {
  hash: AlgorithmIdentifier;
  length?: number;
}
interface RsaHashedImportParams extends Algorithm {
  hash: AlgorithmIdentifier;
}
interface EcKeyImportParams extends Algorithm {
  namedCurve: string;
}
interface RsaPssParams extends Algorithm {
  saltLength: number;
}
interface EcdsaParams extends Algorithm {
  hash: AlgorithmIdentifier;
}
type ImportAlgorithm = AlgorithmIdentifier | HmacImportParams | RsaHashedImportParams | EcKeyImportParams;
type SignAlgorithm = AlgorithmIdentifier | RsaPssParams | EcdsaParams;
interface JsonWebKey {
  kty?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  ext?: boolean;
  crv?: string;
  k?: string;
  n?: string;
  e?: string;
  d?: string;
  p?: string;
  q?: string;
  dp?: string;
  dq?: string;
  qi?: string;
  x?: string;
  y?: string;
}
/** A key held by the host; the sandbox only sees this handle. */
interface CryptoKey {
  readonly algorithm: Algorithm;
  readonly extractable: boolean;
  readonly type: 'secret' | 'public' | 'private';
  readonly usages: KeyUsage[];
}
interface SubtleCrypto {
  digest(algorithm: AlgorithmIdentifier, data: BufferSource): Promise<ArrayBuffer>;
  importKey(
    format: 'jwk',
    keyData: JsonWebKey,
    algorithm: ImportAlgorithm,
    extractable: boolean,
    keyUsages: KeyUsage[],
  ): Promise<CryptoKey>;
  importKey(
    format: 'raw' | 'pkcs8' | 'spki',
    keyData: BufferSource,
    algorithm: ImportAlgorithm,
    extractable: boolean,
    keyUsages: KeyUsage[],
  ): Promise<CryptoKey>;
  sign(algorithm: SignAlgorithm, key: CryptoKey, data: BufferSource): Promise<ArrayBuffer>;
  verify(algorithm: SignAlgorithm, key: CryptoKey, signature: BufferSource, data: BufferSource): Promise<boolean>;
}
interface Crypto {
  readonly subtle: SubtleCrypto;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): \`\${string}-\${string}-\${string}-\${string}-\${string}\`;
}
declare var crypto: Crypto;

type BufferEncoding =
  | 'utf8' | 'utf-8' | 'hex' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'ascii' | 'utf16le' | 'ucs2';
/** Node's Buffer (a usable subset), a Uint8Array with encodings. */
interface Buffer extends Uint8Array<ArrayBuffer> {
  toString(encoding?: BufferEncoding, start?: number, end?: number): string;
  toJSON(): { type: 'Buffer'; data: number[] };
  equals(other: Uint8Array): boolean;
  compare(other: Uint8Array): number;
  copy(target: Uint8Array, targetStart?: number, sourceStart?: number, sourceEnd?: number): number;
  write(value: string, offset?: number, length?: number, encoding?: BufferEncoding): number;
  slice(start?: number, end?: number): Buffer;
  subarray(start?: number, end?: number): Buffer;
  readUInt8(offset?: number): number;
  readUInt16BE(offset?: number): number;
  readUInt32BE(offset?: number): number;
  readInt32BE(offset?: number): number;
  writeUInt8(value: number, offset?: number): number;
  writeUInt16BE(value: number, offset?: number): number;
  writeUInt32BE(value: number, offset?: number): number;
  writeInt32BE(value: number, offset?: number): number;
}
declare var Buffer: {
  prototype: Buffer;
  from(data: string, encoding?: BufferEncoding): Buffer;
  from(data: ArrayBuffer | ArrayBufferView | readonly number[]): Buffer;
  alloc(size: number, fill?: number | string, encoding?: BufferEncoding): Buffer;
  allocUnsafe(size: number): Buffer;
  byteLength(data: string | ArrayBuffer | ArrayBufferView, encoding?: BufferEncoding): number;
  concat(list: readonly Uint8Array[], totalLength?: number): Buffer;
  compare(a: Uint8Array, b: Uint8Array): number;
  isBuffer(value: unknown): value is Buffer;
  isEncoding(encoding: string): encoding is BufferEncoding;
};
`;

// src/triggers/sandbox-globals.ts
var SANDBOX_BUILTIN_MODULES = ["buffer", "crypto", "events", "querystring", "url", "util"];
var COMMONJS = `declare namespace Actuate {
  /**
   * What \`exports\` / \`module.exports\` hold. Open on purpose; a type-checker may merge handler
   * signatures into it so \`exports.onExecutePostLogin = async (event, api) => {}\` is typed.
   */
  interface ModuleExports {
    [name: string]: any;
  }
  /** \`require\` of the sandbox: declared npm packages and the built-in modules below. */
  interface Require {
${requireOverloads()}
    (id: string): any;
  }
}
declare var require: Actuate.Require;
declare var module: { exports: Actuate.ModuleExports; readonly id: string };
declare var exports: Actuate.ModuleExports;
`;
var SANDBOX_TSCONFIG = Object.freeze({
  target: "ES2022",
  lib: ["ES2023"],
  types: [],
  module: "preserve",
  moduleResolution: "bundler",
  moduleDetection: "force",
  esModuleInterop: true,
  allowJs: true,
  checkJs: true,
  strict: true,
  noEmit: true,
  skipLibCheck: true
});
function generateSandboxGlobals() {
  return `${SANDBOX_WEB_APIS}
${SANDBOX_STREAM_APIS}
${COMMONJS}
${SANDBOX_NODE_MODULES}`;
}
function requireOverloads() {
  return SANDBOX_BUILTIN_MODULES.map(
    (m) => `    (id: '${m}' | 'node:${m}'): typeof import('${m}');`
  ).join("\n");
}

// src/triggers/generate-declarations.ts
var DECLARATIONS_HEADER = "// Generated by Actuate from its trigger definitions. Do not edit.";
function generateDeclarations(defs = TRIGGERS) {
  const shared = new HoistedTypes("Actuate.Shared");
  const triggerBlocks = defs.map((def) => printTrigger(def, shared));
  const sharedCtx = {
    reference: (info, schema) => {
      if (info.scope === "shared") return shared.add(info.name, schema);
      throw new InternalError(`Shared type refers to trigger-local type ${info.name}; make it shared.`);
    }
  };
  while (shared.pending()) shared.printPending(sharedCtx, "    ");
  const out = [
    DECLARATIONS_HEADER,
    "",
    "/** Types of Actuate actions: one namespace per trigger version, plus building blocks they share. */",
    "declare namespace Actuate {",
    "  /** Building blocks several triggers share (users, requests, clients…). */",
    "  namespace Shared {",
    ...shared.declarations(),
    "  }",
    ...triggerBlocks.flatMap((b) => ["", ...b.namespace]),
    ...currentVersions(defs).flatMap((def) => ["", ...aliasNamespace(def, triggerBlocks)]),
    "}",
    ...triggerBlocks.flatMap((b) => ["", ...moduleBlock(b)]),
    ""
  ];
  return out.join("\n");
}
function eventTypeRef(def) {
  return `Actuate.${typeNamespace(def)}.Event`;
}
function apiTypeRef(def) {
  return `Actuate.${typeNamespace(def)}.API`;
}
function handlerTypeRef(def, kind) {
  if (kind === "continue" && def.handlers.continue === void 0) {
    throw new InternalError(`${triggerKey(def)} has no continue handler`);
  }
  return `Actuate.${typeNamespace(def)}.${kind === "execute" ? "ExecuteHandler" : "ContinueHandler"}`;
}
function apiNamespaceTypeName(ns) {
  return `${ns.name.charAt(0).toUpperCase()}${ns.name.slice(1)}API`;
}
function printTrigger(def, shared) {
  const ns = typeNamespace(def);
  const local = new HoistedTypes(`Actuate.${ns}`);
  const ctx = {
    reference: (info, schema) => (info.scope === "shared" ? shared : local).add(info.name, schema)
  };
  const i = "    ";
  const handlerDoc = (name) => [
    `Signature of \`exports.${name}\` (or \`export const ${name}\`).`,
    "Auth0 awaits the returned promise; the flow fails on a rejection in sync triggers."
  ];
  const body3 = [
    ...printDoc([def.event.description ?? "The event.", "", `Event of \`${triggerKey(def)}\`.`], i),
    `${i}interface Event {`,
    ...printMembers(def.event, ctx, `${i}  `),
    `${i}}`,
    ...printDoc([`The \`api\` object of \`${triggerKey(def)}\`: calls are recorded and applied after the action.`], i),
    `${i}interface API {`,
    ...def.api.flatMap((n) => [...printDoc([n.description], `${i}  `), `${i}  readonly ${n.name}: ${apiNamespaceTypeName(n)};`]),
    `${i}}`,
    ...def.api.flatMap((n) => printApiNamespace(def, n, ctx, i)),
    ...printDoc(handlerDoc(def.handlers.execute), i),
    `${i}type ExecuteHandler = (event: Event, api: API) => Promise<void> | void;`
  ];
  if (def.handlers.continue !== void 0) {
    body3.push(
      ...printDoc([...handlerDoc(def.handlers.continue), "Called when the flow resumes after a redirect or prompt."], i),
      `${i}type ContinueHandler = (event: Event, api: API) => Promise<void> | void;`
    );
  }
  while (local.pending()) local.printPending(ctx, i);
  body3.push(...local.declarations());
  const fixed = ["Event", "API", "ExecuteHandler", ...def.handlers.continue ? ["ContinueHandler"] : []];
  const typeNames = [...fixed, ...def.api.map(apiNamespaceTypeName), ...local.names()];
  const duplicate = typeNames.find((n, k) => typeNames.indexOf(n) !== k);
  if (duplicate !== void 0) throw new InternalError(`Actuate.${ns}.${duplicate} is declared twice`);
  const namespace = [...printDoc([def.description, "", `\`${triggerKey(def)}\``], "  "), `  namespace ${ns} {`, ...body3, "  }"];
  return { def, namespace, typeNames };
}
function printApiNamespace(def, ns, ctx, i) {
  return [
    ...printDoc([ns.description, "", `\`api.${ns.name}\` of \`${triggerKey(def)}\`.`], i),
    `${i}interface ${apiNamespaceTypeName(ns)} {`,
    ...ns.methods.flatMap((m) => printMethod(def, m, ctx, `${i}  `)),
    `${i}}`
  ];
}
function printMethod(def, m, ctx, i) {
  const doc = [m.description];
  if (m.onlyIn !== void 0) {
    const names = m.onlyIn.map((k) => k === "execute" ? def.handlers.execute : def.handlers.continue);
    doc.push("", `Only allowed in ${names.map((n) => `\`${n}\``).join(" and ")}.`);
  }
  for (const p of m.params) doc.push(`@param ${p.name} ${p.description}`);
  if (m.returns.kind === "api") doc.push("@returns The `api` object, for chaining.");
  if (m.deprecated !== void 0) doc.push(`@deprecated ${m.deprecated}`);
  const params = m.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${printType(p.schema, ctx, i)}`).join(", ");
  let ret;
  if (m.returns.kind === "api") ret = "API";
  else if (m.returns.kind === "void") ret = "void";
  else {
    const value = printType(m.returns.schema, ctx, i);
    ret = m.returns.async ? `Promise<${value}>` : value;
  }
  return [...printDoc(doc, i), `${i}${m.name}(${params}): ${ret};`];
}
function currentVersions(defs) {
  const byId = /* @__PURE__ */ new Map();
  for (const def of defs) {
    const known = byId.get(def.id);
    if (known === void 0 || versionOf(def) > versionOf(known)) byId.set(def.id, def);
  }
  return defs.filter((d) => byId.get(d.id) === d);
}
function aliasNamespace(def, blocks) {
  const block = blocks.find((b) => b.def === def);
  if (block === void 0) throw new InternalError(`no block for ${triggerKey(def)}`);
  const target = `Actuate.${typeNamespace(def)}`;
  return [
    ...printDoc([`The current version of \`${def.id}\`: aliases of {@link ${target}}.`], "  "),
    `  namespace ${def.typeName} {`,
    ...block.typeNames.flatMap((n) => [...printDoc([`Alias of {@link ${target}.${n}}.`], "    "), `    type ${n} = ${target}.${n};`]),
    "  }"
  ];
}
function moduleBlock(block) {
  const { def } = block;
  const target = `Actuate.${typeNamespace(def)}`;
  const exports = /* @__PURE__ */ new Map([
    ["Event", `${target}.Event`],
    [`${def.typeName}API`, `${target}.API`],
    [`${def.typeName}Action`, `${target}.ExecuteHandler`],
    ["Secrets", `${target}.Event['secrets']`],
    ["Configuration", `NonNullable<${target}.Event['configuration']>`]
  ]);
  for (const n of block.typeNames) if (!exports.has(n)) exports.set(n, `${target}.${n}`);
  return [
    `/** Auth0's official type names for \`${triggerKey(def)}\`, backed by Actuate's definitions. */`,
    `declare module "@auth0/actions/${def.id}/${def.version}" {`,
    ...[...exports].map(([name, type]) => `  export type ${name} = ${type};`),
    "}"
  ];
}
function versionOf(def) {
  return Number(def.version.replace(/^v/, "")) || 0;
}

// src/compile/ajv.ts
import { Ajv as Ajv2 } from "ajv";
var ajv = new Ajv2({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
var cache = /* @__PURE__ */ new WeakMap();
function validatorFor(schema) {
  let v = cache.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    cache.set(schema, v);
  }
  return v;
}

// src/compile/schemas/actuate-config.ts
import { Type as Type22 } from "@sinclair/typebox";

// src/compile/schemas/limits.ts
var DEFAULT_LIMITS = {
  /** Auth0 binds at most 20 actions to one trigger. */
  maxActionsPerFlow: 20,
  /** Auth0: 30 secrets per action. */
  maxSecretsPerAction: 30,
  /** Auth0: 10 npm dependencies per action. */
  maxDependenciesPerAction: 10,
  /** Auth0's guideline is ~100 kB of code per action; larger bundles cost cold-start time in QuickJS. */
  bundleWarnBytes: 1e5,
  /** Hard cap on a bundle: above it the build fails (large vendor SDKs take seconds to load in QuickJS). */
  bundleMaxBytes: 5e6,
  /** Auth0: 20 s for a whole trigger execution. */
  flowTimeoutMs: 2e4,
  /** Per-action wall-clock default; an action may declare less. */
  actionTimeoutMs: 2e4,
  /** Per-action memory budget in MiB. */
  memoryMb: 64
};

// src/compile/schemas/actuate-config.ts
var limit = (key, description, minimum = 1) => Type22.Optional(Type22.Integer({ minimum, description: `${description} Default: ${DEFAULT_LIMITS[key]}.`, default: DEFAULT_LIMITS[key] }));
var ActuateConfigSchema = Type22.Object(
  {
    $schema: Type22.Optional(Type22.String({ description: "Path or URL of this JSON Schema, for editor validation and completion." })),
    root: Type22.Optional(
      Type22.String({
        pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$",
        description: 'Directory (relative to this file) that holds actions/ and flows/, when they do not sit next to actuate.json. Default: ".".'
      })
    ),
    limits: Type22.Optional(
      Type22.Object(
        {
          maxActionsPerFlow: limit("maxActionsPerFlow", "Most actions one flow may run (Auth0 allows 20)."),
          maxSecretsPerAction: limit("maxSecretsPerAction", "Most secrets one action may declare (Auth0 allows 30)."),
          maxDependenciesPerAction: limit("maxDependenciesPerAction", "Most npm dependencies one action may declare (Auth0 allows 10)."),
          bundleWarnBytes: limit("bundleWarnBytes", "Bundle size in bytes above which the build warns (large bundles load slowly in the sandbox)."),
          bundleMaxBytes: limit("bundleMaxBytes", "Bundle size in bytes above which the build fails."),
          flowTimeoutMs: limit("flowTimeoutMs", "Wall-clock budget in milliseconds for a whole flow (Auth0: 20000)."),
          actionTimeoutMs: limit("actionTimeoutMs", "Default wall-clock budget in milliseconds for one action; an action may declare a smaller one."),
          memoryMb: limit("memoryMb", "Default memory budget in MiB for one action.")
        },
        { additionalProperties: false, description: "Limits checked at build time and enforced by the runner." }
      )
    ),
    egress: Type22.Optional(
      Type22.Object(
        {
          allow: Type22.Optional(
            Type22.Array(Type22.String({ minLength: 1, pattern: "^(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?$" }), {
              uniqueItems: true,
              description: 'Hostnames actions may fetch, e.g. "api.example.com" or "*.example.com" (optionally with :port). Other hosts are refused. Omit to allow every public host.'
            })
          ),
          allowPrivate: Type22.Optional(
            Type22.Boolean({ description: "Allow fetch to loopback, private and link-local addresses (off by default: actions must not reach the internal network).", default: false })
          )
        },
        { additionalProperties: false, description: "Where actions may send HTTP requests with fetch." }
      )
    )
  },
  { additionalProperties: false, title: "Actuate repository settings (actuate.json)", description: "Repo-wide settings of an Actuate actions repository." }
);

// src/compile/schemas/action-meta.ts
import { Type as Type23 } from "@sinclair/typebox";
var triggerIds = [...new Set(TRIGGERS.map((t) => t.id))];
var ActionMetaSchema = Type23.Object(
  {
    $schema: Type23.Optional(Type23.String({ description: "Path or URL of this JSON Schema, for editor validation and completion." })),
    trigger: Type23.Unsafe({
      type: "string",
      enum: triggerIds,
      description: `The one trigger this action runs at (an action supports exactly one trigger, as in Auth0): ${triggerIds.join(", ")}.`
    }),
    version: Type23.Optional(
      Type23.String({ pattern: "^v[0-9]+$", description: 'Trigger version, e.g. "v3" for post-login. Defaults to the current version of the trigger.' })
    ),
    description: Type23.Optional(Type23.String({ maxLength: 1e3, description: "What the action does; shown in plans and logs." })),
    dependencies: Type23.Optional(
      Type23.Record(
        Type23.String({ pattern: "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$" }),
        Type23.String({ pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$" }),
        { description: 'npm packages the action may require, with EXACT versions (no ranges), e.g. { "jose": "5.9.6" }. Exact versions make every commit build the same bytes.' }
      )
    ),
    secrets: Type23.Optional(
      Type23.Array(Type23.String({ pattern: "^[A-Za-z_][A-Za-z0-9_]*$", maxLength: 128 }), {
        uniqueItems: true,
        description: "Names of secrets the action reads as event.secrets.NAME. Values never live in git: the runner reads them from its secrets file or ACTUATE_SECRET_<ACTION>_<NAME> variables."
      })
    ),
    limits: Type23.Optional(
      Type23.Object(
        {
          timeoutMs: Type23.Optional(Type23.Integer({ minimum: 1, maximum: 2e4, description: "Wall-clock budget of one execution of this action, in milliseconds (at most the flow budget)." })),
          memoryMb: Type23.Optional(Type23.Integer({ minimum: 1, maximum: 1024, description: "Memory budget of this action, in MiB." }))
        },
        { additionalProperties: false, description: "Per-action limits, tighter than the repo defaults." }
      )
    ),
    isolation: Type23.Optional(
      Type23.Unsafe({
        type: "string",
        enum: ["warm", "execution"],
        default: "warm",
        description: '"warm" (default) reuses a loaded sandbox across executions, like Auth0 and Lambda: module scope may persist. "execution" gives every execution a fresh sandbox (slower cold start, no shared state).'
      })
    )
  },
  { additionalProperties: false, title: "Actuate action (action.json)", description: "Metadata of one action: its trigger, npm dependencies, secret names and limits." }
);

// src/compile/schemas/flow.ts
import { Type as Type24 } from "@sinclair/typebox";
var FlowSchema = Type24.Object(
  {
    $schema: Type24.Optional(Type24.String({ description: "Path or URL of this JSON Schema, for editor validation and completion." })),
    actions: Type24.Array(Type24.String({ minLength: 1, description: "An action name: a directory under actions/." }), {
      description: "Action names in execution order. Each must be an action of this trigger; an empty list runs nothing."
    })
  },
  { additionalProperties: false, title: "Actuate flow (flows/<trigger>.json)", description: "The actions bound to one trigger, in the order they run." }
);

// src/compile/validate-json.ts
import { findNodeAtLocation, parseTree, printParseErrorCode } from "jsonc-parser";
function validateJson(file, text, validate2) {
  const lines = new LineIndex(text);
  const errors = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || tree === void 0) {
    const diagnostics2 = errors.slice(0, 1).map(
      (e) => at(lines, file, e.offset, {
        code: "E_JSON_SYNTAX",
        message: `invalid JSON: ${humanParseError(printParseErrorCode(e.error))}`,
        hint: "Fix the JSON syntax (JSON allows no comments and no trailing commas)."
      })
    );
    if (diagnostics2.length === 0) diagnostics2.push(at(lines, file, 0, { code: "E_JSON_SYNTAX", message: "invalid JSON: the file is empty", hint: "Write a JSON object, e.g. {}." }));
    return { value: void 0, diagnostics: diagnostics2, tree: void 0, lines };
  }
  const value = JSON.parse(text);
  if (validate2(value)) return { value, diagnostics: [], tree, lines };
  const diagnostics = (validate2.errors ?? []).map((e) => schemaDiagnostic2(file, lines, tree, e));
  return { value: void 0, diagnostics: uniqueDiagnostics(diagnostics), tree, lines };
}
function nodeAtPointer(tree, pointer) {
  if (pointer === "") return tree;
  const segments = pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s);
  return findNodeAtLocation(tree, segments);
}
function at(lines, file, offset, d) {
  const pos = lines.positionAt(offset);
  return createDiagnostic({ severity: "error", ...d, file, line: pos.line, column: pos.column });
}
function schemaDiagnostic2(file, lines, tree, e) {
  const pointer = e.instancePath;
  const node = nodeAtPointer(tree, pointer) ?? tree;
  const where = pointer === "" ? "the document" : pointer;
  const base = { code: "E_SCHEMA", pointer };
  switch (e.keyword) {
    case "additionalProperties": {
      const name = String(e.params["additionalProperty"]);
      const known = Object.keys(e.parentSchema?.["properties"] ?? {});
      const prop = node.children?.find((c) => c.children?.[0]?.value === name);
      const guess = closestMatch(name, known);
      return at(lines, file, prop?.offset ?? node.offset, {
        ...base,
        pointer: `${pointer}/${name}`,
        message: `unknown property "${name}" in ${where}`,
        hint: guess ? `Did you mean "${guess}"?` : known.length ? `Allowed properties: ${known.join(", ")}.` : "Remove it."
      });
    }
    case "required": {
      const name = String(e.params["missingProperty"]);
      const description = e.schema && propertyDescription(e.parentSchema, name);
      return at(lines, file, node.offset, {
        ...base,
        message: `missing required property "${name}" in ${where}`,
        hint: description ? `Add "${name}": ${description}` : `Add "${name}".`
      });
    }
    case "enum": {
      const allowed = e.params["allowedValues"].map(String);
      const got = String(node.value);
      const guess = closestMatch(got, allowed);
      return at(lines, file, node.offset, {
        ...base,
        message: `${JSON.stringify(node.value)} is not allowed at ${where}`,
        hint: `${guess ? `Did you mean "${guess}"? ` : ""}Expected one of: ${allowed.join(", ")}.`
      });
    }
    case "type":
      return at(lines, file, node.offset, {
        ...base,
        message: `${where} must be ${article(String(e.params["type"]))}, got ${jsonType(node)}`,
        hint: describe(e.parentSchema)
      });
    case "pattern":
      return at(lines, file, node.offset, {
        ...base,
        message: `${JSON.stringify(node.value)} is not a valid value at ${where}`,
        hint: describe(e.parentSchema) ?? `It must match ${String(e.params["pattern"])}.`
      });
    case "propertyNames":
      return at(lines, file, node.offset, { ...base, message: `invalid property name at ${where}`, hint: describe(e.parentSchema) });
    case "uniqueItems":
      return at(lines, file, node.offset, { ...base, message: `${where} lists the same value twice (items ${String(e.params["j"])} and ${String(e.params["i"])})`, hint: "Remove the duplicate." });
    default:
      return at(lines, file, node.offset, { ...base, message: `${where} ${e.message ?? "is invalid"}`, hint: describe(e.parentSchema) });
  }
}
function propertyDescription(parent, name) {
  const props = parent?.properties;
  return props?.[name]?.description;
}
function describe(schema) {
  return schema?.description;
}
function jsonType(node) {
  return node.type === "null" ? "null" : article(node.type);
}
function article(t) {
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}
function humanParseError(code) {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

// src/compile/load-flows.ts
function loadFlows(snapshot, config, actions, diagnostics) {
  const prefix = `${config.rootPrefix}flows/`;
  const flows = [];
  for (const [file, text] of snapshot.files) {
    if (!file.startsWith(prefix)) continue;
    const base = file.slice(prefix.length);
    if (!base.endsWith(".json") || base.includes("/")) {
      diagnostics.push(createDiagnostic({ code: "E_FLOW_LAYOUT", severity: "error", file, line: 1, column: 1, message: `${file} is not a flow file`, hint: `Flows are ${prefix}<trigger>.json, e.g. ${prefix}post-login.json.` }));
      continue;
    }
    const triggerId = base.slice(0, -".json".length);
    const r = validateJson(file, text, validatorFor(FlowSchema));
    diagnostics.push(...r.diagnostics);
    if (!listTriggerIds().includes(triggerId)) {
      const guess = closestMatch(triggerId, listTriggerIds());
      diagnostics.push(createDiagnostic({ code: "E_FLOW_UNKNOWN_TRIGGER", severity: "error", file, line: 1, column: 1, message: `"${triggerId}" is not a known trigger, so ${file} is not a flow`, hint: `${guess ? `Did you mean ${prefix}${guess}.json? ` : ""}Known triggers: ${listTriggerIds().join(", ")}.` }));
      continue;
    }
    if (!r.value || !r.tree) continue;
    const entries = [];
    const seen = /* @__PURE__ */ new Map();
    let version;
    r.value.actions.forEach((name, i) => {
      const node = nodeAtPointer(r.tree, `/actions/${i}`);
      const pos = r.lines.positionAt(node.offset);
      const d = (code, message, hint) => diagnostics.push(at(r.lines, file, node.offset, { code, message, hint, pointer: `/actions/${i}` }));
      const action = actions.get(name);
      if (seen.has(name)) {
        d("E_FLOW_DUPLICATE", `action "${name}" is listed twice in the ${triggerId} flow`, `An action runs at most once per flow; remove the second entry (first at item ${seen.get(name)}).`);
        return;
      }
      seen.set(name, i);
      if (!action) {
        const guess = closestMatch(name, actions.keys());
        d("E_FLOW_MISSING_ACTION", `the ${triggerId} flow names action "${name}", which does not exist`, guess ? `Did you mean "${guess}"?` : `Create ${config.rootPrefix}actions/${name}/action.json, or remove the entry.`);
        return;
      }
      if (action.trigger.id !== triggerId) {
        d("E_FLOW_WRONG_TRIGGER", `action "${name}" is a ${action.trigger.id} action; it cannot run in the ${triggerId} flow`, `Move it to ${prefix}${action.trigger.id}.json, or change "trigger" in ${action.metaFile}.`);
        return;
      }
      if (version !== void 0 && action.trigger.version !== version) {
        d("E_FLOW_VERSION_MISMATCH", `action "${name}" targets ${triggerKey(action.trigger)} but earlier actions of this flow target ${triggerId}@${version}`, "All actions of one flow must target the same trigger version.");
        return;
      }
      version = action.trigger.version;
      entries.push({ name, line: pos.line, column: pos.column });
    });
    const trigger = getTrigger(triggerId, version);
    const max = config.explicitLimits.has("maxActionsPerFlow") || !trigger ? config.limits.maxActionsPerFlow : trigger.maxActionsPerFlow;
    if (r.value.actions.length > max) {
      const node = nodeAtPointer(r.tree, "/actions") ?? r.tree;
      diagnostics.push(at(r.lines, file, node.offset, { code: "E_LIMIT_ACTIONS_PER_FLOW", pointer: "/actions", message: `the ${triggerId} flow has ${r.value.actions.length} actions; the limit is ${max}`, hint: "Merge actions, or raise limits.maxActionsPerFlow in actuate.json." }));
    }
    flows.push({ triggerId, file, trigger, entries });
  }
  flows.sort((a, b) => a.triggerId < b.triggerId ? -1 : 1);
  for (const action of actions.values()) {
    const bound = flows.some((f) => f.triggerId === action.trigger.id && f.entries.some((e) => e.name === action.name));
    if (!bound) {
      diagnostics.push(createDiagnostic({ code: "I_ACTION_UNBOUND", severity: "info", file: action.metaFile, line: 1, column: 1, message: `action "${action.name}" is not in any flow, so it never runs`, hint: `Add it to ${prefix}${action.trigger.id}.json to run it.` }));
    }
  }
  return flows;
}

// src/compile/load-project.ts
var ENTRY_NAMES = ["index.ts", "index.mts", "index.cts", "index.js", "index.mjs", "index.cjs"];
var ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function loadProject(snapshot) {
  const diagnostics = [];
  const config = loadConfig(snapshot, diagnostics);
  const actions = loadActions(snapshot, config, diagnostics);
  const flows = loadFlows(snapshot, config, actions, diagnostics);
  return { project: { snapshot, config, actions, flows }, diagnostics };
}
function loadConfig(snapshot, diagnostics) {
  const text = snapshot.files.get("actuate.json");
  let raw = {};
  if (text !== void 0) {
    const r = validateJson("actuate.json", text, validatorFor(ActuateConfigSchema));
    diagnostics.push(...r.diagnostics);
    raw = r.value ?? {};
  }
  const root = (raw.root ?? ".").replace(/^\.\/?/, "").replace(/\/+$/, "");
  const explicit = new Set(Object.keys(raw.limits ?? {}));
  return {
    rootPrefix: root === "" ? "" : `${root}/`,
    limits: { ...DEFAULT_LIMITS, ...raw.limits },
    explicitLimits: explicit,
    egress: { allow: raw.egress?.allow ? [...raw.egress.allow].sort() : void 0, allowPrivate: raw.egress?.allowPrivate ?? false }
  };
}
function loadActions(snapshot, config, diagnostics) {
  const prefix = `${config.rootPrefix}actions/`;
  const dirs = /* @__PURE__ */ new Map();
  for (const file of snapshot.files.keys()) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash < 0) {
      diagnostics.push(createDiagnostic({ code: "E_ACTION_LAYOUT", severity: "error", file, line: 1, column: 1, message: `${file} is not inside an action directory`, hint: `Move it to ${prefix}<action name>/ next to an action.json.` }));
      continue;
    }
    const name = rest.slice(0, slash);
    (dirs.get(name) ?? dirs.set(name, []).get(name)).push(rest.slice(slash + 1));
  }
  const actions = /* @__PURE__ */ new Map();
  for (const [name, files] of [...dirs].sort(([a], [b]) => a < b ? -1 : 1)) {
    const dir = `${prefix}${name}`;
    const metaFile = `${dir}/action.json`;
    const text = snapshot.files.get(metaFile);
    if (text === void 0) {
      diagnostics.push(createDiagnostic({ code: "E_ACTION_META_MISSING", severity: "error", file: `${dir}/${files[0]}`, line: 1, column: 1, message: `action "${name}" has no action.json`, hint: `Create ${metaFile} with at least { "trigger": "post-login" }.` }));
      continue;
    }
    if (!ACTION_NAME.test(name)) {
      diagnostics.push(createDiagnostic({ code: "E_ACTION_NAME", severity: "error", file: metaFile, line: 1, column: 1, message: `"${name}" is not a valid action name`, hint: 'Use letters, digits, ".", "_" and "-", starting with a letter or digit.' }));
      continue;
    }
    const r = validateJson(metaFile, text, validatorFor(ActionMetaSchema));
    diagnostics.push(...r.diagnostics.map((d) => d.pointer === "/trigger" ? unknownTrigger(d, r.value?.trigger ?? pointerValue(r, "/trigger")) : d));
    if (!r.value || !r.tree) continue;
    const meta = r.value;
    const trigger = getTrigger(meta.trigger, meta.version);
    if (!trigger) {
      const versions = TRIGGERS.filter((t) => t.id === meta.trigger).map((t) => t.version);
      const node = nodeAtPointer(r.tree, "/version") ?? r.tree;
      diagnostics.push(at(r.lines, metaFile, node.offset, { code: "E_UNKNOWN_TRIGGER_VERSION", pointer: "/version", message: `${meta.trigger}@${meta.version} is not a supported trigger version`, hint: `Supported: ${versions.map((v) => `"${v}"`).join(", ")}. Omit "version" to use the current one.` }));
      continue;
    }
    checkCount(meta.secrets?.length ?? 0, config.limits.maxSecretsPerAction, "secrets", "/secrets", "E_LIMIT_SECRETS", metaFile, r, diagnostics);
    checkCount(Object.keys(meta.dependencies ?? {}).length, config.limits.maxDependenciesPerAction, "dependencies", "/dependencies", "E_LIMIT_DEPENDENCIES", metaFile, r, diagnostics);
    const entries = ENTRY_NAMES.filter((e) => files.includes(e));
    if (entries.length !== 1) {
      diagnostics.push(createDiagnostic({
        code: entries.length === 0 ? "E_ACTION_ENTRY_MISSING" : "E_ACTION_ENTRY_AMBIGUOUS",
        severity: "error",
        file: metaFile,
        line: 1,
        column: 1,
        message: entries.length === 0 ? `action "${name}" has no handler module` : `action "${name}" has several handler modules: ${entries.join(", ")}`,
        hint: entries.length === 0 ? `Create ${dir}/index.ts or ${dir}/index.js exporting ${trigger.handlers.execute}.` : "Keep exactly one index file; other modules can be imported from it."
      }));
      continue;
    }
    actions.set(name, { name, dir, metaFile, meta, entry: `${dir}/${entries[0]}`, trigger });
  }
  return actions;
}
function unknownTrigger(d, value) {
  if (typeof value !== "string") return d;
  const guess = closestMatch(value, listTriggerIds());
  return { ...d, code: "E_UNKNOWN_TRIGGER", message: `"${value}" is not a known trigger`, hint: `${guess ? `Did you mean "${guess}"? ` : ""}Known triggers: ${listTriggerIds().join(", ")}.` };
}
function pointerValue(r, pointer) {
  return r.tree ? nodeAtPointer(r.tree, pointer)?.value : void 0;
}
function checkCount(count, max, what, pointer, code, file, r, diagnostics) {
  if (count <= max || !r.tree) return;
  const node = nodeAtPointer(r.tree, pointer) ?? r.tree;
  diagnostics.push(at(r.lines, file, node.offset, { code, pointer, message: `${count} ${what} declared; the limit is ${max}`, hint: `Declare at most ${max} ${what}, or raise limits in actuate.json.` }));
}

// src/compile/typecheck/typecheck.ts
import path8 from "node:path";
import ts5 from "typescript";

// src/compile/typecheck/annotate.ts
import ts2 from "typescript";

// src/compile/typecheck/find-handlers.ts
import ts from "typescript";
function findHandlers(sf) {
  const locals = /* @__PURE__ */ new Map();
  const found = [];
  const add = (name, value, nameNode) => {
    if (!/^on(Execute|Continue)[A-Z]/.test(name)) return;
    found.push({ name, fn: value ? asFunction(value, locals) : void 0, nameNode });
  };
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) locals.set(st.name.text, st);
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        const fn = d.initializer && unwrapFunction(d.initializer);
        if (ts.isIdentifier(d.name) && fn) locals.set(d.name.text, fn);
      }
    }
  }
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isFunctionDeclaration(st) && st.name) add(st.name.text, st, st.name);
    if (exported && ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) add(d.name.text, d.initializer, d.name);
    }
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) add(el.name.text, ts.factory.createIdentifier((el.propertyName ?? el.name).getText(sf)), el.name);
    }
    if (ts.isExpressionStatement(st) && ts.isBinaryExpression(st.expression) && st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = st.expression;
      if (ts.isPropertyAccessExpression(left) && isExportsObject(left.expression)) add(left.name.text, right, left.name);
      if (isModuleExports(left) && ts.isObjectLiteralExpression(right)) {
        for (const p of right.properties) {
          if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) add(p.name.text, p.initializer, p.name);
          else if (ts.isShorthandPropertyAssignment(p)) add(p.name.text, p.name, p.name);
          else if (ts.isMethodDeclaration(p) && ts.isIdentifier(p.name)) add(p.name.text, p, p.name);
        }
      }
    }
  }
  return found;
}
function asFunction(node, locals) {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return node;
  if (ts.isIdentifier(node)) return locals.get(node.text);
  return ts.isExpression(node) ? unwrapFunction(node) : void 0;
}
function unwrapFunction(e) {
  let cur = e;
  while (ts.isParenthesizedExpression(cur) || ts.isAsExpression(cur) || ts.isSatisfiesExpression(cur)) cur = cur.expression;
  return ts.isArrowFunction(cur) || ts.isFunctionExpression(cur) ? cur : void 0;
}
function isExportsObject(e) {
  return ts.isIdentifier(e) && e.text === "exports" || isModuleExports(e);
}
function isModuleExports(e) {
  return ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === "module" && e.name.text === "exports";
}

// src/compile/typecheck/annotate.ts
function annotateHandlers(sf, trigger, isJs) {
  const names = new Set([trigger.handlers.execute, trigger.handlers.continue].filter((n) => n !== void 0));
  const types = [eventTypeRef(trigger), apiTypeRef(trigger)];
  const out = [];
  for (const h of findHandlers(sf)) {
    if (!names.has(h.name) || !h.fn) continue;
    const fn = h.fn;
    const params = fn.parameters.slice(0, 2);
    if (params.length === 0) continue;
    const needsParens = ts2.isArrowFunction(fn) && !fn.getChildren(sf).some((c) => c.kind === ts2.SyntaxKind.OpenParenToken);
    if (isJs) out.push(...qualifyDashboardJsDoc(sf, params, trigger));
    params.forEach((p, i) => {
      if (p.type || p.dotDotDotToken || isJs && ts2.getJSDocParameterTags(p).length > 0 || isJs && ts2.getJSDocType(p)) return;
      const type = types[i];
      const start = p.getStart(sf);
      if (isJs) {
        out.push({ offset: start, text: `${needsParens ? "(" : ""}/** @type {${type}} */ ` });
        if (needsParens) out.push({ offset: p.end, text: ")" });
      } else {
        const after = p.questionToken ? p.questionToken.end : p.name.end;
        if (needsParens) out.push({ offset: start, text: "(" });
        out.push({ offset: after, text: `: ${type}${needsParens ? ")" : ""}` });
      }
    });
  }
  return out;
}
function qualifyDashboardJsDoc(sf, params, trigger) {
  const names = /* @__PURE__ */ new Set(["Event", `${trigger.typeName}API`]);
  const out = [];
  for (const p of params) {
    for (const tag of ts2.getJSDocParameterTags(p)) {
      const type = tag.typeExpression?.type;
      if (type && ts2.isTypeReferenceNode(type) && ts2.isIdentifier(type.typeName) && names.has(type.typeName.text)) {
        out.push({ offset: type.typeName.getStart(sf), text: `import("@auth0/actions/${trigger.id}/${trigger.version}").` });
      }
    }
  }
  return out;
}

// src/compile/typecheck/check-imports.ts
import ts3 from "typescript";

// src/compile/typecheck/resolve-path.ts
import path6 from "node:path";
var SOURCE_EXTENSIONS = [".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs", ".jsx", ".json"];
function resolveRelative(files, fromFile, specifier) {
  const base = path6.posix.normalize(path6.posix.join(path6.posix.dirname(fromFile), specifier));
  if (base.startsWith("../")) return void 0;
  const candidates = [base, ...SOURCE_EXTENSIONS.map((e) => base + e)];
  const jsToTs = { ".js": [".ts", ".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };
  const ext = path6.posix.extname(base);
  for (const alt of jsToTs[ext] ?? []) candidates.push(base.slice(0, -ext.length) + alt);
  candidates.push(...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`));
  return candidates.find((c) => files.has(c));
}
function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}
function isRelative(specifier) {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === ".." || specifier.startsWith("/");
}

// src/compile/typecheck/check-imports.ts
var TYPE_PACKAGES = /* @__PURE__ */ new Set(["@auth0/actions"]);
function checkImports(action, files, rules) {
  const diagnostics = [];
  const declared = Object.keys(action.meta.dependencies ?? {});
  const seen = /* @__PURE__ */ new Set([action.entry]);
  const queue = [action.entry];
  while (queue.length > 0) {
    const file = queue.shift();
    const text = files.get(file);
    if (text === void 0 || file.endsWith(".json")) continue;
    const lines = new LineIndex(text);
    const info = ts3.preProcessFile(text, true, true);
    for (const ref of info.importedFiles) {
      const spec = ref.fileName;
      const pos = lines.positionAt(ref.pos);
      const d = (code, message, hint) => diagnostics.push(createDiagnostic({ code, severity: "error", message, hint, file, line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column + spec.length + 2 }));
      if (isRelative(spec)) {
        const target = resolveRelative(files, file, spec);
        if (target === void 0) d("E_IMPORT_NOT_FOUND", `cannot find "${spec}" imported by ${file}`, "Check the path: imports resolve among the committed files of the repository.");
        else if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
        continue;
      }
      const builtin = declared.includes(spec) ? void 0 : rules.builtinName(spec);
      if (builtin !== void 0) {
        if (!rules.supportedBuiltins.has(builtin)) {
          d("E_UNSUPPORTED_BUILTIN", `"${spec}" is a Node.js built-in that the Actuate sandbox does not provide`, rules.unsupportedHint(builtin));
        }
        continue;
      }
      const name = packageName(spec);
      if (TYPE_PACKAGES.has(name) || declared.includes(name)) continue;
      const guess = closestMatch(name, declared);
      d("E_UNDECLARED_PACKAGE", `"${name}" is imported by ${file} but not declared in ${action.metaFile}`, guess ? `Did you mean "${guess}"?` : `Add "dependencies": { "${name}": "<exact version>" } to ${action.metaFile}.`);
    }
  }
  return { diagnostics, graph: [...seen].sort() };
}

// src/compile/typecheck/compiler-host.ts
import path7 from "node:path";
import ts4 from "typescript";
var PROJECT_ROOT = "/project";
var DECLARATIONS_ROOT = "/actuate";
var libDir = path7.dirname(ts4.getDefaultLibFilePath({}));
var libCache = /* @__PURE__ */ new Map();
function createMemoryHost(files) {
  const dirs = /* @__PURE__ */ new Set();
  for (const f of files.keys()) for (let d = path7.posix.dirname(f); d !== "/" && !dirs.has(d); d = path7.posix.dirname(d)) dirs.add(d);
  const isLib = (f) => f.startsWith(libDir + path7.sep) || f.startsWith(libDir + "/");
  return {
    getSourceFile(fileName, languageVersion) {
      const text = files.get(fileName);
      if (text !== void 0) return ts4.createSourceFile(fileName, text, languageVersion, true);
      if (!isLib(fileName)) return void 0;
      const key = `${fileName}:${String(languageVersion)}`;
      let sf = libCache.get(key);
      if (!sf) {
        const libText = ts4.sys.readFile(fileName);
        if (libText === void 0) return void 0;
        sf = ts4.createSourceFile(fileName, libText, languageVersion, false);
        libCache.set(key, sf);
      }
      return sf;
    },
    getDefaultLibFileName: (o) => ts4.getDefaultLibFilePath(o),
    getDefaultLibLocation: () => libDir,
    writeFile: () => {
    },
    getCurrentDirectory: () => PROJECT_ROOT,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) => files.has(f) || isLib(f) && ts4.sys.fileExists(f),
    readFile: (f) => files.get(f) ?? (isLib(f) ? ts4.sys.readFile(f) : void 0),
    directoryExists: (d) => dirs.has(d) || d === PROJECT_ROOT || d === DECLARATIONS_ROOT || isLib(d + "/x"),
    getDirectories: () => [],
    realpath: (f) => f
  };
}

// src/compile/typecheck/source-edits.ts
var EditedSource = class {
  text;
  #edits;
  original;
  constructor(original, insertions) {
    this.original = original;
    this.#edits = [...insertions].sort((a, b) => a.offset - b.offset);
    let out = "";
    let last = 0;
    for (const e of this.#edits) {
      out += original.slice(last, e.offset) + e.text;
      last = e.offset;
    }
    this.text = out + original.slice(last);
  }
  /** Maps an offset in the edited text to the original text (inside an insertion: its anchor). */
  toOriginal(offset) {
    let shift = 0;
    for (const e of this.#edits) {
      const start = e.offset + shift;
      if (offset < start) break;
      if (offset < start + e.text.length) return e.offset;
      shift += e.text.length;
    }
    return offset - shift;
  }
  /** Maps an original offset into the edited text. */
  toEdited(offset) {
    let shift = 0;
    for (const e of this.#edits) {
      if (e.offset > offset) break;
      shift += e.text.length;
    }
    return offset + shift;
  }
};

// src/compile/typecheck/typecheck.ts
var MODULE_NOT_FOUND = /* @__PURE__ */ new Set([2307, 2792, 7016]);
var BASE_OPTIONS = {
  target: ts5.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts"],
  module: ts5.ModuleKind.Preserve,
  // Every action file is a module, even one with only require(): its top-level names never clash with globals.
  moduleDetection: ts5.ModuleDetectionKind.Force,
  moduleResolution: ts5.ModuleResolutionKind.Bundler,
  allowJs: true,
  checkJs: true,
  noEmit: true,
  types: [],
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  allowSyntheticDefaultImports: true,
  noLib: false
};
function actionGraphs(project, imports) {
  const out = /* @__PURE__ */ new Map();
  for (const action of project.actions.values()) {
    const r = checkImports(action, project.snapshot.files, imports);
    out.set(action.name, { files: r.graph, diagnostics: r.diagnostics });
  }
  return out;
}
function typecheckProject(project, options, graphs = actionGraphs(project, options.imports)) {
  const diagnostics = [];
  const groups = { ts: [], js: [] };
  for (const action of project.actions.values()) {
    if (options.only && !options.only.has(action.name)) continue;
    diagnostics.push(...graphs.get(action.name).diagnostics);
    (isJsFile(action.entry) ? groups.js : groups.ts).push(action);
  }
  const packages = [...new Set([...project.actions.values()].flatMap((a) => Object.keys(a.meta.dependencies ?? {})))].sort();
  const files = new Map([...graphs].map(([name, g]) => [name, [...g.files]]));
  for (const [lang, actions] of Object.entries(groups)) {
    if (actions.length === 0) continue;
    diagnostics.push(...checkGroup(project, actions, files, packages, lang === "ts"));
  }
  return uniqueDiagnostics(diagnostics);
}
function checkGroup(project, actions, graphs, packages, strict) {
  const files = project.snapshot.files;
  const vfs = /* @__PURE__ */ new Map();
  const edited = /* @__PURE__ */ new Map();
  const roots = [];
  const triggers = /* @__PURE__ */ new Map();
  for (const action of actions) {
    triggers.set(triggerKey(action.trigger), action.trigger);
    for (const file of graphs.get(action.name) ?? []) {
      const text = files.get(file);
      let insertions = [];
      if (file === action.entry) {
        const sf = ts5.createSourceFile(file, text, ts5.ScriptTarget.ES2022, true, scriptKind(file));
        insertions = annotateHandlers(sf, action.trigger, isJsFile(file));
      }
      const e = new EditedSource(text, insertions);
      edited.set(`${PROJECT_ROOT}/${file}`, e);
      vfs.set(`${PROJECT_ROOT}/${file}`, e.text);
      if (!file.endsWith(".json")) roots.push(`${PROJECT_ROOT}/${file}`);
    }
  }
  const decl = `${DECLARATIONS_ROOT}/triggers.d.ts`;
  vfs.set(decl, generateDeclarations());
  vfs.set(`${DECLARATIONS_ROOT}/globals.d.ts`, generateSandboxGlobals());
  vfs.set(`${DECLARATIONS_ROOT}/packages.d.ts`, packages.map((p) => `declare module ${JSON.stringify(p)};
declare module ${JSON.stringify(`${p}/*`)};`).join("\n") + "\nexport {};\n");
  const handlerDecls = [...triggers.values()].flatMap(
    (t) => ["execute", "continue"].filter((k) => t.handlers[k]).map((k) => `declare const ${handlerVar(t, k)}: ${handlerTypeRef(t, k)};`)
  );
  const handlersFile = `${DECLARATIONS_ROOT}/handlers.d.ts`;
  vfs.set(handlersFile, handlerDecls.join("\n") + "\n");
  roots.push(decl, `${DECLARATIONS_ROOT}/globals.d.ts`, `${DECLARATIONS_ROOT}/packages.d.ts`, handlersFile);
  const compilerOptions = { ...BASE_OPTIONS, strict, noImplicitAny: strict, strictNullChecks: strict };
  const program = ts5.createProgram({ rootNames: [...new Set(roots)].sort(), options: compilerOptions, host: createMemoryHost(vfs) });
  const checker = program.getTypeChecker();
  const out = [];
  for (const d of [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()]) {
    const converted = toDiagnostic(d, edited);
    if (converted) out.push(converted);
  }
  const handlerTypes = readHandlerTypes(program, checker, handlersFile);
  for (const action of actions) out.push(...checkHandlers(action, program, checker, edited, handlerTypes, files));
  return out;
}
function checkHandlers(action, program, checker, edited, handlerTypes, files) {
  const out = [];
  const vpath = `${PROJECT_ROOT}/${action.entry}`;
  const sf = program.getSourceFile(vpath);
  const e = edited.get(vpath);
  if (!sf || !e) return out;
  const lines = new LineIndex(e.original);
  const pos = (node) => lines.positionAt(e.toOriginal(node.getStart(sf)));
  const found = findHandlers(sf);
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  const exported = new Set(moduleSymbol ? checker.getExportsOfModule(moduleSymbol).map((s) => s.getName()) : []);
  const t = action.trigger;
  const expected = ["execute", "continue"].flatMap((k) => t.handlers[k] ? [[k, t.handlers[k]]] : []);
  for (const [kind, name] of expected) {
    const h = found.find((f) => f.name === name);
    if (!h && !exported.has(name)) {
      if (kind === "continue") {
        const redirects = [...files.entries()].some(([f, text]) => f.startsWith(`${action.dir}/`) && /\.\s*sendUserTo\s*\(/.test(text));
        if (redirects) out.push(createDiagnostic({ code: "E_MISSING_HANDLER", severity: "error", file: action.entry, line: 1, column: 1, message: `action "${action.name}" redirects with api.redirect.sendUserTo but does not export ${name}`, hint: `Export ${name}(event, api): it runs when the user comes back from the redirect.` }));
        continue;
      }
      const similar = closestMatch(name, [...exported, ...found.map((f) => f.name)]);
      out.push(createDiagnostic({ code: "E_MISSING_HANDLER", severity: "error", file: action.entry, line: 1, column: 1, message: `action "${action.name}" does not export ${name}, the handler of ${triggerKey(t)}`, hint: similar ? `Did you mean to name "${similar}" ${name}?` : `Add: exports.${name} = async (event, api) => { … };` }));
      continue;
    }
    const target = handlerTypes.get(handlerVar(t, kind));
    const type = h?.fn ? checker.getTypeAtLocation(h.fn) : exportedType(checker, moduleSymbol, name);
    if (target && type && !checker.isTypeAssignableTo(type, target)) {
      const at2 = h ? pos(h.nameNode) : { line: 1, column: 1 };
      out.push(createDiagnostic({
        code: "E_HANDLER_SIGNATURE",
        severity: "error",
        file: action.entry,
        line: at2.line,
        column: at2.column,
        message: `${name} does not have the ${triggerKey(t)} handler signature: its type is ${checker.typeToString(type)}`,
        hint: `Write it as async (event, api) => { … }; ${triggerKey(t)} expects ${checker.typeToString(target)}.`
      }));
    }
  }
  const names = new Set(expected.map(([, n]) => n));
  for (const h of found) {
    if (names.has(h.name)) continue;
    const p = pos(h.nameNode);
    out.push(createDiagnostic({ code: "E_HANDLER_TRIGGER_MISMATCH", severity: "error", file: action.entry, line: p.line, column: p.column, message: `${h.name} is not a handler of ${triggerKey(t)}, so it would never run`, hint: `${triggerKey(t)} calls ${[...names].join(" and ")}. Check "trigger" in ${action.metaFile}.` }));
  }
  return out;
}
function exportedType(checker, moduleSymbol, name) {
  const sym = moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.getName() === name);
  const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
  return sym && decl ? checker.getTypeOfSymbolAtLocation(sym, decl) : void 0;
}
function readHandlerTypes(program, checker, file) {
  const out = /* @__PURE__ */ new Map();
  const sf = program.getSourceFile(file);
  for (const st of sf?.statements ?? []) {
    if (!ts5.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) if (ts5.isIdentifier(d.name)) out.set(d.name.text, checker.getTypeAtLocation(d.name));
  }
  return out;
}
function handlerVar(t, kind) {
  return `__actuate_${t.typeName}_${t.version}_${kind}`;
}
function toDiagnostic(d, edited) {
  if (d.category !== ts5.DiagnosticCategory.Error && d.category !== ts5.DiagnosticCategory.Warning) return void 0;
  const message = ts5.flattenDiagnosticMessageText(d.messageText, "\n");
  if (MODULE_NOT_FOUND.has(d.code)) return void 0;
  const severity = d.category === ts5.DiagnosticCategory.Error ? "error" : "warning";
  if (!d.file || d.start === void 0) return createDiagnostic({ code: "E_TYPECHECK", severity, message, hint: `TypeScript TS${d.code}.` });
  const e = edited.get(d.file.fileName);
  if (!e) {
    return createDiagnostic({ code: "E_INTERNAL_DECLARATIONS", severity: "error", message: `${path8.posix.basename(d.file.fileName)}: ${message}`, hint: "This is a bug in Actuate; please report it." });
  }
  const lines = new LineIndex(e.original);
  const start = lines.positionAt(e.toOriginal(d.start));
  const end = lines.positionAt(e.toOriginal(d.start + (d.length ?? 0)));
  return createDiagnostic({
    code: "E_TYPECHECK",
    severity,
    message,
    file: d.file.fileName.slice(PROJECT_ROOT.length + 1),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    hint: `TypeScript TS${d.code}.`
  });
}
function isJsFile(f) {
  return /\.(c|m)?jsx?$/.test(f);
}
function scriptKind(f) {
  return f.endsWith(".tsx") ? ts5.ScriptKind.TSX : f.endsWith(".jsx") ? ts5.ScriptKind.JSX : isJsFile(f) ? ts5.ScriptKind.JS : ts5.ScriptKind.TS;
}

// src/compile/typecheck/action-event-reads.ts
import ts9 from "typescript";

// src/compile/typecheck/event-reads.ts
import ts8 from "typescript";

// src/compile/typecheck/static-exports.ts
import ts7 from "typescript";

// src/compile/typecheck/syntax-positions.ts
import ts6 from "typescript";
function isNonReferenceName(id) {
  const p = id.parent;
  if (ts6.isPropertyAccessExpression(p)) return p.name === id;
  if (ts6.isQualifiedName(p)) return p.right === id;
  if (ts6.isPropertyAssignment(p) || ts6.isPropertyDeclaration(p) || ts6.isMethodDeclaration(p) || ts6.isGetAccessorDeclaration(p) || ts6.isSetAccessorDeclaration(p) || ts6.isPropertySignature(p) || ts6.isMethodSignature(p) || ts6.isEnumMember(p) || ts6.isJsxAttribute(p)) {
    return p.name === id;
  }
  if (ts6.isBindingElement(p)) return p.propertyName === id;
  if (ts6.isLabeledStatement(p) || ts6.isBreakStatement(p) || ts6.isContinueStatement(p)) return p.label === id;
  return false;
}
function isTransparentWrapper(node) {
  return ts6.isParenthesizedExpression(node) || ts6.isAsExpression(node) || ts6.isSatisfiesExpression(node) || ts6.isNonNullExpression(node) || ts6.isTypeAssertionExpression(node);
}
function outermostWrapper(node) {
  let cur = node;
  while (isTransparentWrapper(cur.parent) && cur.parent.expression === cur) cur = cur.parent;
  return cur;
}
function stripWrappers(node) {
  let cur = node;
  while (isTransparentWrapper(cur)) cur = cur.expression;
  return cur;
}
function isWriteTarget(node) {
  let cur = outermostWrapper(node);
  for (; ; ) {
    const p = cur.parent;
    if (ts6.isBinaryExpression(p)) return p.left === cur && isAssignmentOperator(p.operatorToken.kind);
    if (ts6.isPrefixUnaryExpression(p) || ts6.isPostfixUnaryExpression(p)) {
      return p.operator === ts6.SyntaxKind.PlusPlusToken || p.operator === ts6.SyntaxKind.MinusMinusToken;
    }
    if (ts6.isDeleteExpression(p)) return true;
    if (ts6.isForInStatement(p) || ts6.isForOfStatement(p)) return p.initializer === cur;
    if (ts6.isShorthandPropertyAssignment(p) && p.name === cur) cur = p.parent;
    else if (ts6.isPropertyAssignment(p) && p.initializer === cur) cur = p.parent;
    else if (ts6.isSpreadAssignment(p) || ts6.isSpreadElement(p)) cur = p.parent;
    else if (ts6.isArrayLiteralExpression(p)) cur = p;
    else return false;
    if (ts6.isObjectLiteralExpression(cur) || ts6.isArrayLiteralExpression(cur)) cur = outermostWrapper(cur);
  }
}
function isAssignmentOperator(kind) {
  return kind >= ts6.SyntaxKind.FirstAssignment && kind <= ts6.SyntaxKind.LastAssignment;
}
function staticKeyName(name) {
  if (ts6.isIdentifier(name) || ts6.isStringLiteral(name) || ts6.isNumericLiteral(name) || ts6.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return void 0;
}
function isTypeOnly(node) {
  if (ts6.isInterfaceDeclaration(node) || ts6.isTypeAliasDeclaration(node)) return true;
  return ts6.isTypeNode(node) && !ts6.isExpressionWithTypeArguments(node);
}

// src/compile/typecheck/static-exports.ts
function exportsAreStatic(sf, names, found) {
  for (const st of sf.statements) if (!esmStatementIsStatic(st, names)) return false;
  const bindings = /* @__PURE__ */ new Set();
  for (const h of found) {
    const b = h.fn && bindingName(h.fn);
    if (b !== void 0) bindings.add(b);
  }
  let ok = true;
  const declarations = /* @__PURE__ */ new Map();
  const visit = (node, inFunction) => {
    if (!ok) return;
    if (node.kind === ts7.SyntaxKind.ThisKeyword && !inFunction) ok = false;
    else if (ts7.isIdentifier(node) && !isNonReferenceName(node)) {
      if (node.text === "exports" || node.text === "module") ok = exportsUseIsStatic(node, names);
      else if (bindings.has(node.text)) {
        if (isWriteTarget(node)) ok = false;
        if (isDeclarationName(node)) declarations.set(node.text, (declarations.get(node.text) ?? 0) + 1);
      }
    }
    const rebindsThis = ts7.isFunctionDeclaration(node) || ts7.isFunctionExpression(node) || ts7.isClassLike(node) || ts7.isMethodDeclaration(node) || ts7.isAccessor(node) || ts7.isConstructorDeclaration(node);
    if (isTypeOnly(node)) return;
    ts7.forEachChild(node, (c) => visit(c, inFunction || rebindsThis));
  };
  visit(sf, false);
  return ok && [...bindings].every((b) => declarations.get(b) === 1);
}
function esmStatementIsStatic(st, names) {
  if (ts7.isExportDeclaration(st)) {
    if (!st.exportClause) return false;
    if (ts7.isNamespaceExport(st.exportClause)) return !names.has(st.exportClause.name.text);
    return !st.moduleSpecifier || st.exportClause.elements.every((el) => !names.has(el.name.text));
  }
  if (ts7.isExportAssignment(st)) return !st.isExportEquals;
  const exported = ts7.canHaveModifiers(st) && (ts7.getModifiers(st)?.some((m) => m.kind === ts7.SyntaxKind.ExportKeyword) ?? false);
  if (!exported) return true;
  if (ts7.isVariableStatement(st)) return st.declarationList.declarations.every((d) => ts7.isIdentifier(d.name));
  if (ts7.isFunctionDeclaration(st)) return true;
  const name = st.name;
  return !(name && ts7.isIdentifier(name) && names.has(name.text));
}
function exportsUseIsStatic(id, names) {
  let target = id;
  if (id.text === "module") {
    const p = id.parent;
    if (!ts7.isPropertyAccessExpression(p) || p.expression !== id || p.name.text !== "exports") return false;
    target = p;
  }
  if (isWriteTarget(target)) {
    const assign2 = target.parent;
    return target !== id && ts7.isBinaryExpression(assign2) && assign2.left === target && isStaticModuleExportsAssignment(assign2, names);
  }
  const m = target.parent;
  let key;
  if (ts7.isPropertyAccessExpression(m) && m.expression === target) key = m.name.text;
  else if (ts7.isElementAccessExpression(m) && m.expression === target) {
    const arg = m.argumentExpression;
    key = ts7.isStringLiteral(arg) || ts7.isNoSubstitutionTemplateLiteral(arg) ? arg.text : void 0;
  } else {
    return false;
  }
  if (!isWriteTarget(m)) return true;
  if (key === void 0) return false;
  if (!names.has(key)) return true;
  const assign = m.parent;
  return ts7.isPropertyAccessExpression(m) && ts7.isBinaryExpression(assign) && assign.left === m && assign.operatorToken.kind === ts7.SyntaxKind.EqualsToken && isTopLevelStatement(assign);
}
function isStaticModuleExportsAssignment(assign, names) {
  if (assign.operatorToken.kind !== ts7.SyntaxKind.EqualsToken || !isTopLevelStatement(assign) || !ts7.isObjectLiteralExpression(assign.right)) return false;
  return assign.right.properties.every((p) => {
    if (ts7.isSpreadAssignment(p) || !p.name) return false;
    const key = staticKeyName(p.name);
    if (key === void 0) return false;
    if (!names.has(key)) return true;
    const plain2 = ts7.isPropertyAssignment(p) || ts7.isShorthandPropertyAssignment(p) || ts7.isMethodDeclaration(p);
    return plain2 && ts7.isIdentifier(p.name);
  });
}
function isTopLevelStatement(e) {
  return ts7.isExpressionStatement(e.parent) && ts7.isSourceFile(e.parent.parent);
}
function bindingName(fn) {
  if (ts7.isFunctionDeclaration(fn)) return fn.name?.text;
  if (!ts7.isArrowFunction(fn) && !ts7.isFunctionExpression(fn)) return void 0;
  const p = outermostWrapper(fn).parent;
  return ts7.isVariableDeclaration(p) && ts7.isIdentifier(p.name) ? p.name.text : void 0;
}
function isDeclarationName(id) {
  const p = id.parent;
  return (ts7.isVariableDeclaration(p) || ts7.isParameter(p) || ts7.isFunctionDeclaration(p) || ts7.isFunctionExpression(p) || ts7.isClassDeclaration(p) || ts7.isClassExpression(p) || ts7.isBindingElement(p) || ts7.isImportClause(p) || ts7.isImportSpecifier(p) || ts7.isNamespaceImport(p) || ts7.isImportEqualsDeclaration(p) || ts7.isEnumDeclaration(p) || ts7.isModuleDeclaration(p)) && p.name === id;
}

// src/compile/typecheck/event-reads.ts
var DYNAMIC_CODE = /\beval\b|\bFunction\s*\(|\bnew\s+Function\b/;
function findEventReads(sf, handlerNames, sections) {
  if (DYNAMIC_CODE.test(sf.text)) return void 0;
  const names = new Set(handlerNames);
  const found = findHandlers(sf).filter((h) => names.has(h.name));
  if (found.length === 0 || !exportsAreStatic(sf, names, found)) return void 0;
  const reads = /* @__PURE__ */ new Map();
  for (const h of found) {
    if (!h.fn || !handlerReads(h.fn, sections, reads)) return void 0;
  }
  const out = [];
  for (const [section, fields] of reads) {
    if (!isPathPart(section)) return void 0;
    if (fields === void 0) out.push(section);
    else for (const f of fields) out.push(`${section}.${f}`);
  }
  return out.sort();
}
function handlerReads(fn, sections, reads) {
  if (!fn.body || usesUnsafeSyntax(fn)) return false;
  const params = fn.parameters.filter((p) => !(ts8.isIdentifier(p.name) && p.name.text === "this"));
  const [first, ...rest] = params;
  if (!first) return true;
  if (first.dotDotDotToken) return false;
  if (ts8.isArrayBindingPattern(first.name)) return false;
  if (ts8.isObjectBindingPattern(first.name)) return patternReads(first.name, sections, reads);
  const name = first.name.text;
  let ok = true;
  const visit = (node) => {
    if (!ok) return;
    if (ts8.isIdentifier(node) && node.text === name && !isNonReferenceName(node)) ok = addEventUse(node, sections, reads);
    if (isTypeOnly(node)) return;
    ts8.forEachChild(node, visit);
  };
  if (first.initializer) visit(first.initializer);
  for (const p of rest) visit(p);
  visit(fn.body);
  return ok;
}
function addEventUse(id, sections, reads) {
  const outer = outermostWrapper(id);
  const p = outer.parent;
  if ((ts8.isPropertyAccessExpression(p) || ts8.isElementAccessExpression(p)) && p.expression === outer) {
    const section = memberName(p);
    if (section === void 0 || !sections.has(section)) return false;
    const field = fieldRead(p, sections.get(section));
    if (field === void 0) addWhole(reads, section);
    else addField(reads, section, field);
    return true;
  }
  if (ts8.isVariableDeclaration(p) && p.initializer === outer && ts8.isObjectBindingPattern(p.name)) return patternReads(p.name, sections, reads);
  return false;
}
function fieldRead(access2, fields) {
  if (fields === void 0) return void 0;
  const outer = outermostWrapper(access2);
  const p = outer.parent;
  if (!(ts8.isPropertyAccessExpression(p) || ts8.isElementAccessExpression(p)) || p.expression !== outer) return void 0;
  const field = memberName(p);
  if (field === void 0 || !fields.has(field) || !isPathPart(field)) return void 0;
  const use = outermostWrapper(p);
  const q = use.parent;
  const called = ts8.isCallExpression(q) && q.expression === use || ts8.isTaggedTemplateExpression(q) && q.tag === use;
  return called ? void 0 : field;
}
function memberName(access2) {
  if (ts8.isPropertyAccessExpression(access2)) return ts8.isIdentifier(access2.name) ? access2.name.text : void 0;
  const arg = stripWrappers(access2.argumentExpression);
  return ts8.isStringLiteral(arg) || ts8.isNoSubstitutionTemplateLiteral(arg) ? arg.text : void 0;
}
function patternReads(pattern, sections, reads) {
  for (const el of pattern.elements) {
    const section = bindingKey(el);
    if (el.dotDotDotToken || section === void 0 || !sections.has(section)) return false;
    const fields = ts8.isObjectBindingPattern(el.name) ? patternFields(el.name, sections.get(section)) : void 0;
    if (fields === void 0) addWhole(reads, section);
    else for (const f of fields) addField(reads, section, f);
  }
  return true;
}
function patternFields(pattern, known) {
  if (known === void 0 || pattern.elements.length === 0) return void 0;
  const fields = [];
  for (const el of pattern.elements) {
    const key = bindingKey(el);
    if (el.dotDotDotToken || key === void 0 || !known.has(key) || !isPathPart(key)) return void 0;
    fields.push(key);
  }
  return fields;
}
function bindingKey(el) {
  if (el.propertyName) return staticKeyName(el.propertyName);
  return ts8.isIdentifier(el.name) ? el.name.text : void 0;
}
function addWhole(reads, section) {
  reads.set(section, void 0);
}
function addField(reads, section, field) {
  if (!reads.has(section)) reads.set(section, /* @__PURE__ */ new Set([field]));
  else reads.get(section)?.add(field);
}
function isPathPart(name) {
  return name !== "" && !name.includes(".");
}
function usesUnsafeSyntax(fn) {
  let unsafe = false;
  const visit = (node) => {
    if (unsafe) return;
    if (ts8.isIdentifier(node) && node.text === "arguments" || ts8.isWithStatement(node)) unsafe = true;
    else ts8.forEachChild(node, visit);
  };
  for (const p of fn.parameters) visit(p);
  if (fn.body) visit(fn.body);
  return unsafe;
}

// src/compile/typecheck/action-event-reads.ts
function actionEventReads(project, action) {
  const text = project.snapshot.files.get(action.entry);
  if (text === void 0) return void 0;
  const sf = ts9.createSourceFile(action.entry, text, ts9.ScriptTarget.ES2022, true, scriptKind(action.entry));
  const t = action.trigger;
  const handlers = [t.handlers.execute, ...t.handlers.continue ? [t.handlers.continue] : []];
  return findEventReads(sf, handlers, eventSectionFields(t.event));
}
function eventSectionFields(event) {
  const sections = /* @__PURE__ */ new Map();
  for (const key of Object.keys(event.properties).sort()) {
    const fields = /* @__PURE__ */ new Set();
    collectFields(event.properties[key], fields);
    sections.set(key, fields.size === 0 ? void 0 : fields);
  }
  return sections;
}
function collectFields(schema, fields) {
  if (schema === void 0) return;
  if (Array.isArray(schema.anyOf)) {
    for (const member of schema.anyOf) collectFields(member, fields);
    return;
  }
  const props = schema.properties;
  if (schema.type === "object" && typeof props === "object" && props !== null) for (const k of Object.keys(props)) fields.add(k);
}

// src/compile/build-cache.ts
import { mkdir as mkdir4, readFile as readFile3, rename as rename2, writeFile as writeFile3 } from "node:fs/promises";
import path9 from "node:path";
var BuildCache = class {
  dir;
  constructor(dir) {
    this.dir = dir;
  }
  async get(key) {
    try {
      return JSON.parse(await readFile3(this.#file(key), "utf8"));
    } catch {
      return void 0;
    }
  }
  async set(key, value) {
    const file = this.#file(key);
    await mkdir4(path9.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile3(tmp, JSON.stringify(value));
    await rename2(tmp, file);
  }
  #file(key) {
    const hex = key.slice("sha256:".length);
    return path9.join(this.dir, "builds", hex.slice(0, 2), `${hex.slice(2)}.json`);
  }
};

// src/compile/bundle/bundle-action.ts
import { realpathSync } from "node:fs";
import path14 from "node:path";
import { build } from "esbuild";

// src/compile/bundle/import-graph.ts
var ImportGraph = class {
  #edges = /* @__PURE__ */ new Map();
  /** Records that `from` imports `to` through `specifier` (first specifier wins per pair). */
  add(from, to, specifier) {
    let out = this.#edges.get(from);
    if (!out) this.#edges.set(from, out = /* @__PURE__ */ new Map());
    if (!out.has(to)) out.set(to, { to, specifier });
  }
  /**
   * The shortest chain of modules from `start` to `target`, both included; ties are broken by name
   * so the same build always reports the same chain. Undefined when `target` is not reachable.
   */
  chain(start, target) {
    const parent = /* @__PURE__ */ new Map([[start, start]]);
    let frontier = [start];
    while (frontier.length > 0 && !parent.has(target)) {
      const next2 = [];
      for (const node of frontier) {
        const out = this.#edges.get(node);
        if (!out) continue;
        for (const to of [...out.keys()].sort()) {
          if (parent.has(to)) continue;
          parent.set(to, node);
          next2.push(to);
        }
      }
      frontier = next2.sort();
    }
    if (!parent.has(target)) return void 0;
    const chain = [target];
    for (let node = target; node !== start; ) {
      node = parent.get(node);
      chain.push(node);
    }
    return chain.reverse();
  }
  /** The specifier `from` used to import `to`, if that edge was seen. */
  specifier(from, to) {
    return this.#edges.get(from)?.get(to)?.specifier;
  }
};

// src/compile/bundle/async-context-stubs.ts
var DIAGNOSTICS_CHANNEL = `var channels = new Map();
function Channel(name) { this.name = name; this._subscribers = []; this._stores = new Map(); }
Object.defineProperty(Channel.prototype, "hasSubscribers", { get: function () { return this._subscribers.length > 0 || this._stores.size > 0; } });
Channel.prototype.subscribe = function (fn) { this._subscribers = this._subscribers.concat([fn]); };
Channel.prototype.unsubscribe = function (fn) { var i = this._subscribers.indexOf(fn); if (i < 0) return false; this._subscribers = this._subscribers.slice(0, i).concat(this._subscribers.slice(i + 1)); return true; };
Channel.prototype.publish = function (message) {
  var subs = this._subscribers;
  for (var i = 0; i < subs.length; i++) {
    try { subs[i](message, this.name); } catch (e) { setTimeout(function () { throw e; }, 0); }
  }
};
Channel.prototype.bindStore = function (store, transform) { this._stores.set(store, transform); };
Channel.prototype.unbindStore = function (store) { return this._stores.delete(store); };
Channel.prototype.runStores = function (message, fn, thisArg) {
  var args = Array.prototype.slice.call(arguments, 3), self = this, run = function () { self.publish(message); return fn.apply(thisArg, args); };
  this._stores.forEach(function (transform, store) { var inner = run; run = function () { return store.run(transform ? transform(message) : message, inner); }; });
  return run();
};
function channel(name) { var c = channels.get(name); if (!c) { c = new Channel(name); channels.set(name, c); } return c; }
var TRACING_EVENTS = ["start", "end", "asyncStart", "asyncEnd", "error"];
function tracingChannel(name) {
  var t = name;
  if (typeof name === "string") { t = {}; TRACING_EVENTS.forEach(function (k) { t[k] = channel("tracing:" + name + ":" + k); }); }
  Object.defineProperty(t, "hasSubscribers", { get: function () { return TRACING_EVENTS.some(function (k) { return t[k].hasSubscribers; }); } });
  t.subscribe = function (h) { TRACING_EVENTS.forEach(function (k) { if (h[k]) t[k].subscribe(h[k]); }); };
  t.unsubscribe = function (h) { var ok = true; TRACING_EVENTS.forEach(function (k) { if (h[k]) ok = t[k].unsubscribe(h[k]) && ok; }); return ok; };
  t.traceSync = function (fn, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 3); context = context || {};
    t.start.publish(context);
    try { context.result = fn.apply(thisArg, args); return context.result; } catch (e) { context.error = e; t.error.publish(context); throw e; } finally { t.end.publish(context); }
  };
  t.tracePromise = function (fn, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 3); context = context || {};
    t.start.publish(context);
    try {
      return Promise.resolve(fn.apply(thisArg, args)).then(
        function (r) { context.result = r; t.asyncStart.publish(context); t.asyncEnd.publish(context); return r; },
        function (e) { context.error = e; t.error.publish(context); t.asyncStart.publish(context); t.asyncEnd.publish(context); throw e; });
    } catch (e) { context.error = e; t.error.publish(context); throw e; } finally { t.end.publish(context); }
  };
  t.traceCallback = function (fn, position, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 4); context = context || {};
    var at = position < 0 ? args.length + position : position, callback = args[at];
    args[at] = function (err, res) {
      if (err) { context.error = err; t.error.publish(context); } else context.result = res;
      t.asyncStart.publish(context);
      try { return callback.apply(this, arguments); } finally { t.asyncEnd.publish(context); }
    };
    return t.traceSync.apply(null, [fn, context, thisArg].concat(args));
  };
  return t;
}
module.exports = {
  channel: channel, hasSubscribers: function (name) { var c = channels.get(name); return !!c && c.hasSubscribers; },
  subscribe: function (name, fn) { channel(name).subscribe(fn); }, unsubscribe: function (name, fn) { return channel(name).unsubscribe(fn); },
  tracingChannel: tracingChannel, Channel: Channel
};
`;
var ASYNC_HOOKS = `function AsyncResource(type) { this.type = type; }
AsyncResource.prototype.runInAsyncScope = function (fn, thisArg) { return fn.apply(thisArg, Array.prototype.slice.call(arguments, 2)); };
AsyncResource.prototype.bind = function (fn, thisArg) { var self = this; return function () { return self.runInAsyncScope.apply(self, [fn, thisArg === undefined ? this : thisArg].concat(Array.prototype.slice.call(arguments))); }; };
AsyncResource.prototype.emitDestroy = function () { return this; };
AsyncResource.prototype.asyncId = function () { return 1; };
AsyncResource.prototype.triggerAsyncId = function () { return 0; };
AsyncResource.bind = function (fn, type, thisArg) { return new AsyncResource(type || "bound-anonymous-fn").bind(fn, thisArg); };
function AsyncLocalStorage() { this._enabled = false; this._store = undefined; }
AsyncLocalStorage.prototype.getStore = function () { return this._enabled ? this._store : undefined; };
AsyncLocalStorage.prototype.run = function (store, fn) {
  var args = Array.prototype.slice.call(arguments, 2), prev = this._store, wasEnabled = this._enabled;
  this._enabled = true; this._store = store;
  try { return fn.apply(undefined, args); } finally { this._store = prev; this._enabled = wasEnabled; }
};
AsyncLocalStorage.prototype.exit = function (fn) {
  var args = Array.prototype.slice.call(arguments, 1), prev = this._enabled;
  this._enabled = false;
  try { return fn.apply(undefined, args); } finally { this._enabled = prev; }
};
AsyncLocalStorage.prototype.enterWith = function (store) { this._enabled = true; this._store = store; };
AsyncLocalStorage.prototype.disable = function () { this._enabled = false; this._store = undefined; };
AsyncLocalStorage.bind = function (fn) { return fn; };
AsyncLocalStorage.snapshot = function () { return function (fn) { return fn.apply(undefined, Array.prototype.slice.call(arguments, 1)); }; };
function createHook() { return { enable: function () { return this; }, disable: function () { return this; } }; }
module.exports = {
  AsyncResource: AsyncResource, AsyncLocalStorage: AsyncLocalStorage, createHook: createHook,
  executionAsyncId: function () { return 1; }, triggerAsyncId: function () { return 0; }, executionAsyncResource: function () { return {}; },
  asyncWrapProviders: {}
};
`;

// src/compile/bundle/http-over-fetch.ts
function httpOverFetch(protocol) {
  return `var EventEmitter = require("events");
var Readable = require("stream").Readable;
var Buffer = require("buffer").Buffer;
var PROTOCOL = ${JSON.stringify(protocol)};
function unavailable(fn) {
  var e = new Error("${protocol.slice(0, -1)}." + fn + "() is not available in the sandbox: actions have no sockets; HTTP goes through the global fetch()");
  e.code = "ERR_ACTUATE_UNAVAILABLE";
  return e;
}
function inherit(C, P) { C.prototype = Object.create(P.prototype, { constructor: { value: C, writable: true, configurable: true } }); }

// A Readable of the whole body (one chunk), so pipe(), pipeline(), async iteration and read() work
// as on Node's. fetch has already decoded a gzip/deflate/br body, so its content-encoding is
// dropped and content-length is the decoded length: a Node client must not decode it again.
function IncomingMessage(response, body) {
  Readable.call(this);
  var headers = {}, raw = [], decoded = response.headers.has("content-encoding");
  response.headers.forEach(function (value, name) {
    if (decoded && (name === "content-encoding" || name === "content-length")) return;
    raw.push(name, value);
    if (name === "set-cookie") (headers[name] = headers[name] || []).push(value);
    else headers[name] = name in headers ? headers[name] + ", " + value : value;
  });
  if (decoded) { headers["content-length"] = String(body.length); raw.push("content-length", String(body.length)); }
  this.statusCode = response.status;
  this.statusMessage = response.statusText;
  this.headers = headers;
  this.rawHeaders = raw;
  this.trailers = {};
  this.rawTrailers = [];
  this.httpVersion = "1.1";
  this.httpVersionMajor = 1;
  this.httpVersionMinor = 1;
  this.url = "";
  this.complete = false;
  this._body = body;
}
inherit(IncomingMessage, Readable);
IncomingMessage.prototype._read = function () {
  var body = this._body;
  if (body === null) return;
  this._body = null;
  if (body.length > 0) this.push(body);
  this.complete = true;
  this.push(null);
};
IncomingMessage.prototype.setTimeout = function (ms, cb) { if (cb) this.once("timeout", cb); return this; };

function ClientRequest(url, options, callback) {
  EventEmitter.call(this);
  this.method = String(options.method || "GET").toUpperCase();
  this.path = url.pathname + url.search;
  this.host = url.hostname;
  this.protocol = url.protocol;
  this._url = url;
  this._headers = {};
  this._chunks = [];
  this._ended = false;
  this._controller = new AbortController();
  this._timeoutMs = options.timeout > 0 ? options.timeout : 0;
  this.destroyed = false;
  var h = options.headers || {};
  if (Array.isArray(h)) for (var i = 0; i + 1 < h.length; i += 2) this.setHeader(h[i], h[i + 1]);
  else for (var k in h) if (Object.prototype.hasOwnProperty.call(h, k) && h[k] !== undefined) this.setHeader(k, h[k]);
  var auth = options.auth || (url.username ? decodeURIComponent(url.username) + ":" + decodeURIComponent(url.password) : "");
  if (auth && !this.getHeader("authorization")) this.setHeader("Authorization", "Basic " + Buffer.from(auth).toString("base64"));
  if (options.signal) { var self = this; options.signal.addEventListener("abort", function () { self.destroy(new Error("The operation was aborted")); }); }
  if (callback) this.once("response", callback);
}
inherit(ClientRequest, EventEmitter);
ClientRequest.prototype.setHeader = function (name, value) { this._headers[String(name).toLowerCase()] = [String(name), value]; return this; };
ClientRequest.prototype.getHeader = function (name) { var h = this._headers[String(name).toLowerCase()]; return h ? h[1] : undefined; };
ClientRequest.prototype.removeHeader = function (name) { delete this._headers[String(name).toLowerCase()]; };
ClientRequest.prototype.getHeaders = function () { var out = {}; for (var k in this._headers) out[k] = this._headers[k][1]; return out; };
ClientRequest.prototype.setTimeout = function (ms, cb) { this._timeoutMs = ms; if (cb) this.once("timeout", cb); return this; };
ClientRequest.prototype.setNoDelay = function () { return this; };
ClientRequest.prototype.setSocketKeepAlive = function () { return this; };
ClientRequest.prototype.flushHeaders = function () {};
ClientRequest.prototype.write = function (chunk, encoding, cb) {
  if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
  if (chunk !== undefined && chunk !== null) this._chunks.push(typeof chunk === "string" ? Buffer.from(chunk, encoding || "utf8") : Buffer.from(chunk));
  if (cb) Promise.resolve().then(cb);
  return true;
};
ClientRequest.prototype.end = function (chunk, encoding, cb) {
  if (typeof chunk === "function") { cb = chunk; chunk = undefined; }
  else if (typeof encoding === "function") { cb = encoding; encoding = undefined; }
  if (this._ended) return this;
  if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
  this._ended = true;
  if (cb) this.once("finish", cb);
  this._send();
  return this;
};
ClientRequest.prototype.abort = function () { this.destroy(); };
ClientRequest.prototype.destroy = function (err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this._controller.abort();
  var self = this;
  Promise.resolve().then(function () { if (err) self.emit("error", err); self.emit("close"); });
  return this;
};
ClientRequest.prototype._send = function () {
  var self = this, headers = [];
  for (var k in this._headers) {
    var v = this._headers[k][1];
    if (Array.isArray(v)) v.forEach(function (x) { headers.push([k, String(x)]); }); else headers.push([k, String(v)]);
  }
  var body = this._chunks.length > 0 ? Buffer.concat(this._chunks) : undefined;
  var timer;
  if (this._timeoutMs > 0) timer = setTimeout(function () { self.emit("timeout"); }, this._timeoutMs);
  Promise.resolve().then(function () { self.emit("finish"); });
  fetch(this._url.href, { method: this.method, headers: headers, body: this.method === "GET" || this.method === "HEAD" ? undefined : body, redirect: "manual", signal: this._controller.signal })
    .then(function (response) {
      return response.arrayBuffer().then(function (bytes) {
        if (timer !== undefined) clearTimeout(timer);
        if (self.destroyed) return;
        var res = new IncomingMessage(response, Buffer.from(bytes));
        self.res = res;
        // As in Node: a response nobody listens for is drained.
        if (self.listenerCount("response") === 0) { res.resume(); return; }
        self.emit("response", res);
      });
    })
    .catch(function (e) {
      if (timer !== undefined) clearTimeout(timer);
      if (self.destroyed) return;
      var err = e instanceof Error ? e : new Error(String(e));
      if (!err.code) err.code = "ECONNREFUSED";
      self.destroyed = true;
      self.emit("error", err);
      self.emit("close");
    });
};

/** Node's request options as a URL: protocol, hostname (or host), port and path. */
function toUrl(o) {
  var protocol = o.protocol || PROTOCOL;
  var host = o.hostname || (o.host ? String(o.host).replace(/:\\d+$/, "") : "localhost");
  if (host.indexOf(":") !== -1 && host[0] !== "[") host = "[" + host + "]";
  return new URL(protocol + "//" + host + (o.port ? ":" + o.port : "") + (o.path || "/"));
}
function request(input, options, callback) {
  if (typeof options === "function") { callback = options; options = undefined; }
  var opts, url;
  if (typeof input === "string" || input instanceof URL) {
    opts = Object.assign({}, options);
    url = new URL(String(input));
    // Options given with a URL override its parts, as in Node.
    if (opts.protocol || opts.hostname || opts.host || opts.port || opts.path) url = toUrl(Object.assign({ protocol: url.protocol, hostname: url.hostname, port: url.port, path: url.pathname + url.search }, opts));
  } else {
    opts = Object.assign({}, input);
    url = toUrl(opts);
  }
  return new ClientRequest(url, opts, callback);
}
function get(input, options, callback) { var req = request(input, options, callback); req.end(); return req; }
function Agent(options) { EventEmitter.call(this); this.options = Object.assign({}, options); this.keepAlive = !!(options && options.keepAlive); }
inherit(Agent, EventEmitter);
Agent.prototype.destroy = function () {};
module.exports = {
  request: request, get: get, Agent: Agent, globalAgent: new Agent(), ClientRequest: ClientRequest, IncomingMessage: IncomingMessage,
  METHODS: ["ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD", "LINK", "LOCK", "M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL", "MOVE", "NOTIFY", "OPTIONS", "PATCH", "POST", "PROPFIND", "PROPPATCH", "PURGE", "PUT", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE", "TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE"],
  STATUS_CODES: { 100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 206: "Partial Content", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 413: "Payload Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout" },
  createServer: function () { throw unavailable("createServer"); },
  Server: function () { throw unavailable("Server"); }
};
`;
}

// src/compile/bundle/stubs.ts
var unavailable = (name, why, functions, extra = "", errorFirstCallbacks = false) => `var why = ${JSON.stringify(why)};
var callbacks = ${errorFirstCallbacks};
function fail(fn) {
  var e = new Error("${name}." + fn + "() is not available in the sandbox: " + why);
  e.code = "ERR_ACTUATE_UNAVAILABLE";
  return e;
}
function stand(key) {
  return function () {
    var cb = arguments[arguments.length - 1];
    if (callbacks && typeof cb === "function" && !/Sync$/.test(key)) { var e = fail(key); Promise.resolve().then(function () { cb(e); }); return; }
    throw fail(key);
  };
}
var known = {${extra}};
${JSON.stringify(functions)}.forEach(function (key) { if (!(key in known)) known[key] = stand(key); });
module.exports = new Proxy(known, {
  get: function (target, key) {
    if (typeof key !== "string" || key in target) return target[key];
    if (key === "then" || key === "__esModule" || key === "default") return undefined;
    return stand(key);
  }
});
`;
var NO_FS = "actions have no file system; import JSON data from the repository, or fetch it";
var NO_SOCKETS = "actions have no sockets; HTTP goes through the global fetch()";
var NO_PROCESSES = "actions cannot start processes";
var NO_THREADS = "actions cannot start threads";
var NO_TERMINAL = "actions have no terminal or files to read lines from";
var WORKER_EXTRA = `
  isMainThread: true, parentPort: null, threadId: 0, workerData: null, resourceLimits: {}, SHARE_ENV: Symbol("SHARE_ENV")
`;
var HTTP2_EXTRA = `
  constants: { NGHTTP2_CANCEL: 8, HTTP2_HEADER_STATUS: ":status", HTTP2_HEADER_METHOD: ":method", HTTP2_HEADER_AUTHORITY: ":authority",
    HTTP2_HEADER_SCHEME: ":scheme", HTTP2_HEADER_PATH: ":path", HTTP2_METHOD_CONNECT: "CONNECT" },
  sensitiveHeaders: Symbol("nodejs.http2.sensitiveHeaders")
`;
var FS_FUNCTIONS = [
  "readFile",
  "readFileSync",
  "writeFile",
  "writeFileSync",
  "appendFile",
  "appendFileSync",
  "stat",
  "statSync",
  "lstat",
  "lstatSync",
  "readdir",
  "readdirSync",
  "mkdir",
  "mkdirSync",
  "rm",
  "rmSync",
  "unlink",
  "unlinkSync",
  "access",
  "accessSync",
  "realpath",
  "realpathSync",
  "open",
  "openSync",
  "close",
  "closeSync",
  "read",
  "readSync",
  "write",
  "writeSync",
  "createReadStream",
  "createWriteStream",
  "watch",
  "watchFile",
  "exists"
];
var FS_EXTRA = `
  existsSync: function () { return false; },
  constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 },
  promises: new Proxy({}, { get: function (t, key) {
    if (typeof key !== "string" || key === "then") return undefined;
    return function () { return Promise.reject(fail("promises." + key)); };
  } })
`;
var NET_EXTRA = `
  isIPv4: function (s) { return /^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$/.test(String(s)); },
  isIPv6: function (s) {
    s = String(s);
    if (s.indexOf("%") !== -1) s = s.slice(0, s.indexOf("%"));
    var v4 = /:(\\d+\\.\\d+\\.\\d+\\.\\d+)$/.exec(s);
    if (v4) { if (!module.exports.isIPv4(v4[1])) return false; s = s.slice(0, -v4[1].length) + "0:0"; }
    var halves = s.split("::"), hex = /^[0-9a-fA-F]{1,4}$/;
    if (halves.length > 2) return false;
    var groups = halves.map(function (h) { return h === "" ? [] : h.split(":"); });
    if (!groups.every(function (g) { return g.every(function (x) { return hex.test(x); }); })) return false;
    return halves.length === 2 ? groups[0].length + groups[1].length < 8 : groups[0].length === 8;
  },
  isIP: function (s) { return module.exports.isIPv4(s) ? 4 : module.exports.isIPv6(s) ? 6 : 0; }
`;
var OS = `var start = Date.now();
module.exports = {
  EOL: "\\n", devNull: "/dev/null", constants: { signals: {}, errno: {}, priority: {} },
  platform: function () { return "browser"; }, type: function () { return "Actuate"; }, release: function () { return ""; },
  version: function () { return ""; }, machine: function () { return "wasm32"; }, arch: function () { return "wasm32"; },
  endianness: function () { return "LE"; }, hostname: function () { return "localhost"; }, homedir: function () { return "/"; },
  tmpdir: function () { return "/tmp"; }, uptime: function () { return (Date.now() - start) / 1000; }, loadavg: function () { return [0, 0, 0]; },
  totalmem: function () { return 0; }, freemem: function () { return 0; }, availableParallelism: function () { return 1; },
  cpus: function () { return []; }, networkInterfaces: function () { return {}; },
  userInfo: function () { return { uid: -1, gid: -1, username: "actuate", homedir: "/", shell: null }; },
  getPriority: function () { return 0; }, setPriority: function () {}
};
`;
var THROWS = {
  gets: "a stand-in whose functions throw when called",
  consequence: "it fails with an error naming the call"
};
var BEHAVIOURS = {
  http: { gets: "a client over fetch (requests only, under the egress policy; no servers or sockets)", consequence: "its requests go through fetch, and a server or socket fails with an error naming the call" },
  os: { gets: 'a stand-in with neutral answers (platform "browser", hostname "localhost", no CPUs or network interfaces)', consequence: "it sees those answers" },
  async_hooks: {
    gets: "a stand-in without async context: AsyncResource works, AsyncLocalStorage holds a store only while the function given to run() runs synchronously",
    consequence: "a store read after an await in that function is undefined"
  }
};
function stubBehaviour(name) {
  if (name === "perf_hooks" || name === "constants" || name === "diagnostics_channel") return void 0;
  return BEHAVIOURS[name === "https" ? "http" : name] ?? THROWS;
}
var BUILTIN_STUBS = {
  fs: unavailable("fs", NO_FS, FS_FUNCTIONS, FS_EXTRA, true),
  "fs/promises": `module.exports = require("fs").promises;
`,
  os: OS,
  http: httpOverFetch("http:"),
  https: httpOverFetch("https:"),
  net: unavailable("net", NO_SOCKETS, ["connect", "createConnection", "createServer", "Socket", "Server"], NET_EXTRA),
  tls: unavailable("tls", NO_SOCKETS, ["connect", "createSecureContext", "createServer", "TLSSocket", "checkServerIdentity"]),
  dns: unavailable("dns", NO_SOCKETS, ["lookup", "resolve", "resolve4", "resolve6", "resolveTxt", "resolveMx", "reverse"], "", true),
  child_process: unavailable("child_process", NO_PROCESSES, ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"], "", true),
  perf_hooks: `module.exports = { performance: globalThis.performance };
`,
  // The deprecated \`constants\` module: fs's and crypto's (node-rsa reads the RSA paddings).
  constants: `module.exports = Object.assign({}, require("fs").constants, require("crypto").constants);
`,
  readline: unavailable("readline", NO_TERMINAL, ["createInterface", "clearLine", "clearScreenDown", "cursorTo", "moveCursor", "emitKeypressEvents", "Interface"]),
  "readline/promises": unavailable("readline/promises", NO_TERMINAL, ["createInterface", "Interface", "Readline"]),
  worker_threads: unavailable("worker_threads", NO_THREADS, ["Worker", "MessageChannel", "MessagePort", "BroadcastChannel", "receiveMessageOnPort", "markAsUntransferable", "moveMessagePortToContext", "getEnvironmentData", "setEnvironmentData"], WORKER_EXTRA),
  async_hooks: ASYNC_HOOKS,
  diagnostics_channel: DIAGNOSTICS_CHANNEL,
  http2: unavailable("http2", NO_SOCKETS, ["connect", "createServer", "createSecureServer", "getDefaultSettings", "getPackedSettings", "getUnpackedSettings"], HTTP2_EXTRA)
};

// src/compile/bundle/repo-files.ts
import path10 from "node:path";
var SOURCE_EXTENSIONS2 = [".ts", ".mts", ".cts", ".tsx", ".js", ".mjs", ".cjs", ".jsx", ".json"];
var JS_TO_TS = { ".js": [".ts", ".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };
function resolveRepoImport(files, fromFile, specifier) {
  const base = path10.posix.normalize(path10.posix.join(path10.posix.dirname(fromFile), specifier));
  if (base === ".." || base.startsWith("../") || base.startsWith("/")) return void 0;
  const candidates = [base, ...SOURCE_EXTENSIONS2.map((e) => base + e)];
  const ext = path10.posix.extname(base);
  for (const alt of JS_TO_TS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + alt);
  candidates.push(...SOURCE_EXTENSIONS2.map((e) => `${base}/index${e}`));
  return candidates.find((c) => files.has(c));
}
function isRelativeSpecifier(specifier) {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === "..";
}
function packageName2(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}
var LOADERS = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "js",
  ".mjs": "js",
  ".cjs": "js",
  ".jsx": "jsx",
  ".json": "json",
  ".txt": "text"
};
function loaderFor(file) {
  return LOADERS[path10.posix.extname(file)];
}

// src/compile/bundle/sandbox-plugin.ts
import { existsSync } from "node:fs";
import { open as open2, readFile as readFile5 } from "node:fs/promises";
import path13 from "node:path";

// src/compile/bundle/amd.ts
var DEFINE_CALL = /define\s*\(\s*(?:(['"])[^'"\n]*\1\s*,\s*)?(\[[^\]]*\])?/y;
var USE_STRICT = /(['"])use strict\1;?/y;
function skipPrologue(text) {
  let i = skipBlank(text, 0);
  USE_STRICT.lastIndex = i;
  if (USE_STRICT.test(text)) i = skipBlank(text, USE_STRICT.lastIndex);
  return i;
}
function skipBlank(text, i) {
  for (; ; ) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0) return text.length;
      i = end + 2;
    } else if (text.startsWith("//", i)) {
      const end = text.indexOf("\n", i + 2);
      if (end < 0) return text.length;
      i = end + 1;
    } else return i;
  }
}
function amdStart(head) {
  DEFINE_CALL.lastIndex = skipPrologue(head);
  return DEFINE_CALL.exec(head);
}
var SPECIAL = /* @__PURE__ */ new Set(["require", "exports", "module"]);
function isAmdModule(head) {
  return amdStart(head) !== null;
}
function amdAsCommonJs(source) {
  const m = amdStart(source.slice(0, 4096));
  if (m === null) return void 0;
  const deps = m[2] === void 0 ? [] : [...m[2].matchAll(/(['"])([^'"\n]+)\1/g)].map((d) => d[2]).filter((d) => !SPECIAL.has(d));
  const table = [...new Set(deps)].sort().map((d) => `${JSON.stringify(d)}: function () { return require(${JSON.stringify(d)}); }`).join(", ");
  return `${amdDefine(table)}${source}`;
}
function amdDefine(table) {
  return `var define = (function (deps) { function define(id, list, factory) { if (typeof id !== 'string') { factory = list; list = id; } if (!Array.isArray(list)) { factory = list; list = ['require', 'exports', 'module']; } var args = list.map(function (d) { if (d === 'require') return require; if (d === 'exports') return module.exports; if (d === 'module') return module; if (!Object.prototype.hasOwnProperty.call(deps, d)) throw new Error('AMD module dependency ' + d + ' was not bundled'); return deps[d](); }); var r = typeof factory === 'function' ? factory.apply(module.exports, args) : factory; if (r !== undefined) module.exports = r; } define.amd = {}; return define; })({ ${table} }); `;
}

// src/compile/bundle/layer-files.ts
import { readFileSync as readFileSync2 } from "node:fs";
import path11 from "node:path";
var packageOfDir = /* @__PURE__ */ new Map();
var realByName = /* @__PURE__ */ new Map();
function layerFileName(file) {
  const pkg = packageOf(path11.dirname(file));
  if (!pkg) throw new InternalError(`compatibility layer file outside any package: ${file}`);
  const name = `npm/${pkg.id}/${path11.relative(pkg.dir, file).split(path11.sep).join("/")}`;
  realByName.set(name, file);
  return name;
}
function layerFilePath(name) {
  const file = realByName.get(name);
  if (file === void 0) throw new InternalError(`unknown compatibility layer file: ${name}`);
  return file;
}
function packageOf(dir) {
  const cached = packageOfDir.get(dir);
  if (cached !== void 0) return cached;
  let found = null;
  try {
    const pkg = JSON.parse(readFileSync2(path11.join(dir, "package.json"), "utf8"));
    if (typeof pkg.name === "string" && typeof pkg.version === "string") found = { dir, id: `${pkg.name}@${pkg.version}` };
  } catch {
  }
  const parent = path11.dirname(dir);
  if (!found && parent !== dir) found = packageOf(parent);
  packageOfDir.set(dir, found);
  return found;
}

// src/compile/bundle/node-builds.ts
import { readFile as readFile4, stat as stat2 } from "node:fs/promises";
import path12 from "node:path";

// src/compile/bundle/form-data-compat.ts
var FORM_DATA_COMPAT = `var Base = globalThis.FormData;
var Buffer = require("buffer").Buffer;
function unavailable(what, why) { var e = new Error(what + " is not available in the sandbox: " + why); e.code = "ERR_ACTUATE_UNAVAILABLE"; return e; }
function randomHex(n) { var b = new Uint8Array(n); globalThis.crypto.getRandomValues(b); var s = ""; for (var i = 0; i < n; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16); return s; }
class FormData extends Base {
  constructor(options) { super(); this._boundary = undefined; }
  append(field, value, options) {
    if (typeof options === "string") options = { filename: options };
    options = options || {};
    if (typeof value === "number" || typeof value === "boolean") value = String(value);
    if (Array.isArray(value)) throw new Error("Arrays are not supported.");
    if (typeof value === "string") return super.append(field, value);
    var filename = options.filepath || options.filename || (value && typeof value.name === "string" ? value.name : undefined);
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      var bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      var blob = new Blob([bytes], { type: options.contentType || "application/octet-stream" });
      return filename === undefined ? super.append(field, blob) : super.append(field, blob, filename);
    }
    if (value instanceof Blob) return filename === undefined ? super.append(field, value) : super.append(field, value, filename);
    if (value && (typeof value.pipe === "function" || typeof value.on === "function")) {
      throw unavailable("form-data with a stream value", "append a Buffer or a string (actions have no files or sockets to stream from)");
    }
    return super.append(field, String(value));
  }
  getBoundary() { if (!this._boundary) this._boundary = "--------------------------" + randomHex(12); return this._boundary; }
  setBoundary(boundary) { if (typeof boundary !== "string") throw new TypeError("FormData boundary must be a string"); this._boundary = boundary; }
  getHeaders(userHeaders) {
    var headers = { "content-type": "multipart/form-data; boundary=" + this.getBoundary() };
    for (var k in userHeaders) if (Object.prototype.hasOwnProperty.call(userHeaders, k)) headers[k.toLowerCase()] = userHeaders[k];
    return headers;
  }
  /** The body fetch sends for this form (the runtime's own encoding), as a Buffer. */
  getBuffer() { return Buffer.from(globalThis.__actuate_builtins.multipart(this).bytes); }
  getLengthSync() { return this.getBuffer().length; }
  getLength(callback) { var n; try { n = this.getLengthSync(); } catch (e) { return callback(e); } callback(null, n); }
  hasKnownLength() { return true; }
  submit() { throw unavailable("form.submit()", "post the form with fetch or axios, with headers form.getHeaders()"); }
  pipe() { throw unavailable("form.pipe()", "post the form with fetch or axios, with headers form.getHeaders()"); }
  toString() { return "[object FormData]"; }
}
FormData.LINE_BREAK = "\\r\\n";
FormData.DEFAULT_CONTENT_TYPE = "application/octet-stream";
module.exports = FormData;
`;

// src/compile/bundle/node-builds.ts
var COMPAT_SOURCES = { "form-data": FORM_DATA_COMPAT };
var NODE_BUILDS = [
  {
    kind: "entry",
    package: "joi",
    why: "joi 17's browser build leaves out the list of top-level domains, so `Joi.string().email()` threw 'Built-in TLD list disabled'"
  },
  {
    kind: "entry",
    package: "@hapi/joi",
    why: "joi under its former name (16 and 17) has the same browser build without the list of top-level domains"
  },
  {
    kind: "entry",
    package: "base32.js",
    why: "its browser build decodes to a plain array, which Node's crypto.createHmac refuses: speakeasy's TOTP threw on the key"
  },
  {
    kind: "entry",
    package: "qrcode",
    why: 'its browser build draws on a <canvas>: toDataURL and toString threw "You need to specify a canvas element"; the Node build encodes PNG with zlib'
  },
  {
    kind: "file",
    package: "aws-sdk",
    browserFile: "lib/xml/browser_parser.js",
    nodeFile: "lib/xml/node_parser.js",
    why: "the AWS SDK v2's browser build parses XML answers (SNS, SES, S3, STS…) with the DOM's DOMParser; its Node parser uses xml2js, one of its dependencies"
  }
];
var COMPAT_FILES = /* @__PURE__ */ new Map([["node_modules/form-data/lib/browser.js", "form-data"]]);
function compatModule(resolved) {
  const at2 = resolved.lastIndexOf("node_modules/");
  return at2 < 0 ? void 0 : COMPAT_FILES.get(resolved.slice(at2));
}
var ENTRY = new Set(NODE_BUILDS.filter((b) => b.kind === "entry").map((b) => b.package));
var FILES = new Map(
  NODE_BUILDS.flatMap((b) => b.kind === "file" ? [[`node_modules/${b.package}/${b.browserFile}`, b]] : [])
);
async function nodeBuildFile(specifier, resolved) {
  const at2 = resolved.lastIndexOf("node_modules/");
  if (at2 < 0) return void 0;
  const inInstall = resolved.slice(at2);
  const replacement = FILES.get(inInstall);
  if (replacement !== void 0) return path12.join(resolved.slice(0, at2), "node_modules", replacement.package, replacement.nodeFile);
  if (!ENTRY.has(specifier)) return void 0;
  const dir = path12.join(resolved.slice(0, at2), "node_modules", specifier);
  if (!resolved.startsWith(`${dir}/`)) return void 0;
  return mainFile(dir);
}
async function mainFile(dir) {
  let main2 = "index.js";
  try {
    const pkg = JSON.parse(await readFile4(path12.join(dir, "package.json"), "utf8"));
    if (typeof pkg.main === "string" && pkg.main !== "") main2 = pkg.main;
  } catch {
    return void 0;
  }
  const base = path12.join(dir, main2);
  for (const candidate of [base, `${base}.js`, `${base}.cjs`, `${base}.json`, path12.join(base, "index.js")]) {
    if (await isFile(candidate)) return candidate;
  }
  return void 0;
}
async function isFile(file) {
  try {
    return (await stat2(file)).isFile();
  } catch {
    return false;
  }
}

// src/compile/bundle/polyfills.ts
import { createRequire } from "node:module";

// src/compile/bundle/deep-equal.ts
var DEEP_EQUAL_SOURCE = `function actuateDeepEqual(a, b, strict, memo) {
  if (a === b) return !strict || a !== 0 || Object.is(a, b);
  var objA = a !== null && (typeof a === "object" || typeof a === "function");
  var objB = b !== null && (typeof b === "object" || typeof b === "function");
  if (!objA || !objB) {
    if (objA || objB) return false;
    if (typeof a === "number" && typeof b === "number" && a !== a && b !== b) return true;
    return !strict && a == b;
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  var tag = Object.prototype.toString.call(a);
  if (tag !== Object.prototype.toString.call(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b) || (Array.isArray(a) && a.length !== b.length)) return false;
  if (tag === "[object Date]" && a.getTime() !== b.getTime() && !(a.getTime() !== a.getTime() && b.getTime() !== b.getTime())) return false;
  if (a instanceof RegExp && (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex)) return false;
  if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
  if (ArrayBuffer.isView(a)) {
    if (a.byteLength !== b.byteLength || a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (!(strict ? Object.is(a[i], b[i]) : a[i] == b[i])) return false;
  }
  if (a instanceof ArrayBuffer && !actuateDeepEqual(new Uint8Array(a), new Uint8Array(b), strict, memo)) return false;
  if (tag === "[object Number]" || tag === "[object String]" || tag === "[object Boolean]" || tag === "[object BigInt]" || tag === "[object Symbol]") {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  }
  var keysA = actuateOwnKeys(a, strict), keysB = actuateOwnKeys(b, strict);
  if (keysA.length !== keysB.length) return false;
  for (var k = 0; k < keysA.length; k++) if (!Object.prototype.propertyIsEnumerable.call(b, keysA[k])) return false;
  memo = memo || { a: [], b: [] };
  for (var m = 0; m < memo.a.length; m++) if (memo.a[m] === a && memo.b[m] === b) return true;
  memo.a.push(a); memo.b.push(b);
  try {
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      var unmatched = [];
      b.forEach(function (v, key) { if (!a.has(key) || (key !== null && typeof key === "object")) unmatched.push([key, v]); });
      var ok = true;
      a.forEach(function (v, key) {
        if (!ok) return;
        if (b.has(key) && (key === null || typeof key !== "object")) { ok = actuateDeepEqual(v, b.get(key), strict, memo); return; }
        var at = unmatched.findIndex(function (e) { return actuateDeepEqual(key, e[0], strict, memo) && actuateDeepEqual(v, e[1], strict, memo); });
        if (at === -1) ok = false; else unmatched.splice(at, 1);
      });
      if (!ok) return false;
    } else if (a instanceof Set) {
      if (a.size !== b.size) return false;
      var rest = [];
      b.forEach(function (v) { if (v !== null && typeof v === "object" || !a.has(v)) rest.push(v); });
      var all = true;
      a.forEach(function (v) {
        if (!all || (b.has(v) && (v === null || typeof v !== "object"))) return;
        var at = rest.findIndex(function (w) { return actuateDeepEqual(v, w, strict, memo); });
        if (at === -1) all = false; else rest.splice(at, 1);
      });
      if (!all) return false;
    }
    for (var j = 0; j < keysA.length; j++) if (!actuateDeepEqual(a[keysA[j]], b[keysA[j]], strict, memo)) return false;
    return true;
  } finally {
    memo.a.pop(); memo.b.pop();
  }
}
function actuateOwnKeys(o, strict) {
  var keys = Object.keys(o);
  if (ArrayBuffer.isView(o)) keys = keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
  if (strict) Object.getOwnPropertySymbols(o).forEach(function (s) { if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s); });
  return keys;
}
`;

// src/compile/bundle/assert-layer.ts
var assertLayer = (polyfillPrefix) => `var assert = require("${polyfillPrefix}unenv/node/assert").default;
${DEEP_EQUAL_SOURCE}
var show = function (v) {
  var b = globalThis.__actuate_builtins;
  // The options Node's assertion messages inspect with.
  try { return b && b.util ? b.util.inspect(v, { compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, sorted: true }) : JSON.stringify(v); } catch (e) { return String(v); }
};
// unenv's AssertionError keeps neither the message nor the name; these errors carry both.
function assertionError(o) {
  var e = new assert.AssertionError(o);
  Object.defineProperty(e, "message", { value: o.message, writable: true, configurable: true });
  Object.defineProperty(e, "name", { value: "AssertionError", writable: true, configurable: true });
  e.generatedMessage = o.generated;
  return e;
}
var HEADLINES = {
  deepEqual: ["Expected values to be loosely deep-equal:", "should loosely deep-equal"],
  deepStrictEqual: ["Expected values to be strictly deep-equal:", "should equal"],
  notDeepEqual: ['Expected "actual" not to be loosely deep-equal to:'],
  notDeepStrictEqual: ['Expected "actual" not to be strictly deep-equal to:'],
};
function deepCheck(operator, strict, equal) {
  var check = function (actual, expected, message) {
    if (arguments.length < 2) throw new TypeError('The "actual" and "expected" arguments must be specified');
    if (actuateDeepEqual(actual, expected, strict) !== equal) {
      if (message instanceof Error) throw message;
      var h = HEADLINES[operator];
      var generated = message === undefined || message === null;
      var text = !generated ? String(message) : equal ? h[0] + "\\n\\n" + show(actual) + "\\n\\n" + h[1] + "\\n\\n" + show(expected) + "\\n" : h[0] + "\\n\\n" + show(expected) + "\\n";
      throw assertionError({ actual: actual, expected: expected, message: text, generated: generated, operator: operator, stackStartFn: check });
    }
  };
  return check;
}
assert.deepEqual = deepCheck("deepEqual", false, true);
assert.notDeepEqual = deepCheck("notDeepEqual", false, false);
assert.deepStrictEqual = deepCheck("deepStrictEqual", true, true);
assert.notDeepStrictEqual = deepCheck("notDeepStrictEqual", true, false);
// The other assertions are unenv's, whose errors lose their message (and name): they get them
// back here, the message given or the one Node generates.
var GIVEN = { ok: 1, equal: 2, notEqual: 2, strictEqual: 2, notStrictEqual: 2, fail: 0 };
function givenMessage(name, args) {
  if (name === "throws" || name === "doesNotThrow") return args.length > 1 && typeof args[args.length - 1] === "string" ? args[args.length - 1] : undefined;
  if (name === "fail" && args.length > 1) return typeof args[2] === "string" ? args[2] : undefined;
  return GIVEN[name] !== undefined && typeof args[GIVEN[name]] === "string" ? args[GIVEN[name]] : undefined;
}
function generatedMessage(name, args, e) {
  switch (name) {
    case "ok": return args.length === 0 ? "No value argument passed to \`assert.ok()\`" : show(args[0]) + " == true";
    case "equal": return show(args[0]) + " == " + show(args[1]);
    case "notEqual": return show(args[0]) + " != " + show(args[1]);
    case "strictEqual": return "Expected values to be strictly equal:\\n\\n" + show(args[0]) + " !== " + show(args[1]) + "\\n";
    case "notStrictEqual": return 'Expected "actual" to be strictly unequal to: ' + show(args[1]);
    case "match": return "The input did not match the regular expression " + String(args[1]) + ". Input:\\n\\n" + show(args[0]) + "\\n";
    case "doesNotMatch": return "The input was expected to not match the regular expression " + String(args[1]) + ". Input:\\n\\n" + show(args[0]) + "\\n";
    case "fail": return args.length > 1 ? show(args[0]) + " " + (args[3] || "!=") + " " + show(args[1]) : "Failed";
    case "throws": return "Missing expected exception" + (typeof args[1] === "function" && args[1].name ? " (" + args[1].name + ")." : ".");
    case "ifError": return "ifError got unwanted exception: " + (e.actual && typeof e.actual.message === "string" ? e.actual.message || (e.actual.constructor && e.actual.constructor.name) : show(e.actual));
    default: return undefined;
  }
}
["ok", "equal", "notEqual", "strictEqual", "notStrictEqual", "fail", "throws", "doesNotThrow", "ifError"].forEach(function (name) {
  var original = assert[name];
  if (typeof original !== "function") return;
  var wrapped = function () {
    var args = arguments;
    try {
      return original.apply(this, args);
    } catch (e) {
      if (!(e instanceof assert.AssertionError) || e.name === "AssertionError") throw e;
      var given = givenMessage(name, args);
      if (name === "strictEqual" && given !== undefined && (args[0] === null || typeof args[0] !== "object") && (args[1] === null || typeof args[1] !== "object")) given += "\\n\\n" + show(args[0]) + " !== " + show(args[1]) + "\\n";
      var text = name === "doesNotThrow"
        ? "Got unwanted exception" + (given !== undefined ? ": " + given : ".") + "\\nActual message: \\"" + (e.actual && e.actual.message) + "\\""
        : name === "throws" && given !== undefined ? "Missing expected exception: " + given : given !== undefined ? given : generatedMessage(name, args, e);
      throw assertionError({ actual: e.actual, expected: e.expected, message: text, generated: given === undefined, operator: e.operator, stackStartFn: wrapped });
    }
  };
  assert[name] = wrapped;
  if (name !== "equal" && name !== "notEqual") assert.strict[name] = wrapped;
});
// unenv's match and doesNotMatch do not test the input; these do, as Node's.
["match", "doesNotMatch"].forEach(function (name) {
  var check = function (string, regexp, message) {
    if (!(regexp instanceof RegExp)) throw new TypeError('The "regexp" argument must be an instance of RegExp.');
    if (typeof string !== "string" || regexp.test(string) !== (name === "match")) {
      if (message instanceof Error) throw message;
      var text = typeof message === "string" ? message : typeof string !== "string"
        ? 'The "string" argument must be of type string. Received type ' + typeof string + " (" + show(string) + ")"
        : generatedMessage(name, [string, regexp]);
      throw assertionError({ actual: string, expected: regexp, message: text, generated: typeof message !== "string", operator: name, stackStartFn: check });
    }
  };
  assert[name] = assert.strict[name] = check;
});
assert.strict.equal = assert.strictEqual;
assert.strict.notEqual = assert.notStrictEqual;
assert.strict.deepEqual = assert.strict.deepStrictEqual = assert.deepStrictEqual;
assert.strict.notDeepEqual = assert.strict.notDeepStrictEqual = assert.notDeepStrictEqual;
// assert(value) and assert.strict(value) are themselves unenv's ok: callables that go through the wrapped one.
var callable = Object.assign(function assert() { return callable.ok.apply(this, arguments); }, assert);
var strictCallable = Object.assign(function strict() { return callable.ok.apply(this, arguments); }, assert.strict);
strictCallable.strict = strictCallable;
callable.strict = strictCallable;
module.exports = callable;
`;

// src/compile/bundle/zlib-layer.ts
var ZLIB_LAYER = String.raw`var Buffer = require("buffer").Buffer;
var Transform = require("stream").Transform;
var constants = Object.freeze(Object.assign({"Z_NO_FLUSH":0,"Z_PARTIAL_FLUSH":1,"Z_SYNC_FLUSH":2,"Z_FULL_FLUSH":3,"Z_FINISH":4,"Z_BLOCK":5,"Z_OK":0,"Z_STREAM_END":1,"Z_NEED_DICT":2,"Z_ERRNO":-1,"Z_STREAM_ERROR":-2,"Z_DATA_ERROR":-3,"Z_MEM_ERROR":-4,"Z_BUF_ERROR":-5,"Z_VERSION_ERROR":-6,"Z_NO_COMPRESSION":0,"Z_BEST_SPEED":1,"Z_BEST_COMPRESSION":9,"Z_DEFAULT_COMPRESSION":-1,"Z_FILTERED":1,"Z_HUFFMAN_ONLY":2,"Z_RLE":3,"Z_FIXED":4,"Z_DEFAULT_STRATEGY":0,"ZLIB_VERNUM":4880,"DEFLATE":1,"INFLATE":2,"GZIP":3,"GUNZIP":4,"DEFLATERAW":5,"INFLATERAW":6,"UNZIP":7,"BROTLI_DECODE":8,"BROTLI_ENCODE":9,"Z_MIN_WINDOWBITS":8,"Z_MAX_WINDOWBITS":15,"Z_DEFAULT_WINDOWBITS":15,"Z_MIN_CHUNK":64,"Z_MAX_CHUNK":"Infinity","Z_DEFAULT_CHUNK":16384,"Z_MIN_MEMLEVEL":1,"Z_MAX_MEMLEVEL":9,"Z_DEFAULT_MEMLEVEL":8,"Z_MIN_LEVEL":-1,"Z_MAX_LEVEL":9,"Z_DEFAULT_LEVEL":-1,"BROTLI_OPERATION_PROCESS":0,"BROTLI_OPERATION_FLUSH":1,"BROTLI_OPERATION_FINISH":2,"BROTLI_OPERATION_EMIT_METADATA":3,"BROTLI_PARAM_MODE":0,"BROTLI_MODE_GENERIC":0,"BROTLI_MODE_TEXT":1,"BROTLI_MODE_FONT":2,"BROTLI_DEFAULT_MODE":0,"BROTLI_PARAM_QUALITY":1,"BROTLI_MIN_QUALITY":0,"BROTLI_MAX_QUALITY":11,"BROTLI_DEFAULT_QUALITY":11,"BROTLI_PARAM_LGWIN":2,"BROTLI_MIN_WINDOW_BITS":10,"BROTLI_MAX_WINDOW_BITS":24,"BROTLI_LARGE_MAX_WINDOW_BITS":30,"BROTLI_DEFAULT_WINDOW":22,"BROTLI_PARAM_LGBLOCK":3,"BROTLI_MIN_INPUT_BLOCK_BITS":16,"BROTLI_MAX_INPUT_BLOCK_BITS":24,"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING":4,"BROTLI_PARAM_SIZE_HINT":5,"BROTLI_PARAM_LARGE_WINDOW":6,"BROTLI_PARAM_NPOSTFIX":7,"BROTLI_PARAM_NDIRECT":8,"BROTLI_DECODER_RESULT_ERROR":0,"BROTLI_DECODER_RESULT_SUCCESS":1,"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT":2,"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT":3,"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION":0,"BROTLI_DECODER_PARAM_LARGE_WINDOW":1,"BROTLI_DECODER_NO_ERROR":0,"BROTLI_DECODER_SUCCESS":1,"BROTLI_DECODER_NEEDS_MORE_INPUT":2,"BROTLI_DECODER_NEEDS_MORE_OUTPUT":3,"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE":-1,"BROTLI_DECODER_ERROR_FORMAT_RESERVED":-2,"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE":-3,"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET":-4,"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME":-5,"BROTLI_DECODER_ERROR_FORMAT_CL_SPACE":-6,"BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE":-7,"BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT":-8,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1":-9,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2":-10,"BROTLI_DECODER_ERROR_FORMAT_TRANSFORM":-11,"BROTLI_DECODER_ERROR_FORMAT_DICTIONARY":-12,"BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS":-13,"BROTLI_DECODER_ERROR_FORMAT_PADDING_1":-14,"BROTLI_DECODER_ERROR_FORMAT_PADDING_2":-15,"BROTLI_DECODER_ERROR_FORMAT_DISTANCE":-16,"BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET":-19,"BROTLI_DECODER_ERROR_INVALID_ARGUMENTS":-20,"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES":-21,"BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS":-22,"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP":-25,"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1":-26,"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2":-27,"BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES":-30,"BROTLI_DECODER_ERROR_UNREACHABLE":-31}, { Z_MAX_CHUNK: Infinity }));
function engine() {
  var b = globalThis.__actuate_builtins;
  if (!b || !b.zlib) throw new Error("node:zlib is provided by the Actuate runtime, which is not present (globalThis.__actuate_builtins.zlib is missing)");
  return b.zlib;
}
function bytes(data, name) {
  if (typeof data === "string") return Buffer.from(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  var e = new TypeError('The "buffer" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer.' + (data === undefined ? " Received undefined" : ""));
  e.code = "ERR_INVALID_ARG_TYPE";
  throw e;
}
function options(o) {
  if (o === undefined || o === null) return undefined;
  var out = {};
  ["level", "windowBits", "memLevel", "strategy", "chunkSize", "maxOutputLength"].forEach(function (k) { if (typeof o[k] === "number") out[k] = o[k]; });
  if (o.params && typeof o.params === "object") { out.params = {}; Object.keys(o.params).forEach(function (k) { out.params[k] = o.params[k]; }); }
  if (o.dictionary !== undefined) throw new Error("zlib dictionaries are not supported in the sandbox");
  return out;
}
function runEngine(method, data, opts) {
  var input = bytes(data);
  try { return Buffer.from(engine().run(method, input, options(opts))); }
  catch (e) { if (/incorrect header|invalid|unexpected end|too far back|unknown compression/i.test(e.message)) e.code = e.code || "Z_DATA_ERROR"; if (e.message.indexOf("maxOutputLength") !== -1 || /output length/i.test(e.message)) e.code = "ERR_BUFFER_TOO_LARGE"; throw e; }
}
var METHODS = { gzip: "Gzip", gunzip: "Gunzip", deflate: "Deflate", inflate: "Inflate", deflateRaw: "DeflateRaw", inflateRaw: "InflateRaw", unzip: "Unzip", brotliCompress: "BrotliCompress", brotliDecompress: "BrotliDecompress" };
function ZlibStream(method, opts) {
  Transform.call(this, opts);
  this._method = method; this._zlibOptions = opts; this._chunks = []; this.bytesWritten = 0;
}
Object.setPrototypeOf(ZlibStream.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibStream, Transform);
ZlibStream.prototype._transform = function (chunk, encoding, callback) {
  var b = typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
  this._chunks.push(b); this.bytesWritten += b.length; callback();
};
ZlibStream.prototype._flush = function (callback) {
  var out;
  try { out = runEngine(this._method, Buffer.concat(this._chunks), this._zlibOptions); } catch (e) { callback(e); return; }
  this._chunks = [];
  callback(null, out);
};
ZlibStream.prototype.close = function (callback) { if (callback) require("process").nextTick(callback); this.destroy(); };
ZlibStream.prototype.flush = function (kind, callback) { var cb = typeof kind === "function" ? kind : callback; if (cb) require("process").nextTick(cb); };
ZlibStream.prototype.params = function (level, strategy, callback) { if (callback) require("process").nextTick(callback); };
ZlibStream.prototype.reset = function () { this._chunks = []; };
Object.keys(METHODS).forEach(function (method) {
  var name = METHODS[method];
  var C = { [name]: function (opts) { if (!(this instanceof C)) return new C(opts); ZlibStream.call(this, method, opts); } }[name];
  Object.setPrototypeOf(C.prototype, ZlibStream.prototype);
  Object.setPrototypeOf(C, ZlibStream);
  exports[name] = C;
  exports["create" + name] = function (opts) { return new C(opts); };
  exports[method + "Sync"] = function (data, opts) { return runEngine(method, data, opts); };
  exports[method] = function (data, opts, callback) {
    if (typeof opts === "function") { callback = opts; opts = undefined; }
    if (typeof callback !== "function") { var e = new TypeError('The "callback" argument must be of type function. Received ' + typeof callback); e.code = "ERR_INVALID_ARG_TYPE"; throw e; }
    var result, error = null;
    try { result = runEngine(method, data, opts); } catch (err) { error = err; }
    require("process").nextTick(function () { if (error) callback(error); else callback(null, result); });
  };
});
exports.crc32 = function (data, value) { return engine().crc32(bytes(data), value === undefined ? 0 : value); };
exports.constants = constants;
Object.keys(constants).forEach(function (k) { if (k.indexOf("Z_") === 0 || k === "ZLIB_VERNUM") Object.defineProperty(exports, k, { value: constants[k], enumerable: false }); });
exports.codes = Object.freeze({ Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  "0": "Z_OK", "1": "Z_STREAM_END", "2": "Z_NEED_DICT", "-1": "Z_ERRNO", "-2": "Z_STREAM_ERROR", "-3": "Z_DATA_ERROR", "-4": "Z_MEM_ERROR", "-5": "Z_BUF_ERROR", "-6": "Z_VERSION_ERROR" });
`;

// src/compile/bundle/polyfills.ts
var requireFromHere = createRequire(import.meta.url);
var POLYFILL_PREFIX = "actuate-polyfill:";
function resolvePolyfill(specifier) {
  return requireFromHere.resolve(specifier);
}
var unenvDefault = (name) => `module.exports = require("${POLYFILL_PREFIX}unenv/node/${name}").default;
`;
var PROCESS_SHIM = `var noop = function () {};
var start = Date.now();
function nextTick(fn) {
  var args = Array.prototype.slice.call(arguments, 1);
  var run = function () { fn.apply(undefined, args); };
  if (typeof queueMicrotask === "function") queueMicrotask(run); else Promise.resolve().then(run);
}
function hrtime(previous) {
  var ms = Date.now() - start, s = Math.floor(ms / 1000), ns = (ms % 1000) * 1e6;
  if (previous) { s -= previous[0]; ns -= previous[1]; if (ns < 0) { s -= 1; ns += 1e9; } }
  return [s, ns];
}
hrtime.bigint = function () { return BigInt(Date.now() - start) * 1000000n; };
// stdout and stderr write to the action's console (its logs), a line per write, as Auth0's
// real-time logs show what a Node action writes there; they are never terminals.
function output(fd, level) {
  return {
    fd: fd, isTTY: false, writable: true, columns: 80,
    write: function (chunk, encoding, callback) {
      var text = typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk);
      if (typeof console !== "undefined") console[level](text.charAt(text.length - 1) === "\\n" ? text.slice(0, -1) : text);
      var done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") nextTick(done);
      return true;
    },
    end: function () {}, cork: noop, uncork: noop, getColorDepth: function () { return 1; }, hasColors: function () { return false; },
    on: function () { return this; }, once: function () { return this; }, off: function () { return this; },
    removeListener: function () { return this; }, emit: function () { return false; }
  };
}
module.exports = {
  stdout: output(1, "log"), stderr: output(2, "error"),
  title: "actuate", browser: true, env: {}, argv: [], execArgv: [], version: "", versions: {},
  platform: "browser", release: { name: "actuate" }, pid: 1, ppid: 0, exitCode: undefined,
  nextTick: nextTick, hrtime: hrtime, cwd: function () { return "/"; }, umask: function () { return 0; },
  uptime: function () { return (Date.now() - start) / 1000; },
  chdir: function () { throw new Error("process.chdir() is not available in an action"); },
  exit: function () { throw new Error("process.exit() is not available in an action"); },
  abort: function () { throw new Error("process.abort() is not available in an action"); },
  binding: function (name) { throw new Error("process.binding(" + name + ") is not available in an action"); },
  emitWarning: noop, on: noop, once: noop, off: noop, addListener: noop, removeListener: noop,
  removeAllListeners: noop, prependListener: noop, prependOnceListener: noop, emit: function () { return false; },
  listeners: function () { return []; }, listenerCount: function () { return 0; }
};
`;
var STREAM_WEB = `var g = globalThis;
["ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest", "ReadableByteStreamController",
 "ReadableStreamDefaultController", "TransformStream", "TransformStreamDefaultController", "WritableStream", "WritableStreamDefaultWriter",
 "WritableStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy", "TextEncoderStream", "TextDecoderStream"].forEach(function (name) {
  Object.defineProperty(exports, name, { enumerable: true, get: function () { return g[name]; } });
});
`;
var STREAM_PROMISES = `var stream = require("stream");
function abortError() { var e = new Error("The operation was aborted"); e.name = "AbortError"; e.code = "ABORT_ERR"; return e; }
function isOptions(v) { return v !== null && typeof v === "object" && typeof v.pipe !== "function" && typeof v.on !== "function" && typeof v[Symbol.asyncIterator] !== "function" && !Array.isArray(v); }
exports.pipeline = function pipeline() {
  var streams = Array.prototype.slice.call(arguments);
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0].slice();
  var options = streams.length > 2 && isOptions(streams[streams.length - 1]) ? streams.pop() : undefined;
  return new Promise(function (resolve, reject) {
    var signal = options && options.signal;
    if (signal && signal.aborted) return reject(abortError());
    var last = stream.pipeline.apply(stream, streams.concat(function (err, value) { if (err) reject(err); else resolve(value); }));
    if (signal) signal.addEventListener("abort", function () { var e = abortError(); if (last && typeof last.destroy === "function") last.destroy(e); reject(e); }, { once: true });
  });
};
exports.finished = function finished(s, options) {
  return new Promise(function (resolve, reject) {
    stream.finished(s, options || {}, function (err) { if (err) reject(err); else resolve(); });
  });
};
`;
var STREAM_CONSUMERS = `var Buffer = require("buffer").Buffer;
async function bytes(source) {
  var chunks = [], size = 0;
  for await (var chunk of source) {
    var b = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : chunk);
    chunks.push(b); size += b.length;
  }
  return Buffer.concat(chunks, size);
}
exports.buffer = bytes;
exports.arrayBuffer = async function (s) { var b = await bytes(s); return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); };
exports.text = async function (s) { return new TextDecoder().decode(await bytes(s)); };
exports.json = async function (s) { return JSON.parse(await exports.text(s)); };
exports.blob = async function (s) { return new Blob([await bytes(s)]); };
`;
var streamClass = (name) => `module.exports = require("stream").${name};
`;
var CRYPTO_HOST = `var builtins = globalThis.__actuate_builtins;
if (!builtins || !builtins.crypto) throw new Error("node:crypto is provided by the Actuate runtime, which is not present (globalThis.__actuate_builtins.crypto is missing)");
module.exports = builtins.crypto;
`;
var TIMERS = `var g = globalThis;
exports.setTimeout = function () { return g.setTimeout.apply(g, arguments); };
exports.clearTimeout = function (id) { return g.clearTimeout(id); };
exports.setInterval = function () { return g.setInterval.apply(g, arguments); };
exports.clearInterval = function (id) { return g.clearInterval(id); };
exports.setImmediate = function (fn) {
  if (typeof g.setImmediate === "function") return g.setImmediate.apply(g, arguments);
  var args = Array.prototype.slice.call(arguments, 1);
  return g.setTimeout(function () { fn.apply(undefined, args); }, 0);
};
exports.clearImmediate = function (id) { return (typeof g.clearImmediate === "function" ? g.clearImmediate : g.clearTimeout)(id); };
`;
var TIMERS_PROMISES = `var g = globalThis;
exports.setTimeout = function (ms, value) { return new Promise(function (resolve) { g.setTimeout(function () { resolve(value); }, ms); }); };
exports.setImmediate = function (value) { return new Promise(function (resolve) { (typeof g.setImmediate === "function" ? g.setImmediate : g.setTimeout)(function () { resolve(value); }); }); };
`;
var BUILTIN_SOURCES = {
  assert: { code: assertLayer(POLYFILL_PREFIX) },
  "assert/strict": { code: 'module.exports = require("assert").strict;\n' },
  buffer: { file: "buffer/" },
  console: { code: "module.exports = globalThis.console;\n" },
  crypto: { code: CRYPTO_HOST },
  events: { file: "events/" },
  path: { code: unenvDefault("path") },
  "path/posix": { code: 'module.exports = require("path").posix;\n' },
  process: { code: PROCESS_SHIM },
  punycode: { file: "punycode/" },
  querystring: { code: unenvDefault("querystring") },
  // readable-stream 3 (stream-browserify), with Node's \`stream.promises\`.
  stream: {
    code: `var stream = require("${POLYFILL_PREFIX}stream-browserify/");
if (!Object.prototype.hasOwnProperty.call(stream, "promises")) Object.defineProperty(stream, "promises", { configurable: true, enumerable: true, get: function () { return require("stream/promises"); } });
module.exports = stream;
`
  },
  string_decoder: { file: "string_decoder/" },
  sys: { code: 'module.exports = require("util");\n' },
  timers: { code: TIMERS },
  "timers/promises": { code: TIMERS_PROMISES },
  url: {
    // unenv's url.parse() warns once (DEP0169) through console.warn; Node.js 20 and 22 stay silent,
    // and a warning in every fresh context would only be noise in action logs. Spend it here, muted.
    code: `var url = require("${POLYFILL_PREFIX}unenv/node/url").default;
var g = globalThis, hadConsole = "console" in g, saved = g.console;
g.console = { warn: function () {} };
try { url.parse(""); } finally { if (hadConsole) g.console = saved; else delete g.console; }
module.exports = url;
`
  },
  util: {
    code: `var util = require("${POLYFILL_PREFIX}util/");
if (!util.TextEncoder) util.TextEncoder = globalThis.TextEncoder;
if (!util.TextDecoder) util.TextDecoder = globalThis.TextDecoder;
// Node 20's inspect and format from the runtime (the polyfill's are Node 0.x's: other quotes, 60 columns).
var host = globalThis.__actuate_builtins && globalThis.__actuate_builtins.util;
if (host) { util.inspect = host.inspect; util.format = host.format; util.formatWithOptions = host.formatWithOptions; }
${DEEP_EQUAL_SOURCE}
util.isDeepStrictEqual = function isDeepStrictEqual(a, b) { return actuateDeepEqual(a, b, true); };
module.exports = util;
`
  },
  "util/types": { code: 'module.exports = require("util").types;\n' },
  "stream/web": { code: STREAM_WEB },
  "stream/promises": { code: STREAM_PROMISES },
  "stream/consumers": { code: STREAM_CONSUMERS },
  _stream_duplex: { code: streamClass("Duplex") },
  _stream_passthrough: { code: streamClass("PassThrough") },
  _stream_readable: { code: streamClass("Readable") },
  _stream_transform: { code: streamClass("Transform") },
  _stream_writable: { code: streamClass("Writable") },
  zlib: { code: ZLIB_LAYER }
};
var INJECTED_GLOBALS = {
  Buffer: 'import { Buffer } from "buffer";\nexport { Buffer };\n',
  process: 'import process from "process";\nexport { process };\n'
};

// src/compile/bundle/sandbox-plugin.ts
var BUILTIN_NAMESPACE = "actuate-builtin";
var AMD_NAMESPACE = "actuate-amd";
var INJECT_PREFIX = "actuate-inject:";
var READABLE_FROM_BROWSER = "/readable-stream/lib/internal/streams/from-browser.js";
var READABLE_STREAM_BROWSER = "/readable-stream/lib/internal/streams/stream-browser.js";
var INNER = { actuateInner: true };
function sandboxPlugin(options) {
  return { name: "actuate-sandbox", setup: (build2) => setup(build2, options) };
}
function setup(build2, o) {
  const { root, files, declared, metaFile, graph } = o;
  const repoPath2 = (abs) => abs.startsWith(`${root}/`) ? abs.slice(root.length + 1) : void 0;
  const inInstall = (abs) => repoPath2(abs)?.startsWith("node_modules/") === true;
  const display = (r) => r.namespace === BUILTIN_NAMESPACE ? `${BUILTIN_NAMESPACE}:${r.path}` : repoPath2(r.path) ?? r.path;
  const innerResolve = (args, resolveDir) => build2.resolve(args.path, { kind: args.kind, resolveDir, importer: args.importer, pluginData: INNER });
  const layerFile = (abs) => ({ namespace: BUILTIN_NAMESPACE, path: layerFileName(abs) });
  const amdFiles = /* @__PURE__ */ new Map();
  const isAmd = (file) => {
    let known = amdFiles.get(file);
    if (known === void 0) amdFiles.set(file, known = isAmdFile(file));
    return known;
  };
  const amdOr = async (r) => r.namespace === "file" && r.path !== void 0 && inInstall(r.path) && await isAmd(r.path) ? { namespace: AMD_NAMESPACE, path: repoPath2(r.path) } : void 0;
  const packageFile = async (spec, r) => {
    if (r.namespace !== "file") return r;
    const compat = compatModule(r.path);
    if (compat !== void 0) return { namespace: BUILTIN_NAMESPACE, path: `compat/${compat}` };
    const node = await nodeBuildFile(spec, r.path);
    return node !== void 0 && inInstall(node) ? { path: node } : r;
  };
  const settle = (r, chosen) => chosen === r ? amdOr(r) : chosen;
  const builtin = (from, spec, name, stubbable = false) => {
    if (!SANDBOX_BUILTINS.has(name) && stubbable && Object.hasOwn(BUILTIN_STUBS, name)) {
      graph.add(from, spec, spec);
      if (!from.startsWith(`${BUILTIN_NAMESPACE}:`)) o.onStub?.({ builtin: name, specifier: spec, importer: from });
      return { namespace: BUILTIN_NAMESPACE, path: `stub/${name}` };
    }
    if (!SANDBOX_BUILTINS.has(name)) {
      graph.add(from, spec, spec);
      return problem2({ code: "E_UNSUPPORTED_BUILTIN", builtin: name, specifier: spec, importer: from }, `"${spec}" is not available in the sandbox`);
    }
    const source = BUILTIN_SOURCES[name];
    if (!source) throw new InternalError(`no compatibility module for built-in ${name}`);
    const result = "file" in source ? layerFile(resolvePolyfill(source.file)) : { namespace: BUILTIN_NAMESPACE, path: `node/${name}` };
    graph.add(from, display({ path: result.path, namespace: BUILTIN_NAMESPACE }), spec);
    return result;
  };
  const fromRepo = async (args, from) => {
    const spec = args.path;
    if (isRelativeSpecifier(spec) || spec.startsWith("/")) {
      const target = spec.startsWith("/") ? void 0 : resolveRepoImport(files, from, spec);
      if (target === void 0 || target.startsWith("node_modules/")) {
        return problem2(
          { code: "E_IMPORT_NOT_FOUND", hint: "Imports resolve among the committed files of the repository, relative to the importing file (node_modules/ in the repository is ignored)." },
          `cannot find "${spec}" imported by ${from}`
        );
      }
      graph.add(from, target, spec);
      return { path: `${root}/${target}` };
    }
    const pkg = spec.startsWith("node:") ? void 0 : packageName2(spec);
    if (pkg !== void 0 && declared.has(pkg)) {
      const r = await innerResolve(args, root);
      if (r.errors.length > 0 || r.namespace === "file" && !inInstall(r.path)) {
        const why = r.errors[0]?.text ?? "it resolved outside the dependency install";
        return problem2({ code: "E_IMPORT_NOT_FOUND", hint: `Check the import path against the files and "exports" of ${pkg}.` }, `cannot resolve "${spec}" from the installed package ${pkg}: ${why}`);
      }
      const chosen = await packageFile(spec, r);
      graph.add(from, display(chosen), spec);
      return settle(r, chosen);
    }
    const name = builtinName(spec);
    if (name !== void 0) return builtin(from, spec, name);
    return problem2(
      { code: "E_UNDECLARED_PACKAGE", hint: `Add "dependencies": { "${pkg}": "<exact version>" } to ${metaFile}.` },
      `"${pkg}" is imported by ${from} but not declared in ${metaFile}`
    );
  };
  const fromPackage = async (args, from) => {
    const spec = args.path;
    const name = isRelativeSpecifier(spec) || spec.startsWith("/") ? void 0 : builtinName(spec);
    const r = await innerResolve(args, args.resolveDir);
    const found = r.errors.length === 0 && (r.namespace !== "file" || inInstall(r.path));
    if (name !== void 0) {
      if (!spec.startsWith("node:") && found) {
        if (r.namespace === "file") graph.add(from, display(r), spec);
        return void 0;
      }
      return builtin(from, spec, name, true);
    }
    if (r.errors.length > 0) {
      if (args.kind !== "require-call" && args.kind !== "dynamic-import") return void 0;
      graph.add(from, spec, spec);
      o.onMissing?.({ specifier: spec, importer: from });
      return { namespace: BUILTIN_NAMESPACE, path: `missing/${spec}` };
    }
    if (!found) {
      return problem2(
        { code: "E_IMPORT_NOT_FOUND", hint: "A package needs another package that is not installed; declare it in dependencies if it is an optional peer." },
        `cannot resolve "${spec}" imported by ${from}: it is not in the dependency install`
      );
    }
    if (r.namespace === "file" && r.path.endsWith(".wasm")) {
      graph.add(from, display(r), spec);
      o.onMissing?.({ specifier: spec, importer: from, wasm: display(r) });
      return { namespace: BUILTIN_NAMESPACE, path: `wasm/${display(r)}` };
    }
    const chosen = await packageFile(spec, r);
    if (r.namespace === "file") graph.add(from, display(chosen), spec);
    return settle(r, chosen);
  };
  const fromLayer = async (args, from) => {
    const spec = args.path;
    if (spec.startsWith(POLYFILL_PREFIX)) return layerFile(resolvePolyfill(spec.slice(POLYFILL_PREFIX.length)));
    const name = isRelativeSpecifier(spec) ? void 0 : builtinName(spec);
    if (name !== void 0) return builtin(from, spec, name, from.startsWith(`${BUILTIN_NAMESPACE}:stub/`));
    const r = await innerResolve(args, args.resolveDir);
    if (r.errors.length > 0) throw new InternalError(`compatibility layer: cannot resolve ${spec} from ${from}: ${r.errors[0].text}`);
    if (r.namespace !== "file" || !existsSync(r.path)) return { namespace: BUILTIN_NAMESPACE, path: "empty" };
    if (r.path.endsWith(READABLE_FROM_BROWSER)) return layerFile(`${r.path.slice(0, -"from-browser.js".length)}from.js`);
    if (r.path.endsWith(READABLE_STREAM_BROWSER)) return layerFile(resolvePolyfill("stream-browserify/"));
    return layerFile(r.path);
  };
  build2.onResolve({ filter: /.*/ }, async (args) => {
    if (args.pluginData === INNER) return void 0;
    if (args.kind === "entry-point") {
      if (args.path.startsWith(INJECT_PREFIX)) return { namespace: BUILTIN_NAMESPACE, path: `inject/${args.path.slice(INJECT_PREFIX.length)}` };
      return { path: `${root}/${args.path}` };
    }
    if (args.namespace === BUILTIN_NAMESPACE) return fromLayer(args, `${BUILTIN_NAMESPACE}:${repoPath2(args.importer) ?? args.importer}`);
    if (args.namespace === AMD_NAMESPACE) return fromPackage(args, args.importer);
    const from = repoPath2(args.importer);
    if (args.namespace !== "file" || from === void 0) throw new InternalError(`unexpected importer ${args.namespace}:${args.importer}`);
    return from.startsWith("node_modules/") ? fromPackage(args, from) : fromRepo(args, from);
  });
  build2.onLoad({ filter: /.*/, namespace: "file" }, (args) => {
    const rel = repoPath2(args.path);
    if (rel === void 0 || rel.startsWith("node_modules/")) return void 0;
    const contents = files.get(rel);
    if (contents === void 0) throw new InternalError(`bundle: ${rel} was resolved but is not in the commit`);
    const loader = loaderFor(rel);
    if (!loader) return problem2({ code: "E_UNSUPPORTED_FILE", hint: "Import .ts, .js, .mjs, .cjs, .json or .txt files." }, `cannot bundle ${rel}: unsupported file type`);
    return { contents, loader, resolveDir: root };
  });
  build2.onLoad({ filter: /.*/, namespace: AMD_NAMESPACE }, async (args) => {
    const file = `${root}/${args.path}`;
    const contents = amdAsCommonJs(await readFile5(file, "utf8"));
    if (contents === void 0) throw new InternalError(`bundle: ${args.path} is no longer an AMD module`);
    return { contents, loader: "js", resolveDir: path13.dirname(file) };
  });
  build2.onLoad({ filter: /.*/, namespace: BUILTIN_NAMESPACE }, async (args) => {
    const p = args.path;
    if (p === "empty") return { contents: "", loader: "js" };
    if (p.startsWith("stub/")) return { contents: BUILTIN_STUBS[p.slice("stub/".length)] ?? "", loader: "js" };
    if (p.startsWith("missing/")) return { contents: missingModule(p.slice("missing/".length)), loader: "js" };
    if (p.startsWith("wasm/")) return { contents: wasmModule(p.slice("wasm/".length)), loader: "js" };
    if (p.startsWith("compat/")) {
      const source = COMPAT_SOURCES[p.slice("compat/".length)];
      if (source === void 0) throw new InternalError(`no compatibility module ${p}`);
      return { contents: source, loader: "js" };
    }
    if (p.startsWith("inject/")) return { contents: INJECTED_GLOBALS[p.slice("inject/".length)] ?? "", loader: "js" };
    if (p.startsWith("node/")) {
      const source = BUILTIN_SOURCES[p.slice("node/".length)];
      if (!source || !("code" in source)) throw new InternalError(`no compatibility module ${p}`);
      return { contents: source.code, loader: "js" };
    }
    const file = layerFilePath(p);
    return { contents: await readFile5(file, "utf8"), loader: loaderFor(file) ?? "js", resolveDir: path13.dirname(file) };
  });
}
function missingModule(specifier) {
  return `var e = new Error(${JSON.stringify(`Cannot find module '${specifier}' (it is not in the action's dependencies)`)});
e.code = "MODULE_NOT_FOUND";
throw e;
`;
}
function wasmModule(file) {
  return `var message = ${JSON.stringify(`WebAssembly is not available in the sandbox: ${file} cannot run`)};
function unavailable() { var e = new Error(message); e.code = "ERR_ACTUATE_UNAVAILABLE"; throw e; }
function get(target, key) { return typeof key === "symbol" || key === "__esModule" || key === "then" ? undefined : unavailable; }
// Also the prototype: an ES module's \`import * as wasm\` is a copy whose missing names are looked up there.
var functions = new Proxy({}, { get: get });
module.exports = new Proxy({}, { get: get, getPrototypeOf: function () { return functions; } });
`;
}
async function isAmdFile(file) {
  if (!/\.c?js$/.test(file)) return false;
  const handle = await open2(file, "r");
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return isAmdModule(buf.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}
function problem2(detail, text) {
  return { errors: [{ text, detail }] };
}

// src/compile/bundle/messages.ts
function errorDiagnostics(errors, ctx) {
  const byKey = /* @__PURE__ */ new Map();
  for (const message of errors) {
    const detail = message.detail;
    const { d, rank } = detail?.code === "E_UNSUPPORTED_BUILTIN" ? unsupportedBuiltin(message, detail, ctx) : packageOrRepoError(message, detail, ctx);
    const key = [d.code, d.file, d.line, d.column, detail?.builtin ?? d.message].join("\0");
    const seen = byKey.get(key);
    if (!seen || rank < seen.rank || rank === seen.rank && d.message < seen.d.message) byKey.set(key, { d, rank });
  }
  return [...byKey.values()].map((v) => v.d);
}
function warningDiagnostics(warnings) {
  return warnings.filter((w) => w.location && isRepoLocation(w.location)).map((w) => plain(w, "warning", detailHint(w, void 0), locationOf(w.location)));
}
function packageOrRepoError(message, detail, ctx) {
  const location = message.location;
  const where = location ? displayFile(location) : void 0;
  if (!location || where === void 0 || isRepoLocation(location)) {
    return { d: plain(message, "error", detailHint(message, detail), locationOf(location)), rank: 0 };
  }
  const anchor = anchorInRepo([...ctx.graph.chain(ctx.entry, where) ?? [where]], ctx);
  const inside = `${where}:${location.line}:${locationOf(location).column}`;
  const d = plain(
    { ...message, text: `${message.text} (in ${inside}, imported through ${anchor.chain.join(" -> ")})` },
    "error",
    detailHint(message, detail) ?? (message.text.startsWith("Could not resolve") ? "A package imports a module that is not installed; if it is a peer dependency, declare it in the action's dependencies." : void 0),
    { file: anchor.file, ...anchor.position }
  );
  return { d, rank: anchor.chain.length };
}
function unsupportedBuiltin(message, detail, ctx) {
  const spec = detail.specifier;
  const { chain, anchor, pkg } = builtinImport(ctx, detail.importer, spec);
  const d = createDiagnostic({
    code: "E_UNSUPPORTED_BUILTIN",
    severity: "error",
    message: `"${spec}" is a Node.js built-in the sandbox does not provide, imported through ${chain.join(" -> ")}`,
    file: anchor.file,
    ...anchor.via === spec ? locationOf(message.location) : anchor.position,
    hint: unsupportedBuiltinHint(detail.builtin) + (pkg ? ` It is needed by the package "${pkg}": choose a package (or version) that runs in browsers or edge runtimes.` : "")
  });
  return { d, rank: chain.length };
}
function stubbedBuiltinWarnings(stubs, ctx) {
  const best = shortestPerKey();
  for (const stub of stubs) {
    const behaviour = stubBehaviour(stub.builtin);
    if (behaviour === void 0) continue;
    const { chain, anchor, pkg: found } = builtinImport(ctx, stub.importer, stub.specifier);
    const pkg = found ?? anchor.via;
    const d = createDiagnostic({
      code: "W_BUILTIN_STUBBED",
      severity: "warning",
      message: `the package "${pkg}" imports "${stub.specifier}", which the sandbox does not provide: it gets ${behaviour.gets} (imported through ${chain.join(" -> ")})`,
      file: anchor.file,
      ...anchor.position,
      hint: `${unsupportedBuiltinHint(stub.builtin)} If the action reaches a path of "${pkg}" that needs it, ${behaviour.consequence}; otherwise nothing changes.`
    });
    best.offer(`${pkg}\0${stub.builtin}`, d, chain.length);
  }
  return best.diagnostics();
}
function missingModuleWarnings(missing, ctx) {
  const best = shortestPerKey();
  for (const m of missing) {
    const { chain, anchor, pkg: found } = builtinImport(ctx, m.importer, m.wasm ?? m.specifier);
    const top = found ?? anchor.via;
    const pkg = m.importer.startsWith("node_modules/") ? packageName2(m.importer.slice("node_modules/".length)) ?? top : top;
    const who = `the package "${pkg}"${pkg === top ? "" : ` (through "${top}")`}`;
    const what = m.wasm !== void 0 ? {
      code: "W_WASM_UNAVAILABLE",
      key: m.wasm,
      message: `${who} imports the WebAssembly module ${m.wasm}, which the sandbox cannot run: its functions throw if the action reaches them`,
      hint: "The sandbox runs JavaScript only. If the action needs this code, choose a package (or version) written in JavaScript."
    } : {
      code: "W_MISSING_MODULE",
      key: m.specifier,
      message: `${who} requires "${m.specifier}", which is not installed: that require() throws "Cannot find module" if the action reaches it`,
      hint: `Usually an optional peer dependency for a feature the action does not use. If the action needs it, add "dependencies": { "${packageName2(m.specifier) ?? m.specifier}": "<exact version>" } to its action.json.`
    };
    const d = createDiagnostic({
      code: what.code,
      severity: "warning",
      message: `${what.message} (imported through ${chain.join(" -> ")})`,
      file: anchor.file,
      ...anchor.position,
      hint: what.hint
    });
    best.offer(`${pkg}\0${what.key}`, d, chain.length);
  }
  return best.diagnostics();
}
function shortestPerKey() {
  const best = /* @__PURE__ */ new Map();
  return {
    offer(key, d, rank) {
      const seen = best.get(key);
      if (!seen || rank < seen.rank) best.set(key, { d, rank });
    },
    diagnostics: () => [...best.values()].map((v) => v.d)
  };
}
function builtinImport(ctx, importer, specifier) {
  const chain = [...ctx.graph.chain(ctx.entry, importer) ?? [importer], specifier];
  const anchor = anchorInRepo(chain, ctx);
  const pkg = anchor.via.startsWith("node_modules/") ? packageName2(anchor.via.slice("node_modules/".length)) : void 0;
  return { chain, anchor, pkg };
}
function anchorInRepo(chain, ctx) {
  let at2 = 0;
  while (at2 + 1 < chain.length - 1 && isRepoFile(ctx, chain[at2 + 1])) at2++;
  const file = chain[at2];
  const via = chain[Math.min(at2 + 1, chain.length - 1)];
  return { chain, file, via, position: specifierPosition(ctx, file, ctx.graph.specifier(file, via)) };
}
function plain(message, severity, hint, where) {
  const detail = message.detail;
  const code = detail?.code ?? (severity === "warning" ? "W_BUNDLE" : message.text.startsWith("Could not resolve") ? "E_IMPORT_NOT_FOUND" : "E_BUNDLE");
  return createDiagnostic({ code, severity, message: message.text, ...where, hint });
}
function detailHint(message, detail) {
  const notes = message.notes.map((n) => n.text).filter((t) => !/external|platform/.test(t));
  return detail?.hint ?? (notes.length > 0 ? notes.join(" ") : void 0);
}
function isRepoFile(ctx, p) {
  return ctx.files.has(p) && !p.startsWith("node_modules/");
}
function isRepoLocation(location) {
  return (location.namespace === "file" || location.namespace === "") && !location.file.startsWith("node_modules/") && !location.file.startsWith("../");
}
function displayFile(location) {
  return location.namespace === BUILTIN_NAMESPACE ? `${BUILTIN_NAMESPACE}:${location.file}` : location.file;
}
function locationOf(location) {
  if (!location) return {};
  const bytes = Buffer.from(location.lineText, "utf8");
  const column = bytes.subarray(0, location.column).toString("utf8").length + 1;
  const endColumn = bytes.subarray(0, location.column + location.length).toString("utf8").length + 1;
  return { file: displayFile(location), line: location.line, column, endLine: location.line, endColumn };
}
function specifierPosition(ctx, file, specifier) {
  const text = ctx.files.get(file);
  if (text === void 0 || specifier === void 0) return {};
  const hits = ['"', "'", "`"].map((q) => text.indexOf(`${q}${specifier}${q}`)).filter((i) => i >= 0);
  if (hits.length === 0) return {};
  const start = new LineIndex(text).positionAt(Math.min(...hits) + 1);
  return { line: start.line, column: start.column, endLine: start.line, endColumn: start.column + specifier.length };
}

// src/compile/bundle/bundle-action.ts
var BUNDLE_GLOBAL = "__actuate_action";
var DEFAULT_WARN_BYTES = 1e5;
var PLACEHOLDER_ROOT = "/__actuate__";
var PROBE_PREFIX = "__actuate_probe_";
async function bundleAction(input) {
  const declared = Object.keys(input.dependencies);
  if (declared.length > 0 && !input.deps) throw new InternalError(`bundleAction(${input.name}): dependencies declared but not installed`);
  if (!input.files.has(input.entry)) {
    return fail([{ code: "E_ENTRY_NOT_FOUND", message: `the entry module ${input.entry} of action "${input.name}" is not in the commit`, file: input.entry }]);
  }
  const root = input.deps ? realpathSync(input.deps.dir) : PLACEHOLDER_ROOT;
  const metaFile = `${path14.posix.dirname(input.entry)}/action.json`;
  let injected = [];
  for (let pass = 0; pass < 3; pass++) {
    const graph = new ImportGraph();
    const probes = Object.keys(INJECTED_GLOBALS).filter((g) => !injected.includes(g));
    const stubs = [];
    const missing = [];
    const plugin = { declared: new Set(declared), metaFile, graph, onStub: (stub) => stubs.push(stub), onMissing: (m) => missing.push(m) };
    const options = esbuildOptions(input, root, plugin, injected, probes);
    let result;
    try {
      result = await build(options);
    } catch (error) {
      const failure = error;
      if (!Array.isArray(failure.errors)) throw error;
      return fail(errorDiagnostics(failure.errors, { files: input.files, entry: input.entry, graph }));
    }
    const code = result.outputFiles.find((f) => f.path.endsWith(".js"))?.text;
    const map = result.outputFiles.find((f) => f.path.endsWith(".js.map"))?.text;
    if (code === void 0 || map === void 0) throw new InternalError("esbuild returned no bundle or source map");
    const needed = probes.filter((g) => code.includes(PROBE_PREFIX + g));
    if (needed.length > 0) {
      injected = [...injected, ...needed].sort();
      continue;
    }
    assertPortable(code, map, root);
    const size = Buffer.byteLength(code, "utf8");
    const ctx = { files: input.files, entry: input.entry, graph };
    const diagnostics = [...warningDiagnostics(result.warnings), ...stubbedBuiltinWarnings(stubs, ctx), ...missingModuleWarnings(missing, ctx)];
    const budget = input.warnBytes ?? DEFAULT_WARN_BYTES;
    if (size > budget) diagnostics.push(sizeWarning(input, size, budget, result.metafile));
    return { ok: true, code, map, size, diagnostics: sortDiagnostics(diagnostics) };
  }
  throw new InternalError("bundleAction: injected globals did not settle");
}
function esbuildOptions(input, root, plugin, injected, probes) {
  return {
    entryPoints: [input.entry],
    absWorkingDir: root,
    // Never written (write: false); a hidden name no repository file will collide with.
    outfile: `${root}/.actuate-bundle.js`,
    write: false,
    metafile: true,
    bundle: true,
    format: "iife",
    globalName: BUNDLE_GLOBAL,
    platform: "browser",
    target: "es2023",
    // Sandbox builds first: browser and worker builds use web APIs (fetch, crypto) the runtime bridges.
    // `workerd` first, as wrangler resolves for Cloudflare Workers: a package's build for a fetch
    // runtime with Node's built-ins (the Vonage SDK's browser build only throws; PostHog's is its edge build).
    mainFields: ["browser", "module", "main"],
    conditions: ["workerd", "worker", "browser", "module"],
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: true,
    legalComments: "none",
    charset: "utf8",
    sourcemap: "external",
    sourcesContent: true,
    // Never pick up a tsconfig.json from around the cache directory: the same inputs give the same bytes.
    tsconfigRaw: {},
    define: {
      global: "globalThis",
      "process.env.NODE_ENV": '"production"',
      ...Object.fromEntries(probes.map((g) => [g, PROBE_PREFIX + g]))
    },
    inject: injected.map((g) => INJECT_PREFIX + g),
    logLevel: "silent",
    plugins: [sandboxPlugin({ root, files: input.files, ...plugin })]
  };
}
function assertPortable(code, map, root) {
  const { sources } = JSON.parse(map);
  const bad = sources.find((s) => s.startsWith("/") || s.startsWith("../"));
  if (bad !== void 0) throw new InternalError(`bundle source map names a path outside the bundle root: ${bad}`);
  if (root !== PLACEHOLDER_ROOT && code.includes(root)) throw new InternalError("bundle code names the dependency cache directory");
}
function sizeWarning(input, size, budget, metafile) {
  const totals = /* @__PURE__ */ new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = contributor(file);
      totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
    }
  }
  const top = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  return createDiagnostic({
    code: "W_BUNDLE_SIZE",
    severity: "warning",
    message: `the bundle of action "${input.name}" is ${kB(size)}, above the ${kB(budget)} budget`,
    file: input.entry,
    hint: `Largest parts: ${top.map(([k, v]) => `${k} ${kB(v)}`).join(", ")}. Each kB costs about 0.1-0.2 ms whenever a sandbox loads the action; prefer smaller packages or deep imports.`
  });
}
function contributor(file) {
  const nm = file.lastIndexOf("node_modules/");
  if (nm >= 0 && !file.startsWith(`${BUILTIN_NAMESPACE}:`)) return `${packageName2(file.slice(nm + "node_modules/".length))} (npm package)`;
  const layer = /^actuate-builtin:npm\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (layer) return `${layer[1]} (Node.js compatibility layer)`;
  return file.startsWith(`${BUILTIN_NAMESPACE}:`) ? "Node.js compatibility layer" : file;
}
function kB(bytes) {
  return `${(bytes / 1e3).toFixed(1)} kB`;
}
function fail(diagnostics) {
  return { ok: false, diagnostics: sortDiagnostics(diagnostics.map((d) => createDiagnostic({ severity: "error", ...d }))) };
}

// src/compile/bundle/fingerprint.ts
import { createHash as createHash3 } from "node:crypto";
import { version as esbuildVersion } from "esbuild";
var BUNDLE_FORMAT = 2;
var memo;
function bundlerFingerprint() {
  memo ??= compute();
  return memo;
}
async function compute() {
  const imports = [...SANDBOX_BUILTINS].map((name, i) => `import * as m${i} from 'node:${name}';`);
  const uses = `export const all = [${imports.map((_, i) => `m${i}`).join(", ")}, Buffer, process];`;
  const result = await bundleAction({
    name: "fingerprint",
    files: /* @__PURE__ */ new Map([["actions/fingerprint/index.ts", `${imports.join("\n")}
${uses}
`]]),
    entry: "actions/fingerprint/index.ts",
    dependencies: {},
    deps: void 0,
    warnBytes: Number.MAX_SAFE_INTEGER
  });
  if (!result.ok) throw new InternalError(`bundler fingerprint: the reference bundle failed: ${JSON.stringify(result.diagnostics)}`);
  const hash = createHash3("sha256").update(`actuate-bundle-${BUNDLE_FORMAT}\0esbuild@${esbuildVersion}\0`).update(result.code).update("\0").update(result.map);
  for (const name of Object.keys(BUILTIN_STUBS).sort()) hash.update(`\0stub:${name}\0${BUILTIN_STUBS[name]}`);
  hash.update(`\0amd\0${amdDefine("")}\0missing\0${missingModule("x")}\0wasm\0${wasmModule("x")}\0node-builds\0${JSON.stringify(NODE_BUILDS)}\0compat\0${JSON.stringify(COMPAT_SOURCES)}`);
  return `sha256:${hash.digest("hex")}`;
}

// src/compile/bundle/install-dependencies.ts
import { execFile } from "node:child_process";
import { createHash as createHash4 } from "node:crypto";
import { mkdir as mkdir5, mkdtemp, readFile as readFile6, rename as rename3, rm, writeFile as writeFile4 } from "node:fs/promises";
import { existsSync as existsSync2 } from "node:fs";
import path15 from "node:path";
var CACHE_FORMAT = "actuate-deps-1";
var MARKER = "actuate-install.json";
var NPM_TIMEOUT_MS = 10 * 6e4;
var SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;
var PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i;
function isExactVersion(version) {
  return SEMVER.test(version);
}
async function installDependencies(deps, opts) {
  const invalid = validate(deps);
  if (invalid.length > 0) return { ok: false, diagnostics: invalid };
  const dependencies = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a < b ? -1 : 1));
  const registry = opts.registry === void 0 ? void 0 : `${opts.registry.replace(/\/+$/, "")}/`;
  const key = createHash4("sha256").update(canonicalJson({ format: CACHE_FORMAT, dependencies, registry: registry ?? null })).digest("hex");
  const cacheDir = path15.resolve(opts.cacheDir);
  const dir = path15.join(cacheDir, key);
  const cached = await readInstall(dir);
  if (cached) return { ok: true, value: cached };
  await mkdir5(cacheDir, { recursive: true });
  const tmp = await mkdtemp(path15.join(cacheDir, `.tmp-${key.slice(0, 12)}-`));
  try {
    const manifest = { name: "actuate-action-dependencies", version: "0.0.0", private: true, dependencies };
    await writeFile4(path15.join(tmp, "package.json"), `${JSON.stringify(manifest, null, 2)}
`);
    const npm = await runNpm(tmp, registry);
    if (!npm.ok) return { ok: false, diagnostics: [installFailure(npm.output, registry)] };
    const resolved = await resolvedFromLock(tmp);
    const missing = Object.entries(dependencies).filter(([name, version]) => !resolved.some((p) => p.name === name && p.version === version));
    if (missing.length > 0) {
      const list = missing.map(([n, v]) => `${n}@${v}`).join(", ");
      return { ok: false, diagnostics: [installFailure(`npm finished but did not install ${list}`, registry)] };
    }
    await writeFile4(path15.join(tmp, MARKER), `${canonicalJson({ format: CACHE_FORMAT, dependencies, registry: registry ?? null, resolved })}
`);
    try {
      await rename3(tmp, dir);
    } catch (error) {
      const code = error.code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST" && code !== "EPERM") throw error;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const installed = await readInstall(dir);
  if (!installed) throw new InternalError(`dependency install ${dir} vanished after installing`);
  return { ok: true, value: installed };
}
function validate(deps) {
  const out = [];
  for (const [name, version] of Object.entries(deps).sort(([a], [b]) => a < b ? -1 : 1)) {
    const pointer = `/dependencies/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (!PACKAGE_NAME.test(name) || name.length > 214) {
      out.push(createDiagnostic({ code: "E_DEPENDENCY_NAME", severity: "error", message: `"${name}" is not a valid npm package name`, pointer, hint: 'Use the name as published on npm, e.g. "lodash" or "@scope/pkg".' }));
    } else if (typeof version !== "string" || !isExactVersion(version)) {
      const guess = typeof version === "string" ? /^[\^~=v]*\s*(\d+\.\d+\.\d+\S*)$/.exec(version)?.[1] : void 0;
      out.push(
        createDiagnostic({
          code: "E_DEPENDENCY_VERSION",
          severity: "error",
          message: `"${name}": "${String(version)}" is not an exact version; exact versions are required`,
          pointer,
          hint: `${guess && isExactVersion(guess) ? `Use "${guess}". ` : 'Use an exact version such as "1.2.3". '}Ranges, tags and URLs are rejected so a commit always builds the same bytes.`
        })
      );
    }
  }
  return out;
}
async function readInstall(dir) {
  let text;
  try {
    text = await readFile6(path15.join(dir, MARKER), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  const marker = JSON.parse(text);
  return { dir, resolved: marker.resolved };
}
async function resolvedFromLock(dir) {
  const lock = JSON.parse(await readFile6(path15.join(dir, "package-lock.json"), "utf8"));
  const seen = /* @__PURE__ */ new Map();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const at2 = key.lastIndexOf("node_modules/");
    if (at2 < 0 || entry.link || entry.version === void 0) continue;
    if (!existsSync2(path15.join(dir, key, "package.json"))) continue;
    const name = entry.name ?? key.slice(at2 + "node_modules/".length);
    seen.set(`${name}@${entry.version}`, { name, version: entry.version, integrity: entry.integrity ?? "" });
  }
  return [...seen.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0);
}
var KEPT_NPM_ENV = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https?_proxy|noproxy|strict_ssl|cafile|ca|fetch_.*|.*:_.*|\/\/.*)$/i;
function runNpm(cwd, registry) {
  const args = ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--omit=dev", "--package-lock", "--no-bin-links", "--no-workspaces", "--no-update-notifier", "--no-progress", "--prefix", cwd];
  if (registry !== void 0) args.push("--registry", registry);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || KEPT_NPM_ENV.test(k)));
  return new Promise((resolve) => {
    execFile("npm", args, { cwd, env, timeout: NPM_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, shell: process.platform === "win32" }, (error, stdout, stderr) => {
      const spawnFailed = error?.code === "ENOENT";
      resolve({ ok: !error, output: spawnFailed ? "npm was not found on the PATH" : `${stderr}
${stdout}` });
    });
  });
}
function installFailure(output, registry) {
  const lines = output.split("\n").map((l) => l.trim()).filter((l) => l.length > 0 && !/complete log of this run|_logs\//i.test(l));
  const errors = lines.filter((l) => l.startsWith("npm error") || l.startsWith("npm ERR!")).map((l) => l.replace(/^npm (error|ERR!)\s*/, "").replace(/^(\d{3}|notarget)\s+/, "")).filter((l) => !/^(code \S+|\d{3}|notarget)?$/.test(l));
  const excerpt = (errors.length > 0 ? errors : lines).slice(0, 2).join("; ");
  return createDiagnostic({
    code: "E_DEPENDENCY_INSTALL",
    severity: "error",
    message: `installing npm dependencies failed: ${excerpt.slice(0, 600) || "npm exited with an error"}`,
    pointer: "/dependencies",
    hint: `Check that every package and exact version exists on ${registry ?? "the npm registry"} and that the registry is reachable.`
  });
}

// src/compile/toolchain.ts
import esbuild from "esbuild";
import ts10 from "typescript";
var SCHEMA_VERSION = 1;
var TOOLCHAIN = {
  actuate: VERSION,
  typescript: ts10.version,
  esbuild: esbuild.version,
  schema: SCHEMA_VERSION
};

// src/compile/compile-commit.ts
async function compileCommit(options) {
  const { snapshot, store } = options;
  const cache2 = new BuildCache(options.cacheDir);
  const { project, diagnostics } = loadProject(snapshot);
  const graphs = actionGraphs(project, SANDBOX_IMPORT_RULES);
  const fingerprint = await bundlerFingerprint();
  const keys = /* @__PURE__ */ new Map();
  const cached = /* @__PURE__ */ new Map();
  for (const action of project.actions.values()) {
    const key = inputKey(project, action, graphs.get(action.name), options.registry, fingerprint);
    keys.set(action.name, key);
    const hit = await cache2.get(key);
    if (hit && await store.has(hit.bundle) && await store.has(hit.sourceMap)) cached.set(action.name, hit);
  }
  const toBuild = new Set([...project.actions.keys()].filter((n) => !cached.has(n)));
  diagnostics.push(...typecheckProject(project, { imports: SANDBOX_IMPORT_RULES, only: toBuild }, graphs));
  for (const hit of cached.values()) diagnostics.push(...hit.diagnostics);
  if (hasErrors(diagnostics)) return { ok: false, commit: snapshot.commit, diagnostics: sortDiagnostics(diagnostics) };
  let objectsWritten = 0;
  for (const name of toBuild) {
    const action = project.actions.get(name);
    const built = await buildAction(project, action, options);
    diagnostics.push(...built.diagnostics);
    if (!built.value) continue;
    const bundle = await store.put(new TextEncoder().encode(built.value.code));
    const map = await store.put(new TextEncoder().encode(built.value.map));
    objectsWritten += Number(bundle.written) + Number(map.written);
    const entry = {
      bundle: bundle.digest,
      sourceMap: map.digest,
      size: built.value.size,
      dependencies: built.value.dependencies,
      continueHandler: hasContinueHandler(project, action),
      diagnostics: built.diagnostics.filter((d) => d.severity !== "error"),
      ...withEventReads(actionEventReads(project, action))
    };
    cached.set(name, entry);
    await cache2.set(keys.get(name), entry);
  }
  if (hasErrors(diagnostics)) return { ok: false, commit: snapshot.commit, diagnostics: sortDiagnostics(diagnostics) };
  const manifest = createManifest(project, snapshot.tree, cached);
  const manifestIsNew = !await store.has(digestOf(serializeManifest(manifest)));
  const digest2 = await writeManifest(store, snapshot.commit, manifest);
  objectsWritten += Number(manifestIsNew);
  const actions = project.flows.flatMap(
    (f) => f.entries.map((e) => {
      const c = cached.get(e.name);
      return { name: e.name, trigger: f.triggerId, size: c.size, bundle: c.bundle, reused: !toBuild.has(e.name) };
    })
  );
  return { ok: true, commit: snapshot.commit, digest: digest2, manifest, actions, objectsWritten, diagnostics: sortDiagnostics(diagnostics) };
}
async function buildAction(project, action, options) {
  const declared = action.meta.dependencies ?? {};
  let deps;
  if (Object.keys(declared).length > 0) {
    const installed = await installDependencies(declared, { cacheDir: `${options.cacheDir}/deps`, registry: options.registry });
    if (!installed.ok) return { value: void 0, diagnostics: installed.diagnostics.map((d) => ({ ...d, file: d.file ?? action.metaFile })) };
    deps = installed.value;
  }
  const r = await bundleAction({
    name: action.name,
    files: project.snapshot.files,
    entry: action.entry,
    dependencies: declared,
    deps,
    warnBytes: project.config.limits.bundleWarnBytes
  });
  if (!r.ok) return { value: void 0, diagnostics: r.diagnostics };
  const diagnostics = [...r.diagnostics];
  if (r.size > project.config.limits.bundleMaxBytes) {
    diagnostics.push({ code: "E_BUNDLE_TOO_LARGE", severity: "error", file: action.entry, line: 1, column: 1, message: `the bundle of "${action.name}" is ${r.size} bytes; the limit is ${project.config.limits.bundleMaxBytes}`, hint: "Drop large dependencies, or raise limits.bundleMaxBytes in actuate.json (large bundles load slowly in the sandbox)." });
    return { value: void 0, diagnostics };
  }
  const dependencies = (deps?.resolved ?? []).map((d) => ({ name: d.name, version: d.version, integrity: d.integrity }));
  return { value: { code: r.code, map: r.map, size: r.size, dependencies }, diagnostics };
}
function inputKey(project, action, graph, registry, bundler) {
  const files = Object.fromEntries(graph.files.map((f) => [f, digestOf(project.snapshot.files.get(f) ?? "")]));
  const { limits } = project.config;
  return digestOf(canonicalJson({
    v: 3,
    toolchain: TOOLCHAIN,
    bundler,
    trigger: triggerKey(action.trigger),
    name: action.name,
    entry: action.entry,
    meta: action.meta,
    files,
    registry: registry ?? null,
    bundle: { warn: limits.bundleWarnBytes, max: limits.bundleMaxBytes }
  }));
}
function withEventReads(reads) {
  return reads === void 0 ? {} : { eventReads: [...reads] };
}
function hasContinueHandler(project, action) {
  const name = action.trigger.handlers.continue;
  return name !== void 0 && new RegExp(`\\b${name}\\b`).test(project.snapshot.files.get(action.entry) ?? "");
}
function createManifest(project, tree, built) {
  const { limits, egress } = project.config;
  const flows = {};
  for (const flow of project.flows) {
    if (!flow.trigger) continue;
    const actions = flow.entries.map((e) => {
      const action = project.actions.get(e.name);
      const b = built.get(e.name);
      const handlers = { execute: action.trigger.handlers.execute, ...b.continueHandler ? { continue: action.trigger.handlers.continue } : {} };
      return {
        name: e.name,
        bundle: b.bundle,
        sourceMap: b.sourceMap,
        size: b.size,
        handlers,
        secrets: [...action.meta.secrets ?? []].sort(),
        dependencies: [...b.dependencies].sort((x, y) => x.name < y.name ? -1 : x.name > y.name ? 1 : x.version < y.version ? -1 : x.version > y.version ? 1 : 0),
        limits: { timeoutMs: Math.min(action.meta.limits?.timeoutMs ?? limits.actionTimeoutMs, limits.flowTimeoutMs), memoryMb: action.meta.limits?.memoryMb ?? limits.memoryMb },
        ...withEventReads(b.eventReads),
        isolation: action.meta.isolation ?? "warm"
      };
    });
    flows[flow.triggerId] = { version: flow.trigger.version, mode: flow.trigger.mode, actions };
  }
  return {
    manifestVersion: 1,
    tree,
    toolchain: TOOLCHAIN,
    settings: { egress: { ...egress.allow ? { allow: [...egress.allow] } : {}, allowPrivate: egress.allowPrivate }, limits: { ...limits } },
    flows
  };
}

// src/repo/read-repo.ts
import { readdir as readdir2, readFile as readFile7, stat as stat3 } from "node:fs/promises";
import path16 from "node:path";
import { simpleGit as simpleGit2 } from "simple-git";

// src/repo/git-batch.ts
import { spawn } from "node:child_process";
function readBlobs(cwd, ids) {
  return new Promise((resolve, reject) => {
    const out = /* @__PURE__ */ new Map();
    if (ids.length === 0) return resolve(out);
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks = [];
    let stderr = "";
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => stderr += c.toString());
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new InternalError(`git cat-file failed (${code}): ${stderr.trim()}`));
      const buf = Buffer.concat(chunks);
      let pos = 0;
      for (const id of ids) {
        const nl = buf.indexOf(10, pos);
        const header = buf.subarray(pos, nl).toString();
        const [oid, type, size] = header.split(" ");
        if (type !== "blob" || oid !== id || size === void 0) {
          return reject(new InternalError(`git cat-file: unexpected header "${header}" for ${id}`));
        }
        const len = Number(size);
        out.set(id, buf.subarray(nl + 1, nl + 1 + len));
        pos = nl + 1 + len + 1;
      }
      resolve(out);
    });
    child.stdin.end(ids.join("\n") + "\n");
  });
}

// src/repo/read-repo.ts
var MAX_FILE_BYTES = 4 * 1024 * 1024;
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules", ".actuate"]);
async function readRepo(options) {
  const dir = path16.resolve(options.dir);
  const info = await stat3(dir).catch(() => void 0);
  if (!info?.isDirectory()) throw new UsageError(`${options.dir}: no such directory`, "Pass the path of an actions repository.");
  const root = await gitRoot(dir);
  if (options.commit !== void 0) {
    if (root === void 0) {
      throw new UsageError(`${options.dir} is not inside a git repository, so --commit cannot be used`, "Run `git init` and commit, or drop --commit to check the working tree.");
    }
    return readAtCommit(root, toPosix(path16.relative(root, dir)), options.commit);
  }
  return readWorkingTree(root ?? dir, root === void 0 ? "" : toPosix(path16.relative(root, dir)), root !== void 0);
}
async function gitRoot(dir) {
  try {
    const top = (await simpleGit2(dir).revparse(["--show-toplevel"])).trim();
    return top === "" ? void 0 : path16.resolve(top);
  } catch {
    return void 0;
  }
}
async function readAtCommit(root, projectPath, rev) {
  const git = simpleGit2(root);
  let sha;
  try {
    sha = (await git.revparse(["--verify", "--quiet", `${rev}^{commit}`])).trim();
  } catch {
    sha = "";
  }
  const commit = parseCommitSha(sha);
  if (commit === void 0) {
    throw new UsageError(`unknown revision "${rev}" in ${root}`, "Pass a commit sha, branch or tag that exists in this repository (git log --oneline).");
  }
  const treeSpec = projectPath === "" ? `${commit}^{tree}` : `${commit}:${projectPath}`;
  let tree;
  try {
    tree = (await git.revparse(["--verify", "--quiet", treeSpec])).trim();
  } catch {
    tree = "";
  }
  if (!/^[0-9a-f]{40}$/.test(tree)) {
    throw new UsageError(`${projectPath || "."} does not exist at commit ${commit.slice(0, 12)}`, "Check the directory and the commit: the project must be committed at that revision.");
  }
  const listing = await git.raw(["ls-tree", "-r", "-z", "-l", tree]);
  const entries = [];
  for (const record of listing.split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("	");
    const [mode, type, id, size] = record.slice(0, tab).split(/\s+/);
    const file = record.slice(tab + 1);
    if (type !== "blob" || id === void 0 || mode === "120000") continue;
    if (file.split("/").some((part) => SKIP_DIRS.has(part))) continue;
    if (Number(size) > MAX_FILE_BYTES) continue;
    entries.push({ path: file, id });
  }
  entries.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const blobs = await readBlobs(root, [...new Set(entries.map((e) => e.id))]);
  const files = /* @__PURE__ */ new Map();
  for (const e of entries) files.set(e.path, blobs.get(e.id).toString("utf8"));
  return { root, projectPath, commit, tree, files };
}
async function readWorkingTree(root, projectPath, inGit) {
  const dir = path16.join(root, projectPath);
  const rels = inGit ? await gitListWorkingFiles(dir) : await walk(dir, "");
  rels.sort();
  const files = /* @__PURE__ */ new Map();
  for (const rel of rels) {
    const abs = path16.join(dir, rel);
    const st = await stat3(abs).catch(() => void 0);
    if (!st?.isFile() || st.size > MAX_FILE_BYTES) continue;
    files.set(rel, await readFile7(abs, "utf8"));
  }
  return { root, projectPath, commit: void 0, tree: void 0, files };
}
async function gitListWorkingFiles(dir) {
  const out = await simpleGit2(dir).raw(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."]);
  return out.split("\0").filter((f) => f !== "" && !f.split("/").some((part) => SKIP_DIRS.has(part)));
}
async function walk(abs, rel) {
  const out = [];
  for (const entry of await readdir2(path16.join(abs, rel), { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...await walk(abs, child));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}
function toPosix(p) {
  return p.split(path16.sep).join("/");
}

// src/github/build.ts
async function buildCommit(options) {
  let snapshot;
  try {
    snapshot = await readRepo({ dir: options.dir, commit: options.commit });
  } catch (error) {
    if (error instanceof UsageError && /unknown revision/.test(error.message)) {
      throw new UsageError(
        `${error.message}: the checkout does not contain commit ${options.commit}`,
        "check out with history so both sides of the pull request are present: actions/checkout with `fetch-depth: 0`",
        { cause: error }
      );
    }
    throw error;
  }
  const commit = snapshot.commit;
  const result = await compileCommit({
    snapshot: { ...snapshot, commit, tree: snapshot.tree ?? "" },
    store: options.store,
    cacheDir: options.cacheDir,
    registry: options.registry
  });
  return { snapshot, result };
}

// src/github/restored-build.ts
import { simpleGit as simpleGit3 } from "simple-git";
var HISTORY_DEPTH = 5e3;
async function findRestoredBuild(options) {
  const candidates = /* @__PURE__ */ new Set();
  for (const store of options.stores) {
    let commits;
    try {
      commits = await store.listCommits();
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      if (!/cannot be listed/.test(error.message)) options.onUnreadable?.(store.describe(), error);
      continue;
    }
    for (const commit of commits) {
      if (options.exclude.has(commit) || candidates.has(commit)) continue;
      if (await store.getCommit(commit) === options.digest) candidates.add(commit);
    }
  }
  if (candidates.size === 0) return void 0;
  const history = await simpleGit3(options.repoDir).raw(["rev-list", `--max-count=${HISTORY_DEPTH}`, options.base]).then((out) => out.split("\n"), () => []);
  const ranked = history.find((c) => candidates.has(c));
  return { commit: ranked ?? [...candidates].sort()[0], digest: options.digest };
}

// src/github/plan.ts
async function planPullRequest(options) {
  const build2 = (commit) => buildCommit({ dir: options.dir, commit, store: options.store, cacheDir: options.cacheDir, registry: options.registry });
  const head = await build2(options.head);
  let base;
  let baseNote;
  try {
    base = await build2(options.base);
    if (!base.result.ok) {
      baseNote = `the base commit \`${base.result.commit.slice(0, 12)}\` does not build, so this plan starts from nothing`;
    }
  } catch (error) {
    if (!(error instanceof UsageError) || !/does not exist at commit/.test(error.message)) throw error;
    baseNote = "the base commit has no actions project yet, so this plan starts from nothing";
  }
  const projectPath = head.snapshot.projectPath;
  if (!head.result.ok) return { head, base, baseNote, plan: void 0, restores: void 0, projectPath };
  const from = base?.result.ok ? base.result : void 0;
  const plan = planChanges(
    { commit: from?.commit ?? base?.result.commit, digest: from?.digest, manifest: from?.manifest },
    { commit: head.result.commit, digest: head.result.digest, manifest: head.result.manifest }
  );
  let restores;
  if (!plan.identical) {
    restores = await findRestoredBuild({
      digest: head.result.digest,
      exclude: /* @__PURE__ */ new Set([head.result.commit, ...base ? [base.result.commit] : []]),
      stores: [options.store, ...options.history ?? []],
      repoDir: options.dir,
      base: options.base,
      onUnreadable: options.onHistoryError
    });
  }
  return { head, base, baseNote, plan, restores, projectPath };
}

// src/github/settings.ts
import path17 from "node:path";
function stepPaths(inputs, ctx, env) {
  const projectDir = path17.resolve(ctx.workspace, inputs.directory);
  const state = path17.join(projectDir, ".actuate");
  return {
    projectDir,
    buildStoreDir: path17.join(state, "store"),
    cacheDir: path17.resolve(ctx.workspace, inputs.cacheDir ?? env["ACTUATE_CACHE_DIR"] ?? path17.join(state, "cache")),
    storeCacheDir: path17.join(ctx.tempDir ?? state, "actuate-stores")
  };
}
function storeSpec(inputs, ctx) {
  return inputs.store ?? `git+${ctx.serverUrl}/${ctx.owner}/${ctx.repo}.git#actuate-store`;
}
function storeOptions(inputs, ctx, paths, io) {
  const gitConfig = [];
  if (inputs.token && /^https?:\/\//.test(ctx.serverUrl)) {
    const basic = Buffer.from(`x-access-token:${inputs.token}`).toString("base64");
    io.mask(basic);
    gitConfig.push(`http.${ctx.serverUrl}/.extraheader=AUTHORIZATION: basic ${basic}`);
  }
  return {
    cacheDir: paths.storeCacheDir,
    cwd: ctx.workspace,
    gitConfig,
    identity: { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" }
  };
}

// src/github/plan-step.ts
async function runPlanStep(inputs, ctx, env, io) {
  const pr = pullRequestOf(ctx);
  if (!inputs.token) throw new UsageError('the input "token" is empty', "leave it unset (it defaults to github.token) or pass a token that may write checks and pull request comments");
  const paths = stepPaths(inputs, ctx, env);
  const history = openStore(storeSpec(inputs, ctx), storeOptions(inputs, ctx, paths, io));
  const planned = await io.group(
    `Build base ${pr.baseSha.slice(0, 12)} and head ${pr.headSha.slice(0, 12)}`,
    () => planPullRequest({
      dir: paths.projectDir,
      base: pr.baseSha,
      head: pr.headSha,
      store: createFsStore(paths.buildStoreDir),
      cacheDir: paths.cacheDir,
      registry: inputs.npmRegistry,
      history: [history],
      onHistoryError: (where, error) => io.annotate("warning", `cannot read ${where} to find an earlier build this one restores: ${error.message}`, { title: "Actuate plan" })
    })
  );
  for (const [side, built] of [["base", planned.base], ["head", planned.head]]) {
    if (built) io.info(`${side} ${built.result.commit.slice(0, 12)}: ${built.result.ok ? `manifest ${built.result.digest}` : "does not build"}`);
  }
  const rendered = renderPullRequestPlan(planned, { runUrl: ctx.runUrl, title: inputs.checkName });
  io.appendSummary(rendered.summary);
  io.info(rendered.title);
  const octokit = createGitHubClient({ token: inputs.token, apiUrl: ctx.apiUrl });
  const failures = [];
  const annotations = toCheckAnnotations(planned.head.result.diagnostics, planned.projectPath);
  try {
    const check = await reportCheckRun(octokit, {
      owner: ctx.owner,
      repo: ctx.repo,
      headSha: pr.headSha,
      name: inputs.checkName,
      conclusion: rendered.conclusion,
      title: rendered.title,
      summary: capText(rendered.summary, CHECK_OUTPUT_LIMIT, `… the rest is in the job summary${ctx.runUrl ? `: ${ctx.runUrl}` : ""}`),
      annotations,
      detailsUrl: ctx.runUrl
    });
    io.setOutput("check-run-url", check.url ?? "");
    io.info(`check run "${inputs.checkName}": ${rendered.conclusion}, ${annotations.length} annotation${annotations.length === 1 ? "" : "s"}`);
  } catch (error) {
    failures.push(error);
    for (const a of annotations) {
      io.annotate(a.annotation_level === "failure" ? "error" : "warning", a.message, { title: a.title, file: a.path, line: a.start_line, endLine: a.end_line, col: a.start_column, endColumn: a.end_column });
    }
  }
  if (inputs.comment) {
    try {
      const comment = await upsertStickyComment(octokit, { owner: ctx.owner, repo: ctx.repo, issueNumber: pr.number }, PLAN_MARKER, rendered.comment);
      io.setOutput("comment-url", comment.url ?? "");
      io.info(`${comment.created ? "created" : "updated"} the plan comment${comment.url ? `: ${comment.url}` : ""}${rendered.truncated ? " (truncated; the full plan is in the job summary)" : ""}`);
    } catch (error) {
      failures.push(error);
    }
  }
  io.setOutput("conclusion", rendered.conclusion);
  io.setOutput("changes", String(rendered.changes));
  if (planned.head.result.ok) io.setOutput("manifest", planned.head.result.digest);
  for (const failure of failures) io.annotate("error", describe2(failure), { title: "Actuate" });
  if (!planned.head.result.ok) io.annotate("error", `${rendered.title} See the annotations and the plan comment.`, { title: "Actuate plan" });
  return failures.length > 0 || rendered.conclusion === "failure" ? 1 : 0;
}
function describe2(error) {
  return error instanceof UsageError && error.hint ? `${error.message}
How to fix: ${error.hint}` : error.message;
}

// src/github/publish.ts
import { simpleGit as simpleGit4 } from "simple-git";
async function publishCommit(options) {
  const { snapshot, result } = await buildCommit({ dir: options.dir, commit: options.commit, store: options.buildStore, cacheDir: options.cacheDir, registry: options.registry });
  if (!result.ok) return { ok: false, commit: result.commit, diagnostics: result.diagnostics, projectPath: snapshot.projectPath };
  const { target } = options;
  await target.refresh();
  const store = target.store;
  let uploaded = 0;
  const digests = [...new Set(manifestReferences(result.manifest).map((r) => r.digest)), result.digest];
  for (const digest2 of digests) {
    if (await store.has(digest2)) continue;
    const bytes = await options.buildStore.get(digest2);
    if (bytes === void 0) throw new InternalError(`the build of ${result.commit} did not leave ${digest2} in ${options.buildStore.describe()}`);
    if ((await store.put(bytes)).written) uploaded++;
  }
  if (await store.getCommit(result.commit) !== result.digest) await store.setCommit(result.commit, result.digest);
  const previous = await store.getRef(options.refName);
  const refMoved = previous !== result.commit;
  if (refMoved) await store.setRef(options.refName, result.commit);
  const flushed = await target.flush(
    `publish ${result.commit.slice(0, 12)} as refs/${options.refName}

manifest ${result.digest}
objects uploaded: ${uploaded}
`
  );
  const warning = previous !== void 0 && refMoved && !await isAncestor(options.dir, previous, result.commit) ? `refs/${options.refName} moved from ${previous.slice(0, 12)} to ${result.commit.slice(0, 12)}, which does not contain it (a force push, or publishes out of order); use a concurrency group so publishes run in push order` : void 0;
  return {
    ok: true,
    commit: result.commit,
    manifest: result.digest,
    objectsUploaded: uploaded,
    previous,
    refMoved,
    pushed: flushed.detail,
    diagnostics: result.diagnostics,
    warning
  };
}
async function isAncestor(dir, older, newer) {
  const git = simpleGit4(dir);
  const known = await git.raw(["cat-file", "-e", `${older}^{commit}`]).then(() => true, () => false);
  if (!known) return true;
  return git.raw(["merge-base", "--is-ancestor", older, newer]).then(() => true, () => false);
}

// src/github/publish-step.ts
async function runPublishStep(inputs, ctx, env, io) {
  const refName = inputs.refName ?? branchOf(ctx.ref);
  if (refName === void 0) {
    throw new UsageError(
      `cannot tell which store ref to move: GITHUB_REF is ${JSON.stringify(ctx.ref)}, not a branch`,
      'run publish on pushes to a branch, or set the input "ref-name" (e.g. main)'
    );
  }
  const paths = stepPaths(inputs, ctx, env);
  const spec = storeSpec(inputs, ctx);
  const target = openWritableStore(spec, storeOptions(inputs, ctx, paths, io));
  const result = await io.group(
    `Build ${ctx.sha.slice(0, 12)} and publish it as refs/${refName}`,
    () => publishCommit({
      dir: paths.projectDir,
      commit: ctx.sha,
      refName,
      buildStore: createFsStore(paths.buildStoreDir),
      target,
      cacheDir: paths.cacheDir,
      registry: inputs.npmRegistry
    })
  );
  io.setOutput("commit", result.commit);
  if (!result.ok) {
    for (const d of result.diagnostics) {
      if (d.severity === "info") continue;
      io.annotate(d.severity === "error" ? "error" : "warning", d.hint ? `${d.message}
How to fix: ${d.hint}` : d.message, {
        title: d.code,
        file: d.file === void 0 ? void 0 : repoPath(result.projectPath, d.file),
        line: d.line,
        endLine: d.endLine,
        col: d.column,
        endColumn: d.endColumn
      });
    }
    const line2 = `✗ Commit \`${result.commit.slice(0, 12)}\` does not build; nothing was published and refs/${refName} did not move.`;
    io.appendSummary(`### Actuate publish

${line2}
`);
    io.annotate("error", line2.replace(/`/g, ""), { title: "Actuate publish" });
    return 1;
  }
  io.setOutput("manifest", result.manifest);
  io.setOutput("objects-uploaded", String(result.objectsUploaded));
  io.setOutput("ref", refName);
  io.setOutput("previous", result.previous ?? "");
  io.setOutput("store-commit", result.pushed ?? "");
  if (result.warning) io.annotate("warning", result.warning, { title: "Actuate publish" });
  const moved = result.refMoved ? `refs/${refName} moved ${result.previous ? `from \`${result.previous.slice(0, 12)}\` ` : ""}to \`${result.commit.slice(0, 12)}\`` : `refs/${refName} already pointed at \`${result.commit.slice(0, 12)}\``;
  const line = `✓ Published \`${result.commit.slice(0, 12)}\` (manifest \`${result.manifest}\`): ${result.objectsUploaded} object${result.objectsUploaded === 1 ? "" : "s"} uploaded; ${moved}.`;
  io.appendSummary(`### Actuate publish

${line}

Store: \`${target.store.describe().replace(/ \(clone at .*\)$/, "")}\`
`);
  io.info(line.replace(/`/g, ""));
  return 0;
}

// src/github/workflow-commands.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
function createWorkflowIO(env, write) {
  const command = (name, props, message) => {
    const list = Object.entries(props).filter(([, v]) => v !== void 0 && v !== "").map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
    write(`::${name}${list ? ` ${list}` : ""}::${escapeData(message)}
`);
  };
  return {
    setOutput(name, value) {
      const file = env["GITHUB_OUTPUT"];
      if (!file) return void write(`output ${name}=${value}
`);
      const delimiter = `ghadelimiter_${randomUUID()}`;
      appendFileSync(file, `${name}<<${delimiter}
${value}
${delimiter}
`);
    },
    appendSummary(markdown) {
      const file = env["GITHUB_STEP_SUMMARY"];
      if (!file) return void write(`${markdown}
`);
      appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}
`);
    },
    annotate(level, message, where = {}) {
      command(level, { title: where.title, file: where.file, line: where.line, endLine: where.endLine, col: where.col, endColumn: where.endColumn }, message);
    },
    mask(value) {
      if (value !== "") write(`::add-mask::${escapeData(value)}
`);
    },
    info(message) {
      write(`${message}
`);
    },
    async group(title, fn) {
      write(`::group::${escapeData(title)}
`);
      try {
        return await fn();
      } finally {
        write("::endgroup::\n");
      }
    }
  };
}
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/github/main.ts
async function runAction(env, io, cwd) {
  try {
    const inputs = readInputs(env);
    const ctx = readRunContext(env, cwd);
    return inputs.mode === "plan" ? await runPlanStep(inputs, ctx, env, io) : await runPublishStep(inputs, ctx, env, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.annotate("error", error.hint ? `${error.message}
How to fix: ${error.hint}` : error.message, { title: "Actuate" });
    } else {
      const e = error instanceof Error ? error : new Error(String(error));
      io.annotate("error", `internal error (a bug in Actuate, please report it): ${e.message}`, { title: "Actuate" });
      io.info(e.stack ?? e.message);
    }
    return 1;
  }
}
async function main() {
  const io = createWorkflowIO(process.env, (text) => process.stdout.write(text));
  process.exitCode = await runAction(process.env, io, process.cwd());
}
export {
  main,
  runAction
};
