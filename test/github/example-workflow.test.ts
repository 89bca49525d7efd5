import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitRepo } from '../helpers/git-repo.ts';
import { fakeGitServer, project, pullRequestEvent, pushEvent, sharedCacheDir } from './fixtures.ts';
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in.ts';
import { parseYaml, type Yaml } from './mini-yaml.ts';
import { ROOT, resolveExpressions, runAction } from './run-action.ts';

const WORKFLOW = path.join(ROOT, 'actions-example/.github-workflows/actuate.yml');
/** How the example refers to this repository's Action; the test runs action.yml from the checkout instead. */
const ACTION_REF = /^actuate\/actuate@v\d+$/;

type Map = Record<string, Yaml>;
const doc = parseYaml(readFileSync(WORKFLOW, 'utf8')) as Map;
const jobs = doc['jobs'] as Record<string, Map>;
const steps = (job: string) => jobs[job]!['steps'] as Map[];
const actionStep = (job: string) => {
  const found = steps(job).filter((s) => typeof s['uses'] === 'string' && ACTION_REF.test(s['uses']));
  expect(found, `job ${job} uses the Actuate action once`).toHaveLength(1);
  return found[0]!;
};

describe('actions-example/.github-workflows/actuate.yml', () => {
  it('plans pull requests and publishes pushes to main, with least privilege and no racing publishes', () => {
    expect(doc['on']).toEqual({ pull_request: '', push: { branches: ['main'] } });
    expect(doc['permissions']).toEqual({ contents: 'read' });
    expect(jobs['plan']!['if']).toBe("github.event_name == 'pull_request'");
    expect(jobs['plan']!['permissions']).toEqual({ contents: 'read', 'pull-requests': 'write', checks: 'write' });
    const checkout = steps('plan').find((s) => String(s['uses']).startsWith('actions/checkout@'))!;
    expect((checkout['with'] as Map)['fetch-depth']).toBe('0');
    expect(jobs['publish']!['if']).toBe("github.event_name == 'push'");
    expect(jobs['publish']!['permissions']).toEqual({ contents: 'write' });
    expect(jobs['publish']!['concurrency']).toEqual({ group: 'actuate-publish-${{ github.ref }}', 'cancel-in-progress': 'false' });
    expect(actionStep('plan')['with']).toMatchObject({ mode: 'plan' });
    expect(actionStep('publish')['with']).toMatchObject({ mode: 'publish' });
    const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Map;
    expect(action['runs']).toEqual({ using: 'node20', main: 'dist/action/index.mjs' });
    const declared = Object.keys(action['inputs'] as Map);
    for (const job of ['plan', 'publish']) for (const key of Object.keys(actionStep(job)['with'] as Map)) expect(declared).toContain(key);
  });

  describe('run the way GitHub runs it', () => {
    let api: GitHubStandIn;
    let server: string;
    const cache = sharedCacheDir();
    const TOKEN = 'ghs_example';
    beforeAll(async () => {
      api = await startGitHubStandIn({ token: TOKEN, owner: 'acme', repo: 'auth-actions' });
    });
    afterAll(async () => {
      await api.close();
      cache.remove();
    });

    const run = (job: 'plan' | 'publish', workspace: string, eventName: string, event: unknown, sha: string, ref: string) => {
      const step = actionStep(job);
      const context = { 'github.token': TOKEN, 'github.ref': ref, 'github.sha': sha, 'runner.os': 'Linux' };
      const inputs = Object.fromEntries(Object.entries((step['with'] ?? {}) as Record<string, string>).map(([k, v]) => [k, resolveExpressions(v, context)]));
      return runAction({ with: inputs, eventName, event, sha, ref, workspace, apiUrl: api.url, token: TOKEN, serverUrl: server, env: { ACTUATE_CACHE_DIR: cache.dir } });
    };

    it('publishes main to the actuate-store branch of the repository, then plans a pull request against it', async () => {
      const fake = fakeGitServer();
      server = fake.url;
      const repo = gitRepo(project('', 'hello'));
      const main = repo.git('rev-parse', 'HEAD');
      const published = await run('publish', repo.dir, 'push', pushEvent('0'.repeat(40), main), main, 'refs/heads/main');
      expect(published.stderr).toBe('');
      expect(published.status).toBe(0);
      expect(published.outputs).toMatchObject({ commit: main, ref: 'main', 'objects-uploaded': '3' });
      expect(execFileSync('git', ['show', 'actuate-store:refs/main'], { cwd: fake.repoDir, encoding: 'utf8' }).trim()).toBe(main);

      repo.git('checkout', '-q', '-b', 'feature');
      const head = repo.commit(project('', 'hi'), 'change the greeting');
      const planned = await run('plan', repo.dir, 'pull_request', pullRequestEvent(3, main, head), head, 'refs/pull/3/merge');
      expect(planned.status).toBe(0);
      expect(planned.outputs).toMatchObject({ conclusion: 'success', changes: 'true' });
      const comment = (api.comments.get(3) ?? []).find((c) => c.body.startsWith('<!-- actuate-plan -->'));
      expect(comment?.body).toContain('~ post-login: 1 changed');
      expect(api.checkRuns.at(-1)).toMatchObject({ name: 'Actuate plan', head_sha: head, conclusion: 'success' });
    });
  });
});
