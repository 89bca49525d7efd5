import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A real git repository in a temp dir, with a fixed author and no hooks, removed when the test ends. */
export interface TestRepo {
  readonly dir: string;
  /** Writes files (null deletes), commits them, and returns the new commit sha. */
  commit(files: Record<string, string | null>, message?: string): string;
  /** Writes files into the working tree without committing. */
  write(files: Record<string, string | null>): void;
  /** Runs git in the repo and returns trimmed stdout. */
  git(...args: string[]): string;
}

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** Creates a temp git repo (branch main) with `files` committed as the first commit. */
export function gitRepo(files: Record<string, string> = {}, opts: { keep?: boolean } = {}): TestRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'actuate-repo-'));
  if (!opts.keep) onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: dir,
      env: ENV,
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'gc.auto', '0');
  const write = (changes: Record<string, string | null>) => {
    for (const [rel, content] of Object.entries(changes)) {
      const abs = path.join(dir, rel);
      if (content === null) rmSync(abs, { force: true });
      else {
        mkdirSync(path.dirname(abs), { recursive: true });
        writeFileSync(abs, content);
      }
    }
  };
  const commit = (changes: Record<string, string | null>, message = 'change') => {
    write(changes);
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  if (Object.keys(files).length > 0) commit(files, 'initial');
  return { dir, commit, write, git };
}

/** Copies a directory tree into a new test repo and commits it. */
export function gitRepoFromDir(source: string): TestRepo {
  const repo = gitRepo();
  cpSync(source, repo.dir, { recursive: true, filter: (p) => !p.includes(`${path.sep}node_modules`) && !p.includes(`${path.sep}.actuate`) });
  repo.commit({}, 'import');
  return repo;
}
