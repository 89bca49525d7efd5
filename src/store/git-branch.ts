import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { UsageError } from '../core/index.ts';

/**
 * The git plumbing behind the git branch store: one local clone (the cache directory) of a single
 * branch of a remote, fetched shallowly (only the tip matters: the store's history is never read)
 * and pushed to. Every command runs with hooks, signing and prompts off, so a user's global git
 * setup cannot change or stall what the store does, and with the caller's extra `-c` settings (an
 * auth header in GitHub Actions) passed on the command line, never written to the clone's config.
 */
export interface GitBranchClone {
  /** Creates the clone if needed and removes leftovers of an interrupted process. */
  init(): Promise<void>;
  /** The sha of the branch on the remote (one round trip, no data), or undefined when it does not exist yet. */
  remoteHead(): Promise<string | undefined>;
  /** The sha the last fetch or push saw on the remote. */
  trackingHead(): Promise<string | undefined>;
  /** The sha checked out locally (undefined before the first commit). */
  localHead(): Promise<string | undefined>;
  /** Fetches the branch tip into the tracking ref and returns it (undefined when the branch does not exist). */
  fetch(): Promise<string | undefined>;
  /** Makes the work tree exactly `sha`: tracked changes and untracked files are dropped. */
  resetTo(sha: string): Promise<void>;
  /** Stages every change and commits it; undefined when there was nothing to commit. */
  commitAll(message: string): Promise<string | undefined>;
  /** Pushes the local tip. `rejected` when the remote moved (someone else pushed first). */
  push(): Promise<'pushed' | 'rejected'>;
}

export interface GitBranchCloneOptions {
  readonly url: string;
  readonly branch: string;
  /** The clone's directory (its work tree is the store layout). */
  readonly dir: string;
  /** Extra `name=value` git settings for every command (e.g. `http.extraheader=...`). */
  readonly config: readonly string[];
  readonly identity: { readonly name: string; readonly email: string };
  /** How the remote is named in messages (credentials removed). */
  readonly display: string;
}

/** Opens (lazily) the clone described by `options`. No git command runs until a method is called. */
export function gitBranchClone(options: GitBranchCloneOptions): GitBranchClone {
  const { branch, dir, url } = options;
  const tracking = `refs/remotes/origin/${branch}`;
  let git: SimpleGit | undefined;
  const run = async (args: string[]): Promise<string> => {
    git ??= simpleGit({
      baseDir: dir,
      config: [
        'core.hooksPath=/dev/null',
        'commit.gpgsign=false',
        'core.autocrlf=false',
        `user.name=${options.identity.name}`,
        `user.email=${options.identity.email}`,
        ...options.config,
      ],
      // Pointing hooks at /dev/null is what makes the commands safe; simple-git asks to be told.
      unsafe: { allowUnsafeHooksPath: true },
      allowEnvironment: [...ALLOWED_GIT_ENV],
    }).env(gitEnv());
    try {
      return await git.raw(args);
    } catch (error) {
      throw gitError(error, args, options.display);
    }
  };
  const revParse = async (rev: string): Promise<string | undefined> => {
    const out = await run(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).catch(() => '');
    return /^[0-9a-f]{40}$/.test(out.trim()) ? out.trim() : undefined;
  };

  return {
    async init() {
      await mkdir(dir, { recursive: true });
      const exists = await access(path.join(dir, '.git')).then(() => true, () => false);
      if (!exists) {
        await run(['init', '-q', `--initial-branch=${branch}`]);
        await run(['remote', 'add', 'origin', url]);
        // Temporary files of the fs layer (a crash can leave them) are never committed.
        await writeFile(path.join(dir, '.git', 'info', 'exclude'), '.tmp-*\n');
        return;
      }
      const current = (await run(['config', '--get', 'remote.origin.url']).catch(() => '')).trim();
      if (current !== url) {
        throw new UsageError(
          `the git store cache ${dir} is a clone of another remote (${redactUrl(current)}), not ${options.display}`,
          'give every store its own cache directory, or delete this one (it is only a cache)',
        );
      }
      // Writes a crashed process never pushed are not part of the store: start from the last commit.
      if ((await revParse('HEAD')) !== undefined) await run(['reset', '-q', '--hard', 'HEAD']);
      await run(['clean', '-q', '-fdx', '--', '.']);
    },
    async remoteHead() {
      const out = await run(['ls-remote', 'origin', `refs/heads/${branch}`]);
      const sha = out.split(/\s/)[0] ?? '';
      return /^[0-9a-f]{40}$/.test(sha) ? sha : undefined;
    },
    trackingHead: () => revParse(tracking),
    localHead: () => revParse('HEAD'),
    async fetch() {
      try {
        await run(['fetch', '-q', '--no-tags', '--depth=1', 'origin', `+refs/heads/${branch}:${tracking}`]);
      } catch (error) {
        if (/couldn't find remote ref/i.test(String((error as Error).message))) return undefined;
        throw error;
      }
      return revParse(tracking);
    },
    async resetTo(sha) {
      await run(['reset', '-q', '--hard', sha]);
      await run(['clean', '-q', '-fdx', '--', '.']);
    },
    async commitAll(message) {
      await run(['add', '-A', '--', '.']);
      const status = await run(['status', '--porcelain']);
      if (status.trim() === '') return undefined;
      await run(['commit', '-q', '--no-verify', '-m', message]);
      return revParse('HEAD');
    },
    async push() {
      try {
        await run(['push', '-q', 'origin', `HEAD:refs/heads/${branch}`]);
      } catch (error) {
        if (REJECTED.test(String((error as Error).message))) return 'rejected';
        throw error;
      }
      const head = await revParse('HEAD');
      if (head !== undefined) await run(['update-ref', tracking, head]);
      return 'pushed';
    },
  };
}

/**
 * The environment git runs with: what it needs to find the network and the user's credentials,
 * English messages (push rejections are recognised by their text), and never a prompt.
 */
function gitEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && PASSED_ENV.test(key)) env[key] = value;
  }
  return { ...env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
}

/** Git variables simple-git guards but that only point git at certificates or keep it quiet. */
const ALLOWED_GIT_ENV = ['GIT_SSL_CAINFO', 'GIT_SSL_NO_VERIFY', 'GIT_TERMINAL_PROMPT'] as const;

const PASSED_ENV = /^(PATH|HOME|USERPROFILE|SYSTEMROOT|TMPDIR|TEMP|TMP|XDG_CONFIG_HOME|SSH_AUTH_SOCK|GIT_SSL_CAINFO|GIT_SSL_NO_VERIFY|(HTTPS?|NO|ALL)_PROXY)$/i;

/** Removes credentials from a URL for messages: `https://x:token@host/…` → `https://***@host/…`. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]+@/i, '$1***@');
}

const REJECTED = /\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|cannot lock ref|stale info/i;

function gitError(error: unknown, args: string[], display: string): UsageError {
  const detail = String((error as Error)?.message ?? error).trim().split('\n').filter((l) => !l.startsWith('hint:')).join(' ').slice(0, 500);
  const network = ['ls-remote', 'fetch', 'push'].includes(args[0] ?? '');
  return new UsageError(
    `git ${args[0]} failed for the git store ${display}: ${redactUrl(detail)}`,
    network
      ? 'check the URL, that the repository exists, and that these credentials may read it (and push to it, to publish)'
      : 'the local clone may be damaged: delete the store cache directory and try again',
    { cause: error },
  );
}
