import { createHash } from 'node:crypto';

/**
 * Branded identifiers: only the parsers below make them, so a path can never be passed where a
 * commit or a digest is needed.
 */
export type CommitSha = string & { readonly __brand: 'CommitSha' };
/** `sha256:<64 hex>`: the address of an immutable object in a store. */
export type Digest = string & { readonly __brand: 'Digest' };

const COMMIT_RE = /^[0-9a-f]{40}$/;
const DIGEST_RE = /^sha256:[0-9a-f]{64}$/;

/** Returns the sha as a {@link CommitSha}, or undefined when it is not 40 lowercase hex digits. */
export function parseCommitSha(value: string): CommitSha | undefined {
  return COMMIT_RE.test(value) ? (value as CommitSha) : undefined;
}

/** Returns the value as a {@link Digest}, or undefined when it is not `sha256:<64 hex>`. */
export function parseDigest(value: string): Digest | undefined {
  return DIGEST_RE.test(value) ? (value as Digest) : undefined;
}

/** The digest of some bytes (strings are hashed as UTF-8). */
export function digestOf(content: string | Uint8Array): Digest {
  return `sha256:${createHash('sha256').update(content).digest('hex')}` as Digest;
}

/** The 64 hex characters of a digest, without the algorithm prefix. */
export function digestHex(digest: Digest): string {
  return digest.slice('sha256:'.length);
}
