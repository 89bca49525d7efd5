import { canonicalJson } from '../core/index.ts';
import type { Manifest } from './schema.ts';

/**
 * The canonical bytes of a manifest: canonical JSON (sorted keys, no whitespace) and one trailing
 * newline, UTF-8. Equal manifests give equal bytes on every machine whatever order their keys were
 * built in, so equal builds get equal digests and `git revert` brings back the earlier digest.
 * Arrays keep their order: it carries meaning (execution order) or is sorted by the builder.
 */
export function serializeManifest(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(`${canonicalJson(manifest)}\n`);
}
