// Benchmark: `actuate check` on a generated 100-action repo against `tsc --noEmit` over the same
// files (with the same trigger declarations, written by `actuate types`), alternating runs.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { CLI, ROOT, generateActions, makeRepo, report, timeCommand } from './lib.mjs';

export async function benchCheck({ runs = 5 } = {}) {
  const { dir } = makeRepo(generateActions(100));
  timeCommand(process.execPath, [CLI, 'types', dir], { expectStatus: 0 });
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const check = [];
  const plain = [];
  // Warm-up (file cache), then alternate so machine noise hits both equally.
  timeCommand(process.execPath, [CLI, 'check', dir], { expectStatus: 0 });
  timeCommand(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { expectStatus: 0 });
  for (let i = 0; i < runs; i++) {
    check.push(timeCommand(process.execPath, [CLI, 'check', dir], { expectStatus: 0 }));
    plain.push(timeCommand(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json'), '--noEmit'], { expectStatus: 0 }));
  }
  rmSync(dir, { recursive: true, force: true });
  report('check: 100 actions (50 TS + 50 JS), whole process', [
    ['tsc --noEmit (same files, same declarations)', plain],
    ['actuate check', check],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCheck();
