import path from 'node:path';
import { defineCommand } from 'citty';
import { ExitCode } from '../../core/index.ts';
import { createFsStore, verifyStore } from '../../store/index.ts';
import { jsonEnvelope } from '../render/json.ts';
import { createColors } from '../render/color.ts';

const verify = defineCommand({
  meta: { name: 'verify', description: 'Check every object, commit entry and ref of a store: missing or tampered objects' },
  args: {
    store: { type: 'string', description: 'Store directory', default: '.actuate/store' },
    json: { type: 'boolean', description: 'Print one JSON envelope instead of text' },
  },
  async run({ args }) {
    const dir = path.resolve(args.store);
    const result = await verifyStore(createFsStore(dir));
    if (args.json) {
      process.stdout.write(jsonEnvelope('store-verify', { ok: result.ok, store: dir, checked: result.checked, diagnostics: result.diagnostics }));
    } else {
      const c = createColors(process.stdout);
      for (const d of result.diagnostics) process.stdout.write(`${c.red('error')} ${d.code}: ${d.message}${d.file ? ` (${d.file})` : ''}\n${d.hint ? `  hint: ${d.hint}\n` : ''}`);
      const { objects, commits, refs } = result.checked;
      process.stdout.write(`${result.ok ? c.green('✓') : c.red('✗')} ${dir}: ${objects} objects, ${commits} commits, ${refs} refs; ${result.diagnostics.length} problem${result.diagnostics.length === 1 ? '' : 's'}\n`);
    }
    return result.ok ? ExitCode.Ok : ExitCode.Problems;
  },
});

/** `actuate store …`: maintenance of a content-addressed store. */
export const storeCommand = defineCommand({
  meta: { name: 'store', description: 'Inspect and verify a store' },
  subCommands: { verify },
});
