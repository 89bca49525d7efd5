import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand } from 'citty';
import { UsageError, ExitCode } from '../../core/index.ts';
import { generateDeclarations, generateSandboxGlobals } from '../../triggers/index.ts';

const TYPES_DIR = '.actuate/types';

/**
 * `actuate types`: writes the trigger declarations and a jsconfig/tsconfig into an actions repo so
 * editors show Auth0's event and api types (with docs) while the user types, like Auth0's editor.
 */
export const typesCommand = defineCommand({
  meta: { name: 'types', description: 'Write trigger type declarations and an editor config into an actions repo' },
  args: { dir: { type: 'positional', required: false, description: 'Actions repository directory', default: '.' } },
  async run({ args }) {
    const dir = path.resolve(args.dir);
    const written = await writeTypes(dir);
    for (const f of written) process.stdout.write(`wrote ${path.relative(process.cwd(), f) || f}\n`);
    process.stdout.write('Annotate handlers in JavaScript with /** @param {Actuate.PostLogin.Event} event @param {Actuate.PostLogin.API} api */\nor import types from "@auth0/actions/<trigger>/<version>" in TypeScript.\n');
    return ExitCode.Ok;
  },
});

/** Writes the declarations and, unless the user already has them, tsconfig.json and jsconfig.json. */
export async function writeTypes(dir: string): Promise<string[]> {
  const hasConfig = await stat(path.join(dir, 'actuate.json')).then(() => true, () => false);
  if (!hasConfig && !(await isDir(path.join(dir, 'actions')))) {
    throw new UsageError(`${dir} does not look like an actions repository (no actions/ and no actuate.json)`, 'Run it in the directory that holds actions/ and flows/.');
  }
  const typesDir = path.join(dir, TYPES_DIR);
  await mkdir(typesDir, { recursive: true });
  const files: [string, string][] = [
    [path.join(typesDir, 'triggers.d.ts'), generateDeclarations()],
    [path.join(typesDir, 'globals.d.ts'), generateSandboxGlobals()],
    [path.join(typesDir, '.gitignore'), '*\n'],
  ];
  const compilerOptions = { target: 'ES2022', lib: ['ES2023'], module: 'preserve', moduleResolution: 'bundler', types: [], allowJs: true, checkJs: true, noEmit: true, allowImportingTsExtensions: true, esModuleInterop: true, skipLibCheck: true };
  const include = ['actions/**/*', `${TYPES_DIR}/*.d.ts`];
  for (const [name, strict] of [['tsconfig.json', true], ['jsconfig.json', false]] as const) {
    const file = path.join(dir, name);
    const present = await readFile(file, 'utf8').then(() => true, () => false);
    if (!present) files.push([file, JSON.stringify({ compilerOptions: { ...compilerOptions, strict }, include }, null, 2) + '\n']);
  }
  for (const [file, content] of files) await writeFile(file, content);
  return files.map(([f]) => f);
}

async function isDir(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}
