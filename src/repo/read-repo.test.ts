import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/index.ts';
import { gitRepo } from '../../test/helpers/git-repo.ts';
import { readRepo } from './read-repo.ts';

describe('readRepo', () => {
  it('reads a past commit while the working tree differs', async () => {
    const repo = gitRepo({ 'actions/a/index.js': 'v1', 'flows/post-login.json': '{}' });
    const first = repo.commit({ 'actions/a/index.js': 'v2', 'actions/b/index.js': 'new' });
    repo.write({ 'actions/a/index.js': 'dirty', 'untracked.txt': 'x' });

    const past = await readRepo({ dir: repo.dir, commit: 'HEAD~1' });
    expect(past.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(past.commit).not.toBe(first);
    expect([...past.files.keys()]).toEqual(['actions/a/index.js', 'flows/post-login.json']);
    expect(past.files.get('actions/a/index.js')).toBe('v1');

    const head = await readRepo({ dir: repo.dir, commit: 'HEAD' });
    expect(head.commit).toBe(first);
    expect(head.files.get('actions/a/index.js')).toBe('v2');

    const work = await readRepo({ dir: repo.dir });
    expect(work.commit).toBeUndefined();
    expect(work.files.get('actions/a/index.js')).toBe('dirty');
    expect(work.files.has('untracked.txt')).toBe(true);
  });

  it('reads a project in a subdirectory with paths relative to it, and its tree id', async () => {
    const repo = gitRepo({ 'proj/actuate.json': '{}', 'proj/actions/a/index.js': 'x', 'other/file': 'y' });
    const snap = await readRepo({ dir: path.join(repo.dir, 'proj'), commit: 'main' });
    expect(snap.projectPath).toBe('proj');
    expect([...snap.files.keys()]).toEqual(['actions/a/index.js', 'actuate.json']);
    expect(snap.tree).toBe(repo.git('rev-parse', 'HEAD:proj'));
  });

  it('honours .gitignore in the working tree and skips node_modules', async () => {
    const repo = gitRepo({ '.gitignore': 'secret.json\n', 'a.js': '1', 'node_modules/x/index.js': 'no' });
    repo.write({ 'secret.json': '{}' });
    const snap = await readRepo({ dir: repo.dir });
    expect([...snap.files.keys()]).toEqual(['.gitignore', 'a.js']);
  });

  it('reads a plain directory that is not a git repo', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'actuate-plain-'));
    writeFileSync(path.join(dir, 'actuate.json'), '{}');
    const snap = await readRepo({ dir });
    expect(snap.commit).toBeUndefined();
    expect([...snap.files.keys()]).toEqual(['actuate.json']);
  });

  it('refuses unknown revisions and missing directories with usage errors', async () => {
    const repo = gitRepo({ 'a.js': '1' });
    await expect(readRepo({ dir: repo.dir, commit: 'nope' })).rejects.toThrow(UsageError);
    await expect(readRepo({ dir: repo.dir, commit: 'nope' })).rejects.toThrow(/unknown revision "nope"/);
    await expect(readRepo({ dir: path.join(repo.dir, 'missing') })).rejects.toThrow(/no such directory/);
  });
});
