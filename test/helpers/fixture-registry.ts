import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startLocalRegistry, type LocalRegistry } from './local-registry.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/npm/', import.meta.url));

/**
 * A local npm registry serving fixture packages of test/fixtures/npm by folder name, started before
 * the tests of the calling file (or describe block) and closed after them. `url` is for the build's
 * `registry` option, read inside a test.
 */
export function useFixtureRegistry(...names: readonly string[]): { readonly url: string } {
  let registry: LocalRegistry | undefined;
  beforeAll(async () => {
    registry = await startLocalRegistry(names.map((n) => path.join(FIXTURES, n)));
  }, 60_000);
  afterAll(() => registry?.close());
  return {
    get url(): string {
      if (registry === undefined) throw new Error('the fixture registry is not running (read `url` inside a test)');
      return registry.url;
    },
  };
}
