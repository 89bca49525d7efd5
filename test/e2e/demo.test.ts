import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.ts';
import type { LocalRegistry } from '../helpers/local-registry.ts';
import { registryFromNodeModules } from '../helpers/node-modules-registry.ts';

describe('npm start (actuate demo)', () => {
  let registry: LocalRegistry;
  const cache = mkdtempSync(path.join(tmpdir(), 'actuate-demo-cache-'));
  beforeAll(async () => {
    ({ registry } = await registryFromNodeModules(['ms']));
  });
  afterAll(async () => {
    await registry?.close();
    rmSync(cache, { recursive: true, force: true });
  });

  it('checks, builds, serves the example on loopback and shows every sample flow\'s result', async () => {
    const child = spawn(process.execPath, [CLI, 'demo', '--once', '--port', '0'], {
      env: { ...process.env, NO_COLOR: '1', ACTUATE_NPM_REGISTRY: registry.url, ACTUATE_CACHE_DIR: cache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(out).toContain('no problems');
    expect(out).toMatch(/✓ built commit [0-9a-f]{12} → manifest sha256:[0-9a-f]{64}/);
    expect(out.match(/^\$ curl -X POST http:\/\/127\.0\.0\.1:\d+\/v1\/flows\//gm)).toHaveLength(15);
    expect(out).toContain('↪ redirect  post-login@v3');
    expect(out).toContain('⊘ denied  pre-user-registration@v2');
    expect(out).toContain('202 queued post-user-registration is async');
    expect(out).not.toMatch(/✗ (error|rejected)/);
    expect(code).toBe(0);
  });
});
