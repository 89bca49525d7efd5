/**
 * Packages whose browser build does not do what their Node build does, where Auth0 code notices.
 * Bundles prefer browser builds (they speak fetch and web crypto, which the sandbox has), but Auth0
 * runs the Node build; for these packages the difference is a wrong answer or an error, not
 * a missing socket, and their Node files need nothing the sandbox lacks. Each entry says why, and
 * test/runtime/node-builds.test.ts runs each package's call that differed.
 *
 * Two kinds of entry:
 * - `entry`: importing the package itself (`require('joi')`) gets its Node entry, its `main`,
 *   instead of the file its "browser" field names. Its other files resolve as before, so a
 *   package's own "browser" map still applies inside it.
 * - `file`: one file of the package is replaced by another wherever it is imported from.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FORM_DATA_COMPAT } from './form-data-compat.ts';

/** The source of each layer module that replaces a package's browser file. */
export const COMPAT_SOURCES: Readonly<Record<string, string>> = { 'form-data': FORM_DATA_COMPAT };

export type NodeBuild =
  | { readonly kind: 'entry'; readonly package: string; readonly why: string }
  | { readonly kind: 'file'; readonly package: string; readonly browserFile: string; readonly nodeFile: string; readonly why: string };

export const NODE_BUILDS: readonly NodeBuild[] = [
  {
    kind: 'entry', package: 'joi',
    why: "joi 17's browser build leaves out the list of top-level domains, so `Joi.string().email()` threw 'Built-in TLD list disabled'",
  },
  {
    kind: 'entry', package: '@hapi/joi',
    why: 'joi under its former name (16 and 17) has the same browser build without the list of top-level domains',
  },
  {
    kind: 'entry', package: 'base32.js',
    why: "its browser build decodes to a plain array, which Node's crypto.createHmac refuses: speakeasy's TOTP threw on the key",
  },
  {
    kind: 'entry', package: 'qrcode',
    why: 'its browser build draws on a <canvas>: toDataURL and toString threw "You need to specify a canvas element"; the Node build encodes PNG with zlib',
  },
  {
    kind: 'file', package: 'aws-sdk', browserFile: 'lib/xml/browser_parser.js', nodeFile: 'lib/xml/node_parser.js',
    why: "the AWS SDK v2's browser build parses XML answers (SNS, SES, S3, STS…) with the DOM's DOMParser; its Node parser uses xml2js, one of its dependencies",
  },
];

/**
 * Browser files replaced by a module of the compatibility layer (its name in {@link COMPAT_SOURCES}):
 * form-data's is only the global FormData, without the Node API Auth0 code calls (form-data-compat.ts).
 */
const COMPAT_FILES: ReadonlyMap<string, string> = new Map([['node_modules/form-data/lib/browser.js', 'form-data']]);

/** The layer module replacing `resolved` (an absolute path in the dependency install), if any. */
export function compatModule(resolved: string): string | undefined {
  const at = resolved.lastIndexOf('node_modules/');
  return at < 0 ? undefined : COMPAT_FILES.get(resolved.slice(at));
}

const ENTRY = new Set(NODE_BUILDS.filter((b) => b.kind === 'entry').map((b) => b.package));
const FILES = new Map<string, { readonly package: string; readonly nodeFile: string }>(
  NODE_BUILDS.flatMap((b) => (b.kind === 'file' ? [[`node_modules/${b.package}/${b.browserFile}`, b] as const] : [])),
);

/**
 * The Node file to bundle instead of `resolved` (an absolute path in the dependency install, what
 * esbuild resolved `specifier` to), or undefined to keep it.
 */
export async function nodeBuildFile(specifier: string, resolved: string): Promise<string | undefined> {
  const at = resolved.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const inInstall = resolved.slice(at);
  const replacement = FILES.get(inInstall);
  if (replacement !== undefined) return path.join(resolved.slice(0, at), 'node_modules', replacement.package, replacement.nodeFile);
  if (!ENTRY.has(specifier)) return undefined;
  const dir = path.join(resolved.slice(0, at), 'node_modules', specifier);
  if (!resolved.startsWith(`${dir}/`)) return undefined;
  return mainFile(dir);
}

/** The file Node's `require(<package>)` loads: `main` (with Node's extension and index fallbacks), else index.js. */
async function mainFile(dir: string): Promise<string | undefined> {
  let main = 'index.js';
  try {
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { main?: unknown };
    if (typeof pkg.main === 'string' && pkg.main !== '') main = pkg.main;
  } catch {
    return undefined;
  }
  const base = path.join(dir, main);
  for (const candidate of [base, `${base}.js`, `${base}.cjs`, `${base}.json`, path.join(base, 'index.js')]) {
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
