// `npm run bench`: every benchmark, side by side in one run. Figures are medians of alternating
// runs on a shared, noisy machine: compare ratios, not absolute numbers.
import { benchBuild } from './build.mjs';
import { benchCheck } from './check.mjs';
import { benchConsole } from './console.mjs';
import { benchDaemon } from './daemon.mjs';
import { benchGlobals } from './globals.mjs';
import { benchRecords } from './records.mjs';
import { benchRuntime } from './runtime.mjs';

const only = process.argv[2];
const benches = { check: benchCheck, build: benchBuild, runtime: benchRuntime, console: benchConsole, globals: benchGlobals, daemon: benchDaemon, records: benchRecords };
for (const [name, fn] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await fn();
}
