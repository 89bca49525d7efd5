import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_LIMITS } from './limits.ts';

const limit = (key: keyof typeof DEFAULT_LIMITS, description: string, minimum = 1) =>
  Type.Optional(Type.Integer({ minimum, description: `${description} Default: ${DEFAULT_LIMITS[key]}.`, default: DEFAULT_LIMITS[key] }));

/** Schema of `actuate.json`, the optional repo-wide settings file at the project root. */
export const ActuateConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'Path or URL of this JSON Schema, for editor validation and completion.' })),
    root: Type.Optional(
      Type.String({
        pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$',
        description: 'Directory (relative to this file) that holds actions/ and flows/, when they do not sit next to actuate.json. Default: ".".',
      }),
    ),
    limits: Type.Optional(
      Type.Object(
        {
          maxActionsPerFlow: limit('maxActionsPerFlow', 'Most actions one flow may run (Auth0 allows 20).'),
          maxSecretsPerAction: limit('maxSecretsPerAction', 'Most secrets one action may declare (Auth0 allows 30).'),
          maxDependenciesPerAction: limit('maxDependenciesPerAction', 'Most npm dependencies one action may declare (Auth0 allows 10).'),
          bundleWarnBytes: limit('bundleWarnBytes', 'Bundle size in bytes above which the build warns (large bundles load slowly in the sandbox).'),
          bundleMaxBytes: limit('bundleMaxBytes', 'Bundle size in bytes above which the build fails.'),
          flowTimeoutMs: limit('flowTimeoutMs', 'Wall-clock budget in milliseconds for a whole flow (Auth0: 20000).'),
          actionTimeoutMs: limit('actionTimeoutMs', 'Default wall-clock budget in milliseconds for one action; an action may declare a smaller one.'),
          memoryMb: limit('memoryMb', 'Default memory budget in MiB for one action.'),
        },
        { additionalProperties: false, description: 'Limits checked at build time and enforced by the runner.' },
      ),
    ),
    egress: Type.Optional(
      Type.Object(
        {
          allow: Type.Optional(
            Type.Array(Type.String({ minLength: 1, pattern: '^(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?$' }), {
              uniqueItems: true,
              description: 'Hostnames actions may fetch, e.g. "api.example.com" or "*.example.com" (optionally with :port). Other hosts are refused. Omit to allow every public host.',
            }),
          ),
          allowPrivate: Type.Optional(
            Type.Boolean({ description: 'Allow fetch to loopback, private and link-local addresses (off by default: actions must not reach the internal network).', default: false }),
          ),
        },
        { additionalProperties: false, description: 'Where actions may send HTTP requests with fetch.' },
      ),
    ),
  },
  { additionalProperties: false, title: 'Actuate repository settings (actuate.json)', description: 'Repo-wide settings of an Actuate actions repository.' },
);
export type ActuateConfig = Static<typeof ActuateConfigSchema>;
