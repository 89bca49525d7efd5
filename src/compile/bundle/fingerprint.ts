/**
 * A fingerprint of the bundler itself, for cache keys: a cached bundle may be reused only when the
 * inputs *and* the toolchain are the same. It covers esbuild's version, this module's format and
 * the exact bytes of the whole compatibility layer (every polyfill file and shim), measured by
 * bundling a reference action that uses all of it, the stand-ins packages may get (stubs.ts) and
 * the `define` AMD files get (amd.ts) and the packages given their Node build (node-builds.ts).
 */
import { createHash } from 'node:crypto';
import { version as esbuildVersion } from 'esbuild';
import { InternalError } from '../../core/index.ts';
import { bundleAction } from './bundle-action.ts';
import { SANDBOX_BUILTINS } from './builtins.ts';
import { amdDefine } from './amd.ts';
import { missingModule, wasmModule } from './sandbox-plugin.ts';
import { BUILTIN_STUBS } from './stubs.ts';
import { COMPAT_SOURCES, NODE_BUILDS } from './node-builds.ts';

/** Bump when the bundle format or the esbuild options change in a way the layer bytes do not show. */
const BUNDLE_FORMAT = 2;

let memo: Promise<string> | undefined;

/** `sha256:<hex>` identifying the bundler (esbuild, options, compatibility layer). Computed once per process. */
export function bundlerFingerprint(): Promise<string> {
  memo ??= compute();
  return memo;
}

async function compute(): Promise<string> {
  const imports = [...SANDBOX_BUILTINS].map((name, i) => `import * as m${i} from 'node:${name}';`);
  const uses = `export const all = [${imports.map((_, i) => `m${i}`).join(', ')}, Buffer, process];`;
  const result = await bundleAction({
    name: 'fingerprint',
    files: new Map([['actions/fingerprint/index.ts', `${imports.join('\n')}\n${uses}\n`]]),
    entry: 'actions/fingerprint/index.ts',
    dependencies: {},
    deps: undefined,
    warnBytes: Number.MAX_SAFE_INTEGER,
  });
  if (!result.ok) throw new InternalError(`bundler fingerprint: the reference bundle failed: ${JSON.stringify(result.diagnostics)}`);
  const hash = createHash('sha256').update(`actuate-bundle-${BUNDLE_FORMAT}\0esbuild@${esbuildVersion}\0`).update(result.code).update('\0').update(result.map);
  for (const name of Object.keys(BUILTIN_STUBS).sort()) hash.update(`\0stub:${name}\0${BUILTIN_STUBS[name]}`);
  hash.update(`\0amd\0${amdDefine('')}\0missing\0${missingModule('x')}\0wasm\0${wasmModule('x')}\0node-builds\0${JSON.stringify(NODE_BUILDS)}\0compat\0${JSON.stringify(COMPAT_SOURCES)}`);
  return `sha256:${hash.digest('hex')}`;
}
