import { describe, expect, it } from 'vitest';
import { digestOf, parseCommitSha, type CommitSha, type Diagnostic } from '../../src/core/index.ts';
import { COMMENT_LIMIT, renderPullRequestPlan } from '../../src/github/plan-comment.ts';
import type { PullRequestPlan } from '../../src/github/plan.ts';
import { planChanges, type Manifest, type ManifestAction } from '../../src/manifest/index.ts';
import { sampleManifest } from '../manifest/sample-manifest.ts';

const sha = (c: string) => parseCommitSha(c.repeat(40))!;
const BASE = sha('a');
const HEAD = sha('b');

function act(name: string, bundle = name): ManifestAction {
  return { name, bundle: digestOf(bundle), sourceMap: digestOf(`${name}.map`), size: 1234, handlers: { execute: 'onExecutePostLogin' }, secrets: [], dependencies: [], limits: { timeoutMs: 5000, memoryMb: 64 }, isolation: 'warm' };
}

function withLogin(actions: ManifestAction[], tree = 'b'.repeat(40)): Manifest {
  const m = structuredClone(sampleManifest());
  m.tree = tree;
  m.flows['post-login'] = { version: 'v3', mode: 'sync', actions };
  return m;
}

/** A plan as planPullRequest would return it, from two manifests. */
function pullRequestPlan(before: Manifest, after: Manifest, extra: Partial<PullRequestPlan> = {}, diagnostics: Diagnostic[] = []): PullRequestPlan {
  const digest = (m: Manifest) => digestOf(JSON.stringify(m));
  const side = (commit: CommitSha, m: Manifest) => ({
    snapshot: { root: '/repo', projectPath: 'auth', commit, tree: m.tree, files: new Map<string, string>() },
    result: { ok: true as const, commit, digest: digest(m), manifest: m, actions: [], objectsWritten: 0, diagnostics },
  });
  const base = side(BASE, before);
  const head = side(HEAD, after);
  const plan = planChanges({ commit: BASE, digest: digest(before), manifest: before }, { commit: HEAD, digest: digest(after), manifest: after });
  return { base, head, baseNote: undefined, plan, restores: undefined, projectPath: 'auth', ...extra };
}

describe('renderPullRequestPlan', () => {
  it('cuts a plan too long for a comment down to its summary lines, linking the job summary that holds all of it', () => {
    const before = withLogin(Array.from({ length: 600 }, (_, i) => act(`action-with-a-rather-long-name-${i}`)));
    const after = withLogin(Array.from({ length: 600 }, (_, i) => act(`action-with-a-rather-long-name-${599 - i}`, `changed ${i}`)));
    const rendered = renderPullRequestPlan(pullRequestPlan(before, after), { runUrl: 'https://github.com/acme/a/actions/runs/1' });
    expect(rendered.truncated).toBe(true);
    expect(rendered.comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(rendered.comment.startsWith('<!-- actuate-plan -->\n### Actuate plan\n')).toBe(true);
    expect(rendered.comment).toContain('~ post-login: 600 changed, order changed');
    expect(rendered.comment).toMatch(/The full plan \([\d,]+ characters\) is too long for a comment; it is in the \[job summary\]\(https:\/\/github\.com\/acme\/a\/actions\/runs\/1\)\./);
    expect(rendered.comment).not.toContain('<details>');
    expect(rendered.summary.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(rendered.summary).toContain('changed `action-with-a-rather-long-name-599`');
  });

  it('keeps a comment under any limit, even when the summary lines alone are too long', () => {
    const before = withLogin([act('a')]);
    const after = withLogin([act('a', 'a2')]);
    const warnings: Diagnostic[] = Array.from({ length: 40 }, (_, i) => ({ code: 'W_BUNDLE_SIZE', severity: 'warning', message: `warning ${i} `.repeat(40), file: `actions/a/f${i}.ts`, line: i + 1 }));
    const rendered = renderPullRequestPlan(pullRequestPlan(before, after, {}, warnings), { commentLimit: 3000 });
    expect(rendered.truncated).toBe(true);
    expect(rendered.comment.length).toBeLessThanOrEqual(3000);
    expect(rendered.comment).toContain('too long for a comment; it is in the job summary of this run');
    expect(rendered.summary).toContain('`auth/actions/a/f39.ts:40`');
  });

  it('says no change in one line when the tree changed but no flow or setting did', () => {
    const before = withLogin([act('a')], 'a'.repeat(40));
    const after = withLogin([act('a')], 'c'.repeat(40));
    const rendered = renderPullRequestPlan(pullRequestPlan(before, after));
    expect(rendered.comment).toBe('<!-- actuate-plan -->\n**Actuate plan:** no changes: the head changes no flow and no setting.\n');
    expect(rendered).toMatchObject({ changes: false, conclusion: 'success', truncated: false });
  });

  it('shows what a revert restores and why a plan starts from nothing', () => {
    const before = withLogin([act('a', 'v2')]);
    const after = withLogin([act('a', 'v1')]);
    const restores = { commit: sha('c'), digest: digestOf('manifest v1') };
    const rendered = renderPullRequestPlan(pullRequestPlan(before, after, { restores, baseNote: 'the base commit `aaaaaaaaaaaa` does not build, so this plan starts from nothing' }));
    const lines = rendered.comment.split('\n');
    const headline = lines.indexOf('**1 trigger changes, 1 unchanged.**');
    expect(lines.slice(headline + 1, headline + 5)).toEqual([
      '',
      `↩️ This restores the build of commit \`cccccccccccc\` (manifest \`${restores.digest.slice(7, 19)}\`): runners following the ref return to exactly that build.`,
      '',
      'ℹ️ Note: the base commit `aaaaaaaaaaaa` does not build, so this plan starts from nothing.',
    ]);
  });

  it('escapes diagnostic text that would break the Markdown', () => {
    const before = withLogin([act('a')]);
    const after = withLogin([act('a', 'a2')]);
    const warning: Diagnostic = { code: 'W_X', severity: 'warning', message: 'type <script> is\nodd', hint: 'use <b>', file: 'actions/a/index.ts', line: 3 };
    const rendered = renderPullRequestPlan(pullRequestPlan(before, after, {}, [warning]));
    expect(rendered.comment).toContain('- ⚠️ `W_X` `auth/actions/a/index.ts:3`: type &lt;script> is odd<br>use &lt;b>');
    expect(rendered.comment).toContain('✓ Type-check and bundle passed for 0 actions in flows with 1 warning.');
  });
});
