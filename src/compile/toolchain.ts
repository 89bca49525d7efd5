import esbuild from 'esbuild';
import ts from 'typescript';
import type { ManifestToolchain } from '../manifest/index.ts';
import { VERSION } from '../version.ts';

/**
 * Version of the trigger definitions and repository schemas. Bump it whenever a definition or a
 * schema changes in a way that can change check results or bundles, so caches are invalidated.
 */
export const SCHEMA_VERSION = 1;

/** The tools whose versions determine build output: recorded in manifests and in cache keys. */
export const TOOLCHAIN: ManifestToolchain = {
  actuate: VERSION,
  typescript: ts.version,
  esbuild: esbuild.version,
  schema: SCHEMA_VERSION,
};
