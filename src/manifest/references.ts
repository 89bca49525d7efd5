import type { Digest } from '../core/index.ts';
import { pointerToken } from './check.ts';
import type { Manifest } from './schema.ts';

/** One object a manifest needs, with enough context to say which action lacks it. */
export interface ManifestReference {
  readonly digest: Digest;
  readonly kind: 'bundle' | 'sourceMap';
  readonly trigger: string;
  readonly action: string;
  /** JSON pointer of the digest inside the manifest, e.g. `/flows/post-login/actions/0/bundle`. */
  readonly pointer: string;
}

/**
 * Every object a manifest references, in a stable order (trigger ids sorted, actions in execution
 * order, bundle before source map). Publishing copies these; `verifyStore` checks they exist.
 * A digest appears once per place it is used, so identical bundles of two actions appear twice.
 */
export function manifestReferences(manifest: Manifest): ManifestReference[] {
  const out: ManifestReference[] = [];
  for (const trigger of Object.keys(manifest.flows).sort()) {
    const flow = manifest.flows[trigger]!;
    flow.actions.forEach((action, i) => {
      const base = `/flows/${pointerToken(trigger)}/actions/${i}`;
      out.push({ digest: action.bundle, kind: 'bundle', trigger, action: action.name, pointer: `${base}/bundle` });
      out.push({ digest: action.sourceMap, kind: 'sourceMap', trigger, action: action.name, pointer: `${base}/sourceMap` });
    });
  }
  return out;
}
