import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/compile/check-project.ts';
import { readRepo } from '../src/repo/index.ts';
import { TRIGGERS } from '../src/triggers/index.ts';

const EXAMPLE = fileURLToPath(new URL('../actions-example', import.meta.url));

describe('actions-example', () => {
  it('checks clean and has a flow for every seed trigger', async () => {
    const { project, diagnostics } = checkProject(await readRepo({ dir: EXAMPLE }));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const ids = [...new Set(TRIGGERS.map((t) => t.id))].sort();
    expect(project.flows.filter((f) => f.entries.length > 0).map((f) => f.triggerId)).toEqual(ids);
  });
});
