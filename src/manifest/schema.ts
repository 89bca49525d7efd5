import { Type } from '@sinclair/typebox';
import type { Static, TInteger, TUnsafe } from '@sinclair/typebox';
import type { Digest } from '../core/index.ts';

/**
 * The manifest: everything a runner needs to execute the flows of one commit, and nothing that
 * differs between machines or builds (no timestamps, absolute paths or host names). This TypeBox
 * schema is the single source of truth: the `Manifest` type comes from it, ajv validates manifests
 * read back from a store against it, and `schemas/manifest.json` is generated from it (drift-tested).
 *
 * Objects are closed (`additionalProperties: false`): a runner refuses a manifest it does not fully
 * understand instead of silently ignoring a field. Any change to the shape bumps `manifestVersion`.
 */

/** The manifest format this code writes and reads. */
export const MANIFEST_VERSION = 1;

/** Patterns with a human phrase each, so validation messages say what is expected, not a regex. */
export const PATTERNS = {
  digest: { pattern: '^sha256:[0-9a-f]{64}$', phrase: 'an object digest (sha256:<64 lowercase hex digits>)' },
  gitId: { pattern: '^[0-9a-f]{40}$', phrase: 'a 40-digit lowercase hex git object id' },
  triggerId: { pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', phrase: 'a trigger id such as "post-login"' },
  triggerVersion: { pattern: '^v[0-9]+$', phrase: 'a trigger version such as "v3"' },
  actionName: {
    pattern: String.raw`^(?!\.\.?$)[^/\\\u0000-\u001f]+$`,
    phrase: 'an action name (a folder name under actions/: no "/", "\\" or control characters, not "." or "..")',
  },
  identifier: { pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$', phrase: 'a JavaScript identifier' },
  secretName: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$', phrase: 'a secret name (letters, digits and "_", not starting with a digit)' },
  npmName: {
    pattern: '^(@[a-z0-9~-][a-z0-9._~-]*/)?[a-z0-9~-][a-z0-9._~-]*$',
    phrase: 'an npm package name',
  },
  exactVersion: {
    pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$',
    phrase: 'an exact semver version such as "1.2.3"',
  },
  egressHost: {
    pattern: '^(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?$',
    phrase: 'a host name such as "api.example.com" or "*.example.com", optionally with ":port"',
  },
  integrity: {
    pattern: '^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$',
    phrase: 'a subresource-integrity hash such as "sha512-…" (as in package-lock.json)',
  },
} as const;

function patterned(key: keyof typeof PATTERNS, description: string) {
  return Type.String({ pattern: PATTERNS[key].pattern, description });
}

/** A string schema that only admits the given values (`enum`, which gives clearer errors than `anyOf`). */
function oneOf<const T extends readonly string[]>(values: T, description: string): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

const closed = { additionalProperties: false } as const;

function digest(description: string): TUnsafe<Digest> {
  return Type.Unsafe<Digest>(patterned('digest', description));
}

function positiveInteger(description: string): TInteger {
  return Type.Integer({ minimum: 1, description });
}

/** Time and memory budgets of one action, resolved from action.json and actuate.json defaults. */
export const ActionLimitsSchema = Type.Object(
  {
    timeoutMs: Type.Integer({ minimum: 1, description: 'Wall-clock budget of one execution of this action, in milliseconds.' }),
    memoryMb: Type.Integer({ minimum: 1, description: 'Memory cap of the sandbox running this action, in mebibytes.' }),
  },
  { ...closed, description: 'Resolved limits for the action (action.json `limits` over the repo-wide defaults).' },
);

/** One npm package bundled into an action, as resolved at build time. */
export const DependencySchema = Type.Object(
  {
    name: patterned('npmName', 'npm package name, as declared in action.json `dependencies`.'),
    version: patterned('exactVersion', 'Exact version bundled (action.json allows no ranges).'),
    integrity: patterned('integrity', 'Subresource-integrity hash of the package tarball that was bundled.'),
  },
  { ...closed, description: 'An npm package bundled into the action.' },
);

/** One action of a flow, pointing at its immutable bundle and source map. */
export const ManifestActionSchema = Type.Object(
  {
    name: Type.String({
      pattern: PATTERNS.actionName.pattern,
      description: 'Action name: its folder under actions/. Unique within the flow.',
    }),
    bundle: digest('Digest of the bundled JavaScript the runner loads into the sandbox.'),
    sourceMap: digest('Digest of the source map of the bundle, used to map stack traces to the action sources.'),
    size: Type.Integer({ minimum: 0, description: 'Size of the bundle in bytes.' }),
    handlers: Type.Object(
      {
        execute: patterned('identifier', 'Exported function called for each execution, e.g. onExecutePostLogin.'),
        continue: Type.Optional(
          patterned('identifier', 'Exported function called when the flow resumes after a redirect, e.g. onContinuePostLogin. Absent when the action does not export it.'),
        ),
      },
      { ...closed, description: 'Names of the handler functions the bundle exports.' },
    ),
    secrets: Type.Array(
      Type.String({
        pattern: PATTERNS.secretName.pattern,
        maxLength: 128,
        description: 'A secret name; the value comes from the runner environment, never from git.',
      }),
      {
      uniqueItems: true,
      description: 'Secret names the action declares, sorted. The runner refuses to load the action when one is not provided.',
    }),
    dependencies: Type.Array(DependencySchema, {
      description: 'npm packages bundled into the action, with everything they depend on, sorted by name then version (a package can be bundled in several versions).',
    }),
    limits: ActionLimitsSchema,
    eventReads: Type.Optional(
      Type.Array(
        Type.String({
          pattern: '^[^.]+(\\.[^.]+)?$',
          maxLength: 256,
          description: 'A whole top-level property of the event ("request") or one field of it ("user.email").',
        }),
        {
          uniqueItems: true,
          description:
            'What the handlers read of the event, sorted, as found at build time; the runner sends the action only these (and its secrets). Absent when the build could not tell for certain: the whole event is sent.',
        },
      ),
    ),
    isolation: oneOf(
      ['warm', 'execution'] as const,
      'How sandboxes are reused: "warm" reuses a context across executions (module scope may persist), "execution" starts a fresh one each time.',
    ),
  },
  { ...closed, description: 'An action bound to the flow.' },
);

/** The actions bound to one trigger, in execution order. */
export const ManifestFlowSchema = Type.Object(
  {
    version: patterned('triggerVersion', 'Trigger version the actions were type-checked against, e.g. "v3".'),
    mode: oneOf(['sync', 'async'] as const, 'Whether the caller waits for the result ("sync") or the event is queued ("async").'),
    actions: Type.Array(ManifestActionSchema, { description: 'Actions in execution order (the order of flows/<trigger>.json).' }),
  },
  { ...closed, description: 'The flow of one trigger.' },
);

/** Repo-wide settings, resolved from actuate.json with defaults filled in. */
export const ManifestSettingsSchema = Type.Object(
  {
    egress: Type.Object(
      {
        allow: Type.Optional(
          Type.Array(patterned('egressHost', 'A host name fetch may reach, e.g. "api.example.com" or "*.example.com".'), {
            uniqueItems: true,
            description: 'Hosts actions may reach with fetch, sorted; other hosts are refused. Absent: every public host.',
          }),
        ),
        allowPrivate: Type.Boolean({ description: 'Whether fetch may reach loopback, private and link-local addresses.' }),
      },
      { ...closed, description: 'Outbound network policy for fetch inside the sandbox.' },
    ),
    limits: Type.Object(
      {
        maxActionsPerFlow: positiveInteger('Most actions one flow may run; checked at build time.'),
        maxSecretsPerAction: positiveInteger('Most secrets one action may declare; checked at build time.'),
        maxDependenciesPerAction: positiveInteger('Most npm dependencies one action may declare; checked at build time.'),
        bundleWarnBytes: positiveInteger('Bundle size in bytes above which the build warned.'),
        bundleMaxBytes: positiveInteger('Bundle size in bytes above which the build fails.'),
        flowTimeoutMs: positiveInteger('Wall-clock budget of a whole flow execution, in milliseconds (Auth0: 20000).'),
        actionTimeoutMs: positiveInteger('Default per-action budget in milliseconds, for actions that declare none.'),
        memoryMb: positiveInteger('Default per-action memory cap in MiB, for actions that declare none.'),
      },
      {
        ...closed,
        description: 'Resolved repo-wide limits (actuate.json over the defaults). Each action also carries its own resolved limits.',
      },
    ),
  },
  { ...closed, description: 'Repo-wide settings from actuate.json, with defaults resolved.' },
);

/** The toolchain that produced the build: part of the manifest so a toolchain change is visible. */
export const ToolchainSchema = Type.Object(
  {
    actuate: Type.String({ minLength: 1, description: 'Version of Actuate that built the manifest.' }),
    typescript: Type.String({ minLength: 1, description: 'Version of TypeScript the actions were type-checked with.' }),
    esbuild: Type.String({ minLength: 1, description: 'Version of esbuild the actions were bundled with.' }),
    schema: positiveInteger('Version of the trigger definitions and repository schemas the build was checked against.'),
  },
  { ...closed, description: 'Tool versions that determine the build output.' },
);

/** The whole manifest of one commit. */
export const ManifestSchema = Type.Object(
  {
    manifestVersion: Type.Literal(MANIFEST_VERSION, { description: 'Format version of this manifest.' }),
    tree: patterned('gitId', 'The git tree id of the actions project at the built commit. The commit itself is not recorded here: commits/<sha> in the store maps a commit to its manifest, so a revert (same tree) maps to the earlier manifest digest.'),
    toolchain: ToolchainSchema,
    settings: ManifestSettingsSchema,
    flows: Type.Record(Type.String({ pattern: PATTERNS.triggerId.pattern }), ManifestFlowSchema, {
      ...closed,
      description: 'Flows keyed by trigger id. A trigger with no flow file has no entry.',
    }),
  },
  {
    ...closed,
    title: 'Actuate manifest',
    description: 'The build of one commit of an actions repository: flows with content-addressed bundles. Written by actuate; do not edit.',
  },
);

/** A validated manifest. Only `parseManifest`/`checkManifest` turn unknown JSON into one. */
export type Manifest = Static<typeof ManifestSchema>;
/** The flow of one trigger inside a {@link Manifest}. */
export type ManifestFlow = Static<typeof ManifestFlowSchema>;
/** One action of a flow inside a {@link Manifest}. */
export type ManifestAction = Static<typeof ManifestActionSchema>;
/** The resolved repo-wide settings inside a {@link Manifest}. */
export type ManifestSettings = Static<typeof ManifestSettingsSchema>;
/** One bundled npm package of an action. */
export type ManifestDependency = Static<typeof DependencySchema>;
/** The tool versions recorded in a {@link Manifest}. */
export type ManifestToolchain = Static<typeof ToolchainSchema>;
/** The resolved per-action limits. */
export type ActionLimits = Static<typeof ActionLimitsSchema>;
