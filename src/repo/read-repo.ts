import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { UsageError, parseCommitSha } from '../core/index.ts';
import { readBlobs } from './git-batch.ts';
import type { RepoSnapshot } from './types.ts';

/** Files larger than this are not part of an actions project (they would never bundle sensibly). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Directories never read from a working tree. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.actuate']);

export interface ReadRepoOptions {
  /** The actions project directory (absolute, or relative to the process cwd). */
  readonly dir: string;
  /** A commit-ish (`HEAD~1`, a tag, a sha). When absent, the working tree is read. */
  readonly commit?: string | undefined;
}

/**
 * Reads an actions project: at a commit through git objects (never the working tree), or the
 * working tree when no commit is given (honouring .gitignore when the directory is in a git repo).
 * Bad input (no such directory, not a repo, unknown revision) is a {@link UsageError}.
 */
export async function readRepo(options: ReadRepoOptions): Promise<RepoSnapshot> {
  const dir = path.resolve(options.dir);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`${options.dir}: no such directory`, 'Pass the path of an actions repository.');
  const root = await gitRoot(dir);
  if (options.commit !== undefined) {
    if (root === undefined) {
      throw new UsageError(`${options.dir} is not inside a git repository, so --commit cannot be used`, 'Run `git init` and commit, or drop --commit to check the working tree.');
    }
    return readAtCommit(root, toPosix(path.relative(root, dir)), options.commit);
  }
  return readWorkingTree(root ?? dir, root === undefined ? '' : toPosix(path.relative(root, dir)), root !== undefined);
}

async function gitRoot(dir: string): Promise<string | undefined> {
  try {
    const top = (await simpleGit(dir).revparse(['--show-toplevel'])).trim();
    return top === '' ? undefined : path.resolve(top);
  } catch {
    return undefined;
  }
}

async function readAtCommit(root: string, projectPath: string, rev: string): Promise<RepoSnapshot> {
  const git = simpleGit(root);
  let sha: string;
  try {
    sha = (await git.revparse(['--verify', '--quiet', `${rev}^{commit}`])).trim();
  } catch {
    sha = '';
  }
  const commit = parseCommitSha(sha);
  if (commit === undefined) {
    throw new UsageError(`unknown revision "${rev}" in ${root}`, 'Pass a commit sha, branch or tag that exists in this repository (git log --oneline).');
  }
  const treeSpec = projectPath === '' ? `${commit}^{tree}` : `${commit}:${projectPath}`;
  let tree: string;
  try {
    tree = (await git.revparse(['--verify', '--quiet', treeSpec])).trim();
  } catch {
    tree = '';
  }
  if (!/^[0-9a-f]{40}$/.test(tree)) {
    throw new UsageError(`${projectPath || '.'} does not exist at commit ${commit.slice(0, 12)}`, 'Check the directory and the commit: the project must be committed at that revision.');
  }
  const listing = await git.raw(['ls-tree', '-r', '-z', '-l', tree]);
  const entries: { path: string; id: string }[] = [];
  for (const record of listing.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, id, size] = record.slice(0, tab).split(/\s+/);
    const file = record.slice(tab + 1);
    if (type !== 'blob' || id === undefined || mode === '120000') continue; // skip submodules and symlinks
    if (file.split('/').some((part) => SKIP_DIRS.has(part))) continue;
    if (Number(size) > MAX_FILE_BYTES) continue;
    entries.push({ path: file, id });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const blobs = await readBlobs(root, [...new Set(entries.map((e) => e.id))]);
  const files = new Map<string, string>();
  for (const e of entries) files.set(e.path, blobs.get(e.id)!.toString('utf8'));
  return { root, projectPath, commit, tree, files };
}

async function readWorkingTree(root: string, projectPath: string, inGit: boolean): Promise<RepoSnapshot> {
  const dir = path.join(root, projectPath);
  const rels = inGit ? await gitListWorkingFiles(dir) : await walk(dir, '');
  rels.sort();
  const files = new Map<string, string>();
  for (const rel of rels) {
    const abs = path.join(dir, rel);
    const st = await stat(abs).catch(() => undefined); // listed but deleted in the working tree
    if (!st?.isFile() || st.size > MAX_FILE_BYTES) continue;
    files.set(rel, await readFile(abs, 'utf8'));
  }
  return { root, projectPath, commit: undefined, tree: undefined, files };
}

async function gitListWorkingFiles(dir: string): Promise<string[]> {
  const out = await simpleGit(dir).raw(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.']);
  return out
    .split('\0')
    .filter((f) => f !== '' && !f.split('/').some((part) => SKIP_DIRS.has(part)));
}

async function walk(abs: string, rel: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(abs, rel), { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await walk(abs, child)));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
