import { IntegrityError, createDiagnostic } from '../core/index.ts';
import type { CommitSha, Diagnostic, Digest } from '../core/index.ts';
import { checkManifest } from '../manifest/check.ts';
import { manifestReferences } from '../manifest/references.ts';
import { commitKey, objectKey, refKey } from './layout.ts';
import type { StoreReader } from './types.ts';

/** What {@link verifyStore} found. `ok` is false when any problem is an error. */
export interface StoreVerification {
  readonly ok: boolean;
  /** Problems, in a stable order: objects, then commits, then refs, each sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** How much was looked at, for a summary line. */
  readonly checked: { readonly objects: number; readonly commits: number; readonly refs: number };
}

/**
 * Walks a whole store and reports every problem as a diagnostic instead of stopping at the first:
 * objects whose bytes do not hash to their name (`E_STORE_TAMPERED`), commit entries whose manifest
 * or referenced bundles and source maps are absent (`E_STORE_MISSING`), malformed entries or
 * manifests (`E_STORE_INVALID`), and refs to commits with no build (`E_STORE_DANGLING_REF`).
 * Diagnostics name the store-relative location in `file` (`objects/sha256/ab/…`).
 *
 * Reads every object once, so it costs as much as the store is large; run it in CI or on demand,
 * not on every load (reads are verified one by one anyway).
 */
export async function verifyStore(store: StoreReader): Promise<StoreVerification> {
  const where = store.describe();
  const diagnostics: Diagnostic[] = [];
  const report = (code: string, message: string, file: string, hint: string, pointer?: string): void => {
    diagnostics.push(createDiagnostic({ code, severity: 'error', message, file, hint, pointer }));
  };

  const objects = await store.listObjects();
  const present = new Set(objects);
  const tampered = new Set<Digest>();
  for (const digest of objects) {
    if ((await tryGet(store, digest)) === CORRUPT) {
      tampered.add(digest);
      report('E_STORE_TAMPERED', `object ${digest} is corrupt: its bytes do not hash to its name`, objectKey(digest), REWRITE_HINT);
    }
  }

  const commits = await store.listCommits();
  const built = new Set<CommitSha>();
  for (const commit of commits) {
    const file = commitKey(commit);
    let digest: Digest | undefined;
    try {
      digest = await store.getCommit(commit);
    } catch (error) {
      if (!(error instanceof IntegrityError)) throw error;
      report('E_STORE_INVALID', `commit entry for ${commit} does not hold a manifest digest`, file, REPUBLISH_HINT);
      continue;
    }
    if (digest === undefined) continue; // removed while we walked
    built.add(commit);
    if (tampered.has(digest)) {
      report('E_STORE_TAMPERED', `the manifest of commit ${commit}, ${digest}, is corrupt`, file, REWRITE_HINT);
      continue;
    }
    const bytes = present.has(digest) ? await tryGet(store, digest) : undefined;
    if (bytes === CORRUPT) {
      report('E_STORE_TAMPERED', `the manifest of commit ${commit}, ${digest}, is corrupt`, file, REWRITE_HINT);
      continue;
    }
    if (bytes === undefined) {
      report('E_STORE_MISSING', `the manifest of commit ${commit}, ${digest}, is missing`, file, REPUBLISH_HINT);
      continue;
    }
    diagnostics.push(...checkCommitManifest(commit, digest, bytes, present, tampered));
  }

  const refs = await store.listRefs();
  for (const name of refs) {
    try {
      const commit = await store.getRef(name);
      if (commit !== undefined && !built.has(commit)) {
        report('E_STORE_DANGLING_REF', `ref "${name}" points at commit ${commit}, which has no manifest in ${where}`, refKey(name), 'publish that commit, or point the ref at a built one');
      }
    } catch (error) {
      if (!(error instanceof IntegrityError)) throw error;
      report('E_STORE_INVALID', `ref "${name}" does not hold a commit sha`, refKey(name), 'set the ref again (publishing does)');
    }
  }

  return {
    ok: diagnostics.length === 0,
    diagnostics,
    checked: { objects: objects.length, commits: commits.length, refs: refs.length },
  };
}

// --- internal ---

const REWRITE_HINT = 'objects never change once written: delete the file and build or publish the commits that use it again';
const REPUBLISH_HINT = 'build and publish the commit again to rewrite its manifest and objects';

/** Validates one commit's manifest and checks that everything it references is present and intact. */
function checkCommitManifest(
  commit: CommitSha,
  digest: Digest,
  bytes: Uint8Array,
  present: ReadonlySet<Digest>,
  tampered: ReadonlySet<Digest>,
): Diagnostic[] {
  const file = objectKey(digest);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return [invalid(`the manifest of commit ${commit}, ${digest}, is not valid JSON`, file)];
  }
  const check = checkManifest(value, digest);
  if (!check.ok) {
    return check.diagnostics.map((d) => invalid(`the manifest of commit ${commit} is invalid: ${d.message}`, file, d.pointer));
  }
  const out: Diagnostic[] = [];
  for (const ref of manifestReferences(check.manifest)) {
    const what = `the ${ref.kind === 'bundle' ? 'bundle' : 'source map'} of action "${ref.action}" (${ref.trigger}) in the manifest of commit ${commit}`;
    if (!present.has(ref.digest)) {
      out.push(
        createDiagnostic({
          code: 'E_STORE_MISSING',
          severity: 'error',
          message: `${what}, ${ref.digest}, is missing`,
          file: objectKey(ref.digest),
          pointer: ref.pointer,
          hint: REPUBLISH_HINT,
        }),
      );
    } else if (tampered.has(ref.digest)) {
      out.push(
        createDiagnostic({
          code: 'E_STORE_TAMPERED',
          severity: 'error',
          message: `${what}, ${ref.digest}, is corrupt`,
          file: objectKey(ref.digest),
          pointer: ref.pointer,
          hint: REWRITE_HINT,
        }),
      );
    }
  }
  return out;
}

function invalid(message: string, file: string, pointer?: string): Diagnostic {
  return createDiagnostic({ code: 'E_STORE_INVALID', severity: 'error', message, file, pointer, hint: REPUBLISH_HINT });
}

const CORRUPT = Symbol('corrupt');

/** Reads an object, turning a failed verification into a value; other failures (I/O) still throw. */
async function tryGet(store: StoreReader, digest: Digest): Promise<Uint8Array | undefined | typeof CORRUPT> {
  try {
    return await store.get(digest);
  } catch (error) {
    if (error instanceof IntegrityError) return CORRUPT;
    throw error;
  }
}
