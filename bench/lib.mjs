// Shared helpers for benchmarks: generated repos, child-process timing and median/ratio reporting.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI = path.join(ROOT, 'dist/cli/main.js');

/** Writes files into a new temp dir, commits them as a git repo, and returns the dir. */
export function makeRepo(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'actuate-bench-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  const git = (...args) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'bench');
  return { dir, git };
}

/** A repo of `n` post-login actions, alternating TypeScript (annotated with Auth0's types) and JavaScript. */
export function generateActions(n) {
  const files = { 'actuate.json': '{}\n' };
  const names = [];
  for (let i = 0; i < n; i++) {
    const name = `action-${String(i).padStart(3, '0')}`;
    names.push(name);
    files[`actions/${name}/action.json`] = JSON.stringify({ trigger: 'post-login', secrets: ['KEY'] }) + '\n';
    if (i % 2 === 0) {
      files[`actions/${name}/index.ts`] = `import type { Event, PostLoginAPI } from '@auth0/actions/post-login/v3';
import { claimName } from './claims.ts';

export const onExecutePostLogin = async (event: Event, api: PostLoginAPI): Promise<void> => {
  const roles = event.authorization?.roles ?? [];
  if (roles.includes('blocked-${i}')) {
    api.access.deny('blocked');
    return;
  }
  api.idToken.setCustomClaim(claimName(${i}), roles);
  api.accessToken.setCustomClaim(claimName(${i}) + '/email', event.user.email ?? null);
  if (event.stats.logins_count > ${i}) api.user.setAppMetadata('seen_${i}', true);
};
`;
      files[`actions/${name}/claims.ts`] = `export function claimName(i: number): string {\n  return \`https://example.com/claim-\${i}\`;\n}\n`;
    } else {
      files[`actions/${name}/index.js`] = `/**
 * @param {import('@auth0/actions/post-login/v3').Event} event
 * @param {import('@auth0/actions/post-login/v3').PostLoginAPI} api
 */
exports.onExecutePostLogin = async (event, api) => {
  const country = event.request.geoip.countryCode;
  if (event.secrets.KEY && country === 'XX') {
    api.access.deny('not here');
  }
  api.idToken.setCustomClaim('https://example.com/c${i}', country);
};
`;
    }
  }
  files['flows/post-login.json'] = JSON.stringify({ actions: names.slice(0, 20) }) + '\n';
  return files;
}

/** Runs a command `runs` times and returns the wall-clock milliseconds of each run. */
export function timeCommand(cmd, args, opts = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (opts.expectStatus !== undefined && r.status !== opts.expectStatus) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return ms;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** Prints a table of named series (ms): median, min, and the ratio of each median to the first. */
export function report(title, series) {
  const base = median(series[0][1]);
  console.log(`\n## ${title}`);
  console.log('| case | runs | median ms | min ms | ratio to first |');
  console.log('|---|---|---|---|---|');
  for (const [name, xs] of series) {
    console.log(`| ${name} | ${xs.length} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)} | ${(median(xs) / base).toFixed(2)}x |`);
  }
}
