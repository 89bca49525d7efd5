import type { CommitSha, Digest } from '../core/index.ts';

/**
 * The reading half of a store. The runner and the daemon only ever need this, so a read-only
 * backend (HTTP, a mirror) implements just this interface and the type system keeps writes away.
 *
 * Every backend keeps the same logical layout (see `layout.ts` and DESIGN.md): immutable objects
 * addressed by digest, `commits/<sha>` naming the manifest built for a commit, and `refs/<name>`
 * naming a commit. All listings are sorted by UTF-16 code unit order, so output built from them is
 * deterministic whatever order the backend stores things in.
 */
export interface StoreReader {
  /** Where this store is, for messages: e.g. `fs store at ./.actuate/store` or `memory store`. */
  describe(): string;
  /** True when an object with this digest is present (its bytes are not verified). */
  has(digest: Digest): Promise<boolean>;
  /**
   * The bytes of an object, or undefined when absent. Verified on every read.
   * @throws IntegrityError when the stored bytes do not hash to `digest` (naming the digest and where it lives).
   */
  get(digest: Digest): Promise<Uint8Array | undefined>;
  /**
   * The manifest digest recorded for a commit, or undefined when that commit was never built here.
   * @throws IntegrityError when the entry exists but does not hold a digest.
   */
  getCommit(commit: CommitSha): Promise<Digest | undefined>;
  /**
   * The commit a ref points at, or undefined when the ref does not exist.
   * @throws UsageError when `name` is not a valid ref name; IntegrityError when the entry is malformed.
   */
  getRef(name: string): Promise<CommitSha | undefined>;
  /** Every ref name, sorted. Names may contain `/` (`release/eu`). */
  listRefs(): Promise<string[]>;
  /** Every commit with a recorded manifest, sorted. */
  listCommits(): Promise<CommitSha[]>;
  /** Every object digest, sorted. Half-written temporary files are never listed. */
  listObjects(): Promise<Digest[]>;
}

/** What {@link Store.put} did, so publishers can report how much they actually uploaded. */
export interface PutResult {
  readonly digest: Digest;
  /** False when the object was already present: objects are written once and never overwritten. */
  readonly written: boolean;
}

/**
 * A store that can also be written: the compiler and the publisher use it. Writes keep the store
 * consistent for concurrent readers: an object appears whole or not at all, and is never changed
 * once present; `commits/` and `refs/` entries are replaced atomically. Order matters and is
 * enforced: objects before the commit entry naming them, a commit entry before a ref pointing to it,
 * so a reader following a ref never finds a hole.
 */
export interface Store extends StoreReader {
  /**
   * Adds bytes as an immutable object. Idempotent; concurrent puts of the same bytes are safe and
   * exactly one of them reports `written: true`.
   * @throws IntegrityError when the object is already present but its stored bytes are corrupt: it is
   * never overwritten, so the caller learns the store needs repair instead of being told it is stored.
   */
  put(bytes: Uint8Array): Promise<PutResult>;
  /**
   * Records the manifest built for a commit (replacing an earlier one, e.g. from an older toolchain).
   * @throws UsageError when the manifest object is not in the store yet.
   */
  setCommit(commit: CommitSha, manifest: Digest): Promise<void>;
  /**
   * Points a ref at a commit, atomically.
   * @throws UsageError when the name is invalid, clashes with an existing ref (`a` vs `a/b`), or the
   * commit has no recorded manifest in this store.
   */
  setRef(name: string, commit: CommitSha): Promise<void>;
}
