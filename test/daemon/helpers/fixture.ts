import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { compileCommit } from '../../../src/compile/index.ts';
import { readRepo } from '../../../src/repo/index.ts';
import { createFsStore, type Store } from '../../../src/store/index.ts';
import { action, flow } from '../../helpers/actions.ts';
import { gitRepo, type TestRepo } from '../../helpers/git-repo.ts';

/**
 * An actions repo with a flow for every seed trigger, written for the daemon's tests: no action
 * needs the internet. `marker` is put into a claim by post-login and credentials-exchange, so a test
 * can tell which commit served a request. The async actions POST to `COUNTER_URL` (a secret, so the
 * port is chosen at run time) on 127.0.0.1, allowed by `egress.allowPrivate`, so tests can count
 * executions; post-login sleeps `user_metadata.sleepMs` when asked (draining tests).
 */
export function daemonRepoFiles(marker: string): Record<string, string> {
  return {
    'actuate.json': JSON.stringify({ egress: { allowPrivate: true } }) + '\n',
    ...action('mark', { trigger: 'post-login' }, `
exports.onExecutePostLogin = async (event, api) => {
  const ms = Number(event.user.user_metadata.sleepMs || 0);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  if (event.user.user_metadata.explode) throw new Error('exploded on purpose for ' + event.user.user_id);
  api.idToken.setCustomClaim('https://example.com/marker', ${JSON.stringify(marker)});
  console.log('marked ' + event.user.user_id);
};
`),
    ...action('terms', { trigger: 'post-login' }, `
exports.onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata.terms === 'accepted') return;
  api.redirect.sendUserTo('https://consent.example.com/terms', { query: { user: event.user.user_id } });
};
exports.onContinuePostLogin = async (event, api) => {
  if (event.request.query.accepted !== 'yes') {
    api.access.deny('terms not accepted');
    return;
  }
  api.user.setAppMetadata('terms', 'accepted');
};
`),
    ...action('roles', { trigger: 'post-login' }, `
exports.onExecutePostLogin = async (event, api) => {
  api.accessToken.setCustomClaim('https://example.com/roles', (event.authorization && event.authorization.roles) || []);
};
`),
    ...flow('post-login', ['mark', 'terms', 'roles']),
    ...action('m2m', { trigger: 'credentials-exchange' }, `
exports.onExecuteCredentialsExchange = async (event, api) => {
  if ((event.transaction.requested_scopes || []).includes('admin')) {
    api.access.deny('invalid_scope', 'admin is not for machines');
    return;
  }
  api.accessToken.setCustomClaim('https://example.com/marker', ${JSON.stringify(marker)});
};
`),
    ...flow('credentials-exchange', ['m2m']),
    ...action('reset-step-up', { trigger: 'password-reset-post-challenge' }, `
exports.onExecutePostChallenge = async (event, api) => {
  console.log('reset for ' + event.user.user_id);
};
`),
    ...flow('password-reset-post-challenge', ['reset-step-up']),
    ...action('no-disposable', { trigger: 'pre-user-registration' }, `
exports.onExecutePreUserRegistration = async (event, api) => {
  if (String(event.user.email || '').endsWith('@mailinator.com')) api.access.deny('disposable', 'Use a permanent email address.');
  else api.user.setUserMetadata('checked', true);
};
`),
    ...flow('pre-user-registration', ['no-disposable']),
    ...action('count-signup', { trigger: 'post-user-registration', secrets: ['COUNTER_URL'] }, `
exports.onExecutePostUserRegistration = async (event, api) => {
  const res = await fetch(event.secrets.COUNTER_URL + '/hit?id=' + encodeURIComponent(event.user.user_id), { method: 'POST' });
  if (!res.ok) throw new Error('counter answered ' + res.status);
};
`),
    ...flow('post-user-registration', ['count-signup']),
    ...action('count-password', { trigger: 'post-change-password', secrets: ['COUNTER_URL'] }, `
exports.onExecutePostChangePassword = async (event, api) => {
  const res = await fetch(event.secrets.COUNTER_URL + '/hit?id=' + encodeURIComponent('pw:' + event.user.user_id), { method: 'POST' });
  if (!res.ok) throw new Error('counter answered ' + res.status);
};
`),
    ...flow('post-change-password', ['count-password']),
    ...action('sms', { trigger: 'send-phone-message' }, `
exports.onExecuteSendPhoneMessage = async (event, api) => {
  console.log('sms to ' + event.message_options.recipient + ': ' + event.message_options.text);
};
`),
    ...flow('send-phone-message', ['sms']),
  };
}

/** A git repo and a store it is built into, removed when the test ends. */
export interface BuiltRepo {
  readonly repo: TestRepo;
  readonly storeDir: string;
  readonly store: Store;
  /** A temp directory for the daemon's data, logs and token files. */
  readonly workDir: string;
  /** Builds a commit of the repo into the store (type-check, bundle, manifest) and returns its manifest digest. */
  build(commit: string): Promise<string>;
}

/** Registers clean-up: `onTestFinished` inside a test, an `afterAll` collector in `beforeAll`. */
export type Cleanup = (fn: () => void | Promise<void>) => void;

/** Commits `files` to a new repo and builds the commit into a new fs store. */
export async function builtRepo(files: Record<string, string>, cleanup: Cleanup = onTestFinished): Promise<BuiltRepo & { readonly first: string }> {
  const repo = gitRepo(files, { keep: true });
  const workDir = mkdtempSync(path.join(tmpdir(), 'actuate-daemon-'));
  cleanup(() => {
    rmSync(workDir, { recursive: true, force: true });
    rmSync(repo.dir, { recursive: true, force: true });
  });
  const storeDir = path.join(workDir, 'store');
  const store = createFsStore(storeDir);
  const build = async (commit: string) => {
    const snapshot = await readRepo({ dir: repo.dir, commit });
    const built = await compileCommit({ snapshot: snapshot as Parameters<typeof compileCommit>[0]['snapshot'], store, cacheDir: path.join(workDir, 'cache') });
    if (!built.ok) throw new Error(`fixture does not build:\n${JSON.stringify(built.diagnostics, null, 2)}`);
    return built.digest;
  };
  const first = repo.git('rev-parse', 'HEAD');
  await build(first);
  return { repo, storeDir, store, workDir, build, first };
}

/** The sample event of a trigger (src/triggers/fixtures), without secrets, with top-level overrides. */
export function sampleEvent(trigger: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const version = { 'post-login': 'v3', 'password-reset-post-challenge': 'v1' }[trigger] ?? 'v2';
  const file = new URL(`../../../src/triggers/fixtures/${trigger}@${version}.json`, import.meta.url);
  const base = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete base['secrets'];
  return { ...base, ...over };
}

/** A post-login event for user `id`, with user_metadata / app_metadata overrides. */
export function loginEvent(id: string, meta: { user?: Record<string, unknown>; app?: Record<string, unknown> } = {}): Record<string, unknown> {
  const base = sampleEvent('post-login');
  const user = base['user'] as Record<string, unknown>;
  return { ...base, user: { ...user, user_id: id, user_metadata: { ...(user['user_metadata'] as object), ...meta.user }, app_metadata: { terms: 'accepted', ...meta.app } } };
}
