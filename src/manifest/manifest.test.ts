import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testCommit } from '../../test/contract/store.contract.ts';
import { putSampleObjects, sampleManifest } from '../../test/manifest/sample-manifest.ts';
import { IntegrityError, InternalError, UsageError, digestOf } from '../core/index.ts';
import { createFsStore, createMemoryStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import {
  checkManifest,
  manifestReferences,
  parseManifest,
  readManifest,
  readManifestByDigest,
  serializeManifest,
  writeManifest,
} from './index.ts';
import type { Manifest } from './index.ts';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The same value with every object's keys inserted in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

/** Serialises a manifest after `edit` changed a copy of it, for feeding broken manifests to the parser. */
function edited(edit: (m: Record<string, any>) => void): Uint8Array {
  const copy = structuredClone(sampleManifest()) as Record<string, any>;
  edit(copy);
  return encode(JSON.stringify(copy));
}

function parseError(bytes: Uint8Array): IntegrityError {
  try {
    parseManifest(bytes, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(IntegrityError);
    return error as IntegrityError;
  }
  throw new Error('parseManifest accepted an invalid manifest');
}

describe('serializeManifest', () => {
  it('gives identical bytes whatever order the keys were inserted in', () => {
    const m = sampleManifest();
    const reversed = reverseKeys(m) as Manifest;
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(m));
    expect(serializeManifest(reversed)).toEqual(serializeManifest(m));
  });

  it('writes canonical JSON: sorted keys, no whitespace, one trailing newline, undefined members dropped', () => {
    const m = sampleManifest();
    m.flows['post-login']!.actions[0]!.handlers.continue = undefined;
    const text = decode(serializeManifest(m));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(text.startsWith('{"flows":{')).toBe(true);
    expect(text).not.toContain('"continue":null');
    expect(text).not.toMatch(/[:,] /);
  });

  it('keeps array order: actions run in manifest order', () => {
    const m = sampleManifest();
    const swapped = sampleManifest();
    swapped.flows['post-login']!.actions.reverse();
    expect(serializeManifest(swapped)).not.toEqual(serializeManifest(m));
  });

  it('pins the format: the sample manifest always has this digest', () => {
    expect(digestOf(serializeManifest(sampleManifest()))).toMatchInlineSnapshot(
      `"sha256:009e69367eb002176fb2cd581eabbed64c640573f7418086260f5c83aad39346"`,
    );
  });
});

describe('parseManifest', () => {
  it('accepts what serializeManifest writes and gives back an equal manifest', () => {
    const m = sampleManifest();
    expect(parseManifest(serializeManifest(m), 'test')).toEqual(m);
  });

  it('refuses a bad digest, naming its JSON pointer and what a digest looks like', () => {
    const error = parseError(edited((m) => (m.flows['post-login'].actions[0].bundle = 'sha256:abc')));
    expect(error.message).toContain('manifest test.json is invalid');
    expect(error.message).toContain('/flows/post-login/actions/0/bundle: must be an object digest (sha256:<64 lowercase hex digits>), got "sha256:abc"');
  });

  it('refuses a missing field, naming the pointer of the missing property', () => {
    const error = parseError(edited((m) => delete m.flows['post-user-registration'].actions[0].sourceMap));
    expect(error.message).toContain('/flows/post-user-registration/actions/0/sourceMap: is required but missing');
  });

  it.each([
    ['an unknown property', (m: any) => (m.builtAt = '2024-01-01'), '/builtAt: is not a known property'],
    ['a wrong format version', (m: any) => (m.manifestVersion = 2), '/manifestVersion: must be 1, got 2'],
    ['an unknown mode', (m: any) => (m.flows['post-login'].mode = 'later'), '/flows/post-login/mode: must be one of "sync", "async", got "later"'],
    ['a bad trigger id', (m: any) => (m.flows['Post Login'] = m.flows['post-login']), '/flows/Post Login: is not allowed here: keys must be a trigger id'],
    ['a wrong type', (m: any) => (m.flows['post-login'].actions[1].size = '12'), '/flows/post-login/actions/1/size: must be integer, got "12"'],
    ['a repeated action', (m: any) => m.flows['post-login'].actions.push(m.flows['post-login'].actions[0]), '/flows/post-login/actions/2/name: repeats action "enrich"'],
    ['unsorted secrets', (m: any) => m.flows['post-login'].actions[0].secrets.reverse(), '/flows/post-login/actions/0/secrets/1: is out of order'],
    ['unsorted dependencies', (m: any) => m.flows['post-login'].actions[0].dependencies.reverse(), '/flows/post-login/actions/0/dependencies/1: is out of order'],
    ['a dependency listed twice', (m: any) => m.flows['post-login'].actions[0].dependencies.push({ ...m.flows['post-login'].actions[0].dependencies.at(-1) }), ': is out of order or repeated'],
    ['a pointer needing escapes', (m: any) => (m.flows['post-login'].actions[0].handlers['a/b~c'] = 1), '/flows/post-login/actions/0/handlers/a~1b~0c: is not a known property'],
  ])('refuses %s', (_what, edit, expected) => {
    expect(parseError(edited(edit)).message).toContain(expected);
  });

  it('accepts one package bundled in two versions (a nested older copy), sorted by version', () => {
    const manifest = edited((m) => {
      const deps = m.flows['post-login'].actions[0].dependencies;
      const last = deps.at(-1);
      deps.push({ ...last, version: `${Number(last.version.split('.')[0]) + 1}.0.0` });
    });
    expect(() => parseManifest(manifest, 'test.json')).not.toThrow();
  });

  it('lists the first problems and counts the rest', () => {
    const error = parseError(
      edited((m) => {
        for (const key of ['tree', 'toolchain', 'settings', 'flows', 'manifestVersion']) delete m[key];
        m.extra = true;
      }),
    );
    expect(error.message.split('\n')).toHaveLength(7);
    expect(error.message).toMatch(/\.\.\.and 1 more$/);
  });

  it('refuses bytes that are not JSON or not UTF-8', () => {
    expect(parseError(encode('{"manifestVersion":')).message).toMatch(/^manifest test\.json is not valid UTF-8 JSON/);
    expect(parseError(Uint8Array.from([0x7b, 0xff, 0x7d])).message).toMatch(/not valid UTF-8 JSON/);
  });
});

describe('checkManifest', () => {
  it('returns problems as diagnostics with a stable code and the pointer', () => {
    const value = JSON.parse(decode(edited((m) => (m.tree = 'HEAD'))));
    const result = checkManifest(value, 'x');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'E_MANIFEST_INVALID', severity: 'error', pointer: '/tree' }),
    ]);
  });
});

describe('manifestReferences', () => {
  it('lists every bundle and source map, triggers sorted, actions in order', () => {
    const refs = manifestReferences(sampleManifest());
    expect(refs.map((r) => `${r.trigger} ${r.action} ${r.kind} ${r.pointer}`)).toEqual([
      'post-login enrich bundle /flows/post-login/actions/0/bundle',
      'post-login enrich sourceMap /flows/post-login/actions/0/sourceMap',
      'post-login mfa bundle /flows/post-login/actions/1/bundle',
      'post-login mfa sourceMap /flows/post-login/actions/1/sourceMap',
      'post-user-registration welcome bundle /flows/post-user-registration/actions/0/bundle',
      'post-user-registration welcome sourceMap /flows/post-user-registration/actions/0/sourceMap',
    ]);
    const m = sampleManifest();
    expect(refs[2]!.digest).toBe(m.flows['post-login']!.actions[1]!.bundle);
  });
});

describe('manifests in a store', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const stores: [string, () => Promise<Store>][] = [
    ['memory', async () => createMemoryStore()],
    [
      'fs',
      async () => {
        dir = await mkdtemp(join(tmpdir(), 'actuate-manifest-'));
        return createFsStore(dir);
      },
    ],
  ];

  describe.each(stores)('%s store', (_name, makeStore) => {
    it('round-trips: write, then read by commit and by digest', async () => {
      const store = await makeStore();
      await putSampleObjects(store);
      const m = sampleManifest();
      const digest = await writeManifest(store, testCommit(1), m);
      expect(digest).toBe(digestOf(serializeManifest(m)));
      expect(await store.getCommit(testCommit(1))).toBe(digest);
      expect(await readManifest(store, testCommit(1))).toEqual({ digest, manifest: m });
      expect(await readManifestByDigest(store, digest)).toEqual(m);
    });

    it('writes the same digest again for the same manifest, storing nothing new', async () => {
      const store = await makeStore();
      await putSampleObjects(store);
      const first = await writeManifest(store, testCommit(1), sampleManifest());
      const objects = await store.listObjects();
      expect(await writeManifest(store, testCommit(1), reverseKeys(sampleManifest()) as Manifest)).toBe(first);
      expect(await store.listObjects()).toEqual(objects);
    });

    it('refuses to write a manifest whose objects are not stored yet, and records nothing', async () => {
      const store = await makeStore();
      await putSampleObjects(store, ['mfaMap']);
      const m = sampleManifest();
      const write = writeManifest(store, testCommit(1), m);
      await expect(write).rejects.toBeInstanceOf(InternalError);
      await expect(writeManifest(store, testCommit(1), m)).rejects.toThrow(/sourceMap of action "mfa" \(post-login\)/);
      expect(await store.getCommit(testCommit(1))).toBeUndefined();
    });

    it('refuses to write an invalid manifest', async () => {
      const store = await makeStore();
      await putSampleObjects(store);
      const m = sampleManifest();
      m.flows['post-login']!.actions[0]!.secrets = ['Z', 'A'];
      await expect(writeManifest(store, testCommit(1), m)).rejects.toThrow(/secrets\/1: is out of order/);
    });

    it('reports a commit that was never built as a usage error with a hint', async () => {
      const store = await makeStore();
      const error = await readManifest(store, testCommit(9)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toContain(`has no manifest for commit ${testCommit(9)}`);
      expect((error as UsageError).hint).toMatch(/actuate build/);
      await expect(readManifestByDigest(store, digestOf('nothing'))).rejects.toBeInstanceOf(UsageError);
    });

    it('lets two commits share one manifest, as a revert of a change does', async () => {
      const store = await makeStore();
      await putSampleObjects(store);
      const first = await writeManifest(store, testCommit(1), sampleManifest());
      const revert = await writeManifest(store, testCommit(3), sampleManifest());
      expect(revert).toBe(first);
      expect((await readManifest(store, testCommit(3))).digest).toBe(first);
    });

    it('refuses a stored object that is not a manifest', async () => {
      const store = await makeStore();
      const { digest } = await store.put(encode('{"hello":"world"}'));
      await store.setCommit(testCommit(3), digest);
      await expect(readManifest(store, testCommit(3))).rejects.toThrow(/\/manifestVersion: is required but missing/);
    });
  });
});
