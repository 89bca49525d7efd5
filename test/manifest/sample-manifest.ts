import { digestOf } from '../../src/core/index.ts';
import type { CommitSha, Digest } from '../../src/core/index.ts';
import type { Manifest, ManifestAction } from '../../src/manifest/index.ts';
import type { Store } from '../../src/store/index.ts';
import { testCommit } from '../contract/store.contract.ts';

/** The bytes of the sample objects, by role, so tests can put them into a store or leave one out. */
export const SAMPLE_OBJECTS = {
  enrichBundle: 'exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim("x", 1); };\n',
  enrichMap: '{"version":3,"sources":["actions/enrich/index.ts"],"mappings":"AAAA"}\n',
  mfaBundle: 'exports.onExecutePostLogin = async (e, api) => {};\nexports.onContinuePostLogin = async () => {};\n',
  mfaMap: '{"version":3,"sources":["actions/mfa/index.ts"],"mappings":"AAAA;AACA"}\n',
  welcomeBundle: 'exports.onExecutePostUserRegistration = async (event) => { await fetch("https://hooks.example.com"); };\n',
  welcomeMap: '{"version":3,"sources":["actions/welcome/index.ts"],"mappings":"AAAA"}\n',
} as const;

const d = (key: keyof typeof SAMPLE_OBJECTS): Digest => digestOf(SAMPLE_OBJECTS[key]);

function action(name: string, bundle: keyof typeof SAMPLE_OBJECTS, map: keyof typeof SAMPLE_OBJECTS): ManifestAction {
  return {
    name,
    bundle: d(bundle),
    sourceMap: d(map),
    size: new TextEncoder().encode(SAMPLE_OBJECTS[bundle]).length,
    handlers: { execute: 'onExecutePostLogin' },
    secrets: [],
    dependencies: [],
    limits: { timeoutMs: 5000, memoryMb: 64 },
    isolation: 'warm',
  };
}

/** A realistic manifest: post-login with two actions (one with a continue handler), one async flow. */
export function sampleManifest(): Manifest {
  return {
    manifestVersion: 1,
    tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    toolchain: { actuate: '0.1.0', typescript: '5.9.3', esbuild: '0.28.2', schema: 1 },
    settings: {
      egress: { allow: ['*.example.com', 'api.example.org'], allowPrivate: false },
      limits: {
        maxActionsPerFlow: 20,
        maxSecretsPerAction: 30,
        maxDependenciesPerAction: 10,
        bundleWarnBytes: 100_000,
        bundleMaxBytes: 5_000_000,
        flowTimeoutMs: 20_000,
        actionTimeoutMs: 20_000,
        memoryMb: 64,
      },
    },
    flows: {
      'post-login': {
        version: 'v3',
        mode: 'sync',
        actions: [
          {
            ...action('enrich', 'enrichBundle', 'enrichMap'),
            secrets: ['API_KEY', 'CLIENT_SECRET'],
            dependencies: [
              { name: '@panva/hkdf', version: '1.2.1', integrity: 'sha512-6oclG6Y3PiDFcoyk8srjLfVKyMfVCKJ27JwNPViuXziFpmdz+MZnZN/aKY0JGXgYuO/VghU0jcOAZgWXZ1Dmrw==' },
              { name: 'jose', version: '5.9.6', integrity: 'sha512-AMlnetc9+CV9asI19zHmrgS/WYsWUwCn2R7RzlbJWD7F9eWYUTGyBmU9o6PxngtLGOiDGPRu0=' },
            ],
          },
          { ...action('mfa', 'mfaBundle', 'mfaMap'), handlers: { execute: 'onExecutePostLogin', continue: 'onContinuePostLogin' }, isolation: 'execution' },
        ],
      },
      'post-user-registration': {
        version: 'v2',
        mode: 'async',
        actions: [{ ...action('welcome', 'welcomeBundle', 'welcomeMap'), handlers: { execute: 'onExecutePostUserRegistration' } }],
      },
    },
  };
}

/** Puts the sample objects (except `omit`) into a store; returns their digests by role. */
export async function putSampleObjects(
  store: Store,
  omit: readonly (keyof typeof SAMPLE_OBJECTS)[] = [],
): Promise<Record<keyof typeof SAMPLE_OBJECTS, Digest>> {
  const out = {} as Record<keyof typeof SAMPLE_OBJECTS, Digest>;
  for (const key of Object.keys(SAMPLE_OBJECTS) as (keyof typeof SAMPLE_OBJECTS)[]) {
    out[key] = d(key);
    if (!omit.includes(key)) await store.put(new TextEncoder().encode(SAMPLE_OBJECTS[key]));
  }
  return out;
}
