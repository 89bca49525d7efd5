#!/usr/bin/env node
import { renderUsage, runCommand, showUsage, defineCommand, type CommandDef } from 'citty';
import { ExitCode, InternalError, UsageError } from '../core/index.ts';
import { VERSION } from '../version.ts';

const main = defineCommand({
  meta: { name: 'actuate', version: VERSION, description: 'Auth0-style Actions from a git repository' },
  // Loaded on demand: `check` never pays for QuickJS, `run` never for the GitHub client.
  subCommands: {
    check: () => import('./commands/check.ts').then((m) => m.checkCommand as CommandDef),
    build: () => import('./commands/build.ts').then((m) => m.buildCommand as CommandDef),
    diff: () => import('./commands/diff.ts').then((m) => m.diffCommand as CommandDef),
    run: () => import('./commands/run.ts').then((m) => m.runCommand as CommandDef),
    store: () => import('./commands/store.ts').then((m) => m.storeCommand as CommandDef),
    types: () => import('./commands/types.ts').then((m) => m.typesCommand as CommandDef),
    demo: () => import('./commands/demo.ts').then((m) => m.demoCommand as CommandDef),
    serve: () => import('./commands/serve.ts').then((m) => m.serveCommand as CommandDef),
    logs: () => import('./commands/logs.ts').then((m) => m.logsCommand as CommandDef),
  },
});

/**
 * The only place that exits the process: maps a command's returned exit code, usage errors (2) and
 * internal errors (3) to the process exit status.
 */
async function run(argv: string[]): Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') {
      await showUsage(main as CommandDef);
      return argv.length === 0 ? ExitCode.Usage : ExitCode.Ok;
    }
    if (argv[0] === '--version' || argv[0] === '-v') {
      process.stdout.write(`${VERSION}\n`);
      return ExitCode.Ok;
    }
    const wantsHelp = argv.includes('--help') || argv.includes('-h');
    if (argv[0] === 'serve' && !wantsHelp) {
      // Before the daemon is loaded: it may run in a child node with V8 flags instead (serve-gc.ts).
      const { launchServe } = await import('./commands/serve-gc.ts');
      const code = await launchServe(argv.slice(1));
      if (code !== undefined) return code;
    }
    // Resolve nested commands (`store verify`) here, so the leaf's returned exit code is ours.
    let sub: CommandDef | undefined = main as CommandDef;
    let depth = 0;
    while (sub?.subCommands && depth < argv.length) {
      const subs = sub.subCommands as Record<string, CommandDef | (() => Promise<CommandDef>)>;
      const entry = Object.hasOwn(subs, argv[depth]!) ? subs[argv[depth]!] : undefined;
      const next: CommandDef | undefined = typeof entry === 'function' ? await entry() : entry;
      if (!next) throw new UsageError(`unknown command "${argv.slice(0, depth + 1).join(' ')}"`, `Available: ${Object.keys(subs).join(', ')}. Run \`actuate --help\`.`);
      sub = next;
      depth++;
    }
    if (!sub || sub.subCommands) throw new UsageError(`"${argv.slice(0, depth).join(' ')}" needs a subcommand`, 'Run `actuate --help`.');
    if (wantsHelp) {
      process.stdout.write((await renderUsage(sub, main as CommandDef)) + '\n');
      return ExitCode.Ok;
    }
    const { result } = await runCommand(sub, { rawArgs: argv.slice(depth) });
    return typeof result === 'number' ? result : ExitCode.Ok;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'CLIError')) {
      process.stderr.write(`error: ${(error as Error).message}\n`);
      if (error instanceof UsageError && error.hint) process.stderr.write(`hint: ${error.hint}\n`);
      return ExitCode.Usage;
    }
    const e = error instanceof Error ? error : new InternalError(String(error));
    process.stderr.write(`internal error: ${e.stack ?? e.message}\nThis is a bug in Actuate; please report it with the command you ran.\n`);
    return ExitCode.Internal;
  }
}

process.exitCode = await run(process.argv.slice(2));
