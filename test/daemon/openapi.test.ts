import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BearerAuth } from '../../src/daemon/index.ts';
import type { RouteContext } from '../../src/daemon/http/context.ts';
import { registerExecutionRoutes } from '../../src/daemon/http/routes-executions.ts';
import { registerFlowRoutes } from '../../src/daemon/http/routes-flows.ts';
import { registerOpsRoutes } from '../../src/daemon/http/routes-ops.ts';
import { createHttpServer } from '../../src/daemon/http/server.ts';

const spec = JSON.parse(readFileSync(new URL('../../schemas/openapi.json', import.meta.url), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, { security?: unknown[] }>>;
};

describe('schemas/openapi.json', () => {
  it('documents exactly the routes the daemon serves, public ones without security', async () => {
    const app = createHttpServer({ bodyLimit: 1024, logger: false, auth: new BearerAuth('open'), onRefused: () => {}, draining: () => false });
    const routes: string[] = [];
    const publicRoutes: string[] = [];
    app.addHook('onRoute', (r) => {
      const key = `${String(r.method).toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`;
      routes.push(key);
      if (r.config?.access === 'public') publicRoutes.push(key);
    });
    const ctx = {} as RouteContext; // routes only read it when a request comes
    registerOpsRoutes(app, ctx);
    registerFlowRoutes(app, ctx);
    registerExecutionRoutes(app, ctx);
    await app.ready();
    const documented = Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(spec.openapi).toBe('3.1.0');
    expect(documented.sort()).toEqual(routes.sort());
    const open = Object.entries(spec.paths).flatMap(([p, ops]) => Object.entries(ops).filter(([, op]) => Array.isArray(op.security) && op.security.length === 0).map(([m]) => `${m} ${p}`));
    expect(open.sort()).toEqual(publicRoutes.sort());
    await app.close();
  });

  it('points request bodies at the committed trigger event schemas', () => {
    const refs = [...JSON.stringify(spec).matchAll(/"\$ref":"(triggers\/[^"]+)"/g)].map((m) => m[1]!);
    expect(refs).toHaveLength(7);
    for (const ref of refs) expect(() => readFileSync(new URL(`../../schemas/${ref}`, import.meta.url))).not.toThrow();
  });
});
