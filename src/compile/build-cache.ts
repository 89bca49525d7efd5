import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Digest } from '../core/index.ts';
import type { ManifestDependency } from '../manifest/index.ts';

/** What a previous build produced for one action's inputs: enough to skip its type-check and bundle. */
export interface CachedAction {
  readonly bundle: Digest;
  readonly sourceMap: Digest;
  readonly size: number;
  readonly continueHandler: boolean;
  readonly dependencies: readonly ManifestDependency[];
  /** What the handlers read of the event: sections or "section.field" paths (see findEventReads); absent: could not tell. */
  readonly eventReads?: readonly string[];
  /** Warnings and infos of the action (errors are never cached). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A local cache from an action's input key (a digest of its files, metadata, trigger and toolchain) to
 * its build output. A hit means the action is neither type-checked nor bundled again. Entries are
 * written atomically; an unreadable entry is just a miss.
 */
export class BuildCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async get(key: Digest): Promise<CachedAction | undefined> {
    try {
      return JSON.parse(await readFile(this.#file(key), 'utf8')) as CachedAction;
    } catch {
      return undefined;
    }
  }

  async set(key: Digest, value: CachedAction): Promise<void> {
    const file = this.#file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, file);
  }

  #file(key: Digest): string {
    const hex = key.slice('sha256:'.length);
    return path.join(this.dir, 'builds', hex.slice(0, 2), `${hex.slice(2)}.json`);
  }
}
