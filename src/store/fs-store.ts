import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { IntegrityError, digestOf, parseCommitSha, parseDigest } from '../core/index.ts';
import type { CommitSha, Digest } from '../core/index.ts';
import { commitKey, entryText, objectKey, refKey } from './layout.ts';
import { assertRefName, findRefConflict, refNameProblem } from './ref-name.ts';
import {
  checkCommitArg,
  checkDigestArg,
  missingObjectForCommitError,
  parseEntry,
  refConflictError,
  unbuiltCommitError,
} from './checks.ts';
import type { PutResult, Store } from './types.ts';

/**
 * The embedded default backend: the DESIGN.md layout as plain files under `dir`, so a store can be
 * inspected with `ls` and `cat`, copied with `rsync`, and served by any static file server.
 *
 * Durability and concurrency: every write goes to a temporary file in the target's own directory
 * (named with a leading dot, which no object, commit or ref name can have), is fsynced, then moved
 * into place. Objects are hard-linked into place, which fails if the object already exists, so an
 * object is never overwritten and concurrent puts agree on who wrote it; `commits/` and `refs/`
 * entries are renamed over the old ones (atomic replace). Object files are made read-only. Putting
 * bytes that are already present re-verifies the stored copy, so a build notices a corrupt store.
 *
 * Directories are created on first write; reading a store that does not exist yet finds nothing.
 */
export function createFsStore(dir: string): Store {
  const file = (key: string): string => join(dir, ...key.split('/'));
  const where = `fs store at ${dir}`;

  async function has(digest: Digest): Promise<boolean> {
    checkDigestArg(digest);
    return (await statOrUndefined(file(objectKey(digest)))) !== undefined;
  }

  async function get(digest: Digest): Promise<Uint8Array | undefined> {
    checkDigestArg(digest);
    const path = file(objectKey(digest));
    const buf = await readOrUndefined(path);
    if (buf === undefined) return undefined;
    const actual = digestOf(buf);
    if (actual !== digest) {
      throw new IntegrityError(
        `object ${digest} in ${where} is corrupt: the file ${path} hashes to ${actual}. ` +
          'Objects are never rewritten, so it was changed outside Actuate; delete the file and build or publish again to restore it.',
      );
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  async function put(bytes: Uint8Array): Promise<PutResult> {
    const digest = digestOf(bytes);
    const path = file(objectKey(digest));
    if ((await statOrUndefined(path)) !== undefined) {
      await get(digest); // never overwritten, so a corrupt copy must fail loudly rather than pass as stored
      return { digest, written: false };
    }
    const temp = await writeTemp(path, bytes, 0o444);
    try {
      await link(temp, path);
      await fsyncDir(dirname(path));
      return { digest, written: true };
    } catch (error) {
      if (errorCode(error) === 'EEXIST') return { digest, written: false };
      if (!LINK_UNSUPPORTED.has(errorCode(error) ?? '')) throw error;
      // Filesystems without hard links: rename is still atomic; identical bytes make a race harmless.
      const existed = (await statOrUndefined(path)) !== undefined;
      await rename(temp, path);
      await fsyncDir(dirname(path));
      return { digest, written: !existed };
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async function getCommit(commit: CommitSha): Promise<Digest | undefined> {
    checkCommitArg(commit);
    const path = file(commitKey(commit));
    const buf = await readOrUndefined(path);
    if (buf === undefined) return undefined;
    return parseEntry(buf.toString('utf8'), parseDigest, `commit entry ${path} in ${where}`, 'a manifest digest');
  }

  async function setCommit(commit: CommitSha, manifest: Digest): Promise<void> {
    checkCommitArg(commit);
    checkDigestArg(manifest);
    if (!(await has(manifest))) {
      throw missingObjectForCommitError(commit, manifest, where);
    }
    await replaceFile(file(commitKey(commit)), entryText(manifest));
  }

  async function getRef(name: string): Promise<CommitSha | undefined> {
    assertRefName(name);
    const path = file(refKey(name));
    const buf = await readOrUndefined(path);
    if (buf === undefined) return undefined;
    return parseEntry(buf.toString('utf8'), parseCommitSha, `ref ${path} in ${where}`, 'a 40-digit commit sha');
  }

  async function setRef(name: string, commit: CommitSha): Promise<void> {
    assertRefName(name);
    checkCommitArg(commit);
    const conflict = findRefConflict(await listRefs(), name);
    if (conflict !== undefined) throw refConflictError(name, conflict);
    if ((await getCommit(commit)) === undefined) throw unbuiltCommitError(name, commit, where);
    try {
      await replaceFile(file(refKey(name)), entryText(commit));
    } catch (error) {
      // A concurrent writer created the clashing ref between our check and the write.
      if (errorCode(error) === 'ENOTDIR' || errorCode(error) === 'EISDIR') throw refConflictError(name, undefined);
      throw error;
    }
  }

  async function listRefs(): Promise<string[]> {
    const names: string[] = [];
    const walk = async (rel: string): Promise<void> => {
      for (const entry of await readdirOrEmpty(file(rel === '' ? 'refs' : `refs/${rel}`))) {
        const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) await walk(name);
        else if (entry.isFile() && refNameProblem(name) === undefined) names.push(name);
      }
    };
    await walk('');
    return names.sort();
  }

  async function listCommits(): Promise<CommitSha[]> {
    const out: CommitSha[] = [];
    for (const entry of await readdirOrEmpty(file('commits'))) {
      const sha = entry.isFile() ? parseCommitSha(entry.name) : undefined;
      if (sha !== undefined) out.push(sha);
    }
    return out.sort();
  }

  async function listObjects(): Promise<Digest[]> {
    const out: Digest[] = [];
    for (const fan of await readdirOrEmpty(file('objects/sha256'))) {
      if (!fan.isDirectory() || !/^[0-9a-f]{2}$/.test(fan.name)) continue;
      for (const entry of await readdirOrEmpty(file(`objects/sha256/${fan.name}`))) {
        const digest = entry.isFile() ? parseDigest(`sha256:${fan.name}${entry.name}`) : undefined;
        if (digest !== undefined) out.push(digest);
      }
    }
    return out.sort();
  }

  return { describe: () => where, has, get, put, getCommit, setCommit, getRef, setRef, listRefs, listCommits, listObjects };
}

// --- internal ---

const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** Missing or not-a-file both read as absent: `refs/a` is a directory when `refs/a/b` exists. */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (ABSENT.has(errorCode(error) ?? '')) return undefined;
    throw error;
  }
}

async function statOrUndefined(path: string): Promise<import('node:fs').Stats | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : undefined;
  } catch (error) {
    if (ABSENT.has(errorCode(error) ?? '')) return undefined;
    throw error;
  }
}

async function readdirOrEmpty(path: string): Promise<import('node:fs').Dirent[]> {
  try {
    return (await readdir(path, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  } catch (error) {
    if (ABSENT.has(errorCode(error) ?? '')) return [];
    throw error;
  }
}

/** Writes a fully fsynced temporary file next to `target` and returns its path. */
async function writeTemp(target: string, content: Uint8Array | string, mode: number): Promise<string> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.tmp-${process.pid}-${randomBytes(8).toString('hex')}`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Atomically replaces `target`: readers see the old content or the new, never a partial file. */
async function replaceFile(target: string, text: string): Promise<void> {
  const temp = await writeTemp(target, text, 0o644);
  try {
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDir(dirname(target));
}

/** Makes a rename durable. Some platforms cannot fsync a directory; that only weakens crash safety. */
async function fsyncDir(dir: string): Promise<void> {
  let handle: import('node:fs/promises').FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows and some network filesystems refuse; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}
