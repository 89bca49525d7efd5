import { describe, expect, it } from 'vitest';
import { digestOf, type Digest } from '../src/core/index.ts';
import { planChanges, renderPlanMarkdown, renderPlanText, summarizeTrigger, type Manifest, type ManifestAction } from '../src/manifest/index.ts';
import { sampleManifest } from './manifest/sample-manifest.ts';

const d = (s: string) => digestOf(s) as Digest;
const side = (m: Manifest | undefined, commit = 'a'.repeat(40)) => ({ commit, digest: m ? d(JSON.stringify(m)) : undefined, manifest: m });
const clone = (m: Manifest): Manifest => structuredClone(m);

function act(name: string, over: Partial<ManifestAction> = {}): ManifestAction {
  return { name, bundle: d(`${name}-b`), sourceMap: d(`${name}-m`), size: 1200, handlers: { execute: 'onExecutePostLogin' }, secrets: [], dependencies: [], limits: { timeoutMs: 20000, memoryMb: 64 }, isolation: 'warm', ...over };
}

describe('planChanges', () => {
  it('reports added, changed, removed actions, order, secrets and dependencies per trigger', () => {
    const before = clone(sampleManifest());
    before.flows = { 'post-login': { version: 'v3', mode: 'sync', actions: [act('a'), act('b', { secrets: ['OLD'] }), act('c', { dependencies: [{ name: 'ms', version: '2.1.2', integrity: 'sha512-AAAA' }] })] } };
    const after = clone(before);
    after.flows['post-login']!.actions = [
      act('c', { bundle: d('c2'), dependencies: [{ name: 'ms', version: '2.1.3', integrity: 'sha512-BBBB' }] }),
      act('a'),
      act('n', { secrets: ['NEW'] }),
    ];
    const plan = planChanges(side(before), side(after, 'b'.repeat(40)));
    const t = plan.triggers[0]!;
    expect(t.added.map((x) => x.name)).toEqual(['n']);
    expect(t.removed.map((x) => x.name)).toEqual(['b']);
    expect(t.changed.map((x) => [x.name, x.bundleFrom, x.bundleTo])).toEqual([['c', d('c-b'), d('c2')]]);
    expect(t.orderChanged).toBe(true);
    expect(t.secretsAdded).toEqual([{ action: 'n', name: 'NEW' }]);
    expect(t.secretsRemoved).toEqual([{ action: 'b', name: 'OLD' }]);
    expect(t.dependencies).toEqual([{ action: 'c', name: 'ms', from: '2.1.2', to: '2.1.3' }]);
    expect(summarizeTrigger(t)).toBe('1 added, 1 changed, 1 removed, order changed');
    const md = renderPlanMarkdown(plan);
    expect(md).toContain('<!-- actuate-plan -->');
    expect(md).toContain('<details><summary><b>post-login</b> (v3): 1 added, 1 changed, 1 removed, order changed</summary>');
    expect(md).toContain('secret added: `NEW` (n)');
    expect(md).toContain('dependency `ms` (c): 2.1.2 → 2.1.3');
    expect(renderPlanText(plan)).toContain('~ post-login: 1 added, 1 changed, 1 removed, order changed');
  });

  it('collapses unchanged triggers and says when manifests are identical', () => {
    const m = sampleManifest();
    const same = planChanges(side(m), side(clone(m), 'c'.repeat(40)));
    expect(same.identical).toBe(true);
    expect(renderPlanText(same).split('\n')[0]).toMatch(/^No changes: the manifest is identical/);
    const moved = clone(m);
    moved.flows['post-login']!.actions.reverse();
    const plan = planChanges(side(m), side(moved, 'd'.repeat(40)));
    expect(plan.triggers.filter((t) => t.status === 'unchanged').length).toBe(plan.triggers.length - 1);
    expect(renderPlanMarkdown(plan)).toMatch(/Unchanged: `[a-z-]+`/);
    expect(summarizeTrigger(plan.triggers.find((t) => t.trigger === 'post-login')!)).toBe('order changed');
  });

  it('treats a first build as every flow added', () => {
    const plan = planChanges(side(undefined), side(sampleManifest()));
    expect(plan.triggers.every((t) => t.status === 'added')).toBe(true);
  });
});
