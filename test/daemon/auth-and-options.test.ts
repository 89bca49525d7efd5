import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { BearerAuth, isLoopback, resolveDaemonOptions, type DaemonOptions } from '../../src/daemon/index.ts';
import { createMemoryStore } from '../../src/store/index.ts';

const USER = 'user-token-0123456789abcdef';
const ADMIN = 'admin-token-0123456789abcdef';

describe('bearer tokens', () => {
  const auth = new BearerAuth({ tokens: [USER, 'second-user-token-0123456789'], adminTokens: [ADMIN] });

  it('admits user tokens on user routes and admin tokens everywhere', () => {
    expect(auth.check(`Bearer ${USER}`, 'user')).toEqual({ ok: true });
    expect(auth.check('bearer second-user-token-0123456789', 'user')).toEqual({ ok: true });
    expect(auth.check(`Bearer ${ADMIN}`, 'user')).toEqual({ ok: true });
    expect(auth.check(`Bearer ${ADMIN}`, 'admin')).toEqual({ ok: true });
    expect(auth.check(undefined, 'public')).toEqual({ ok: true });
  });

  it('refuses a missing or wrong token with 401, and a user token on admin routes with 403', () => {
    expect(auth.check(undefined, 'user')).toMatchObject({ ok: false, status: 401, code: 'E_UNAUTHORIZED' });
    expect(auth.check(`Basic ${USER}`, 'user')).toMatchObject({ ok: false, status: 401 });
    expect(auth.check(`Bearer ${USER}x`, 'user')).toMatchObject({ ok: false, status: 401 });
    expect(auth.check(`Bearer ${USER.slice(0, -1)}`, 'user')).toMatchObject({ ok: false, status: 401 });
    expect(auth.check(`Bearer ${USER}`, 'admin')).toMatchObject({ ok: false, status: 403, code: 'E_FORBIDDEN' });
    expect(auth.check(`Bearer ${ADMIN}x`, 'admin')).toMatchObject({ ok: false, status: 401 });
    expect(new BearerAuth({ tokens: [USER], adminTokens: [] }).check(`Bearer ${USER}`, 'admin')).toMatchObject({ status: 403, code: 'E_ADMIN_DISABLED' });
  });

  it('takes new tokens on update (rotation)', () => {
    const rotating = new BearerAuth({ tokens: [USER], adminTokens: [] });
    rotating.update({ tokens: ['rotated-token-0123456789abcdef'], adminTokens: [] });
    expect(rotating.check(`Bearer ${USER}`, 'user').ok).toBe(false);
    expect(rotating.check('Bearer rotated-token-0123456789abcdef', 'user').ok).toBe(true);
  });
});

describe('daemon options', () => {
  const base: DaemonOptions = { store: createMemoryStore(), target: { commit: 'a'.repeat(40) }, auth: { tokens: [USER], adminTokens: [] }, dataDir: '/tmp/x' };
  const problem = (o: Partial<DaemonOptions>) => {
    try {
      resolveDaemonOptions({ ...base, ...o });
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    return undefined;
  };

  it('defaults to loopback, port 8787 and bounded limits', () => {
    expect(resolveDaemonOptions(base)).toMatchObject({ host: '127.0.0.1', port: 8787, bodyLimitBytes: 262144, maxConcurrency: 256, async: { concurrency: 2, maxAttempts: 5 } });
  });

  it('refuses to run without a token, with weak tokens, or open on a non-loopback host', () => {
    expect(problem({ auth: { tokens: [], adminTokens: [] } })).toMatch(/needs a bearer token/);
    expect(problem({ auth: { tokens: ['short'], adminTokens: [] } })).toMatch(/shorter than 16/);
    expect(problem({ auth: { tokens: [USER], adminTokens: [USER] } })).toMatch(/admin token is also a user token/);
    expect(problem({ auth: 'insecure-no-auth', host: '0.0.0.0' })).toMatch(/only allowed on a loopback host/);
    expect(problem({ auth: 'insecure-no-auth', host: '127.0.0.1' })).toBeUndefined();
    expect(problem({ port: 70000 })).toMatch(/port must be an integer from 0 to 65535/);
    expect(problem({ async: { maxAttempts: 0 } })).toMatch(/async.maxAttempts/);
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '10.0.0.1', 'example.com', '::'].map(isLoopback)).toEqual([false, false, false, false]);
  });
});
