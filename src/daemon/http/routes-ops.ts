import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DeployOutcome } from '../deploy/deployments.ts';
import type { RouteContext } from './context.ts';
import { sendError } from './errors.ts';

/**
 * Operations: health (`/healthz` liveness, `/readyz` readiness: a version is served and the daemon
 * is not draining; both public), `/metrics` (Prometheus text), `/v1/status`, and the admin routes
 * (separate token): deploy a commit, reload (as SIGHUP does), put a dead letter back in the queue.
 */
export function registerOpsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/healthz', { config: { access: 'public' } }, async () => ({ ok: true }));

  app.get('/readyz', { config: { access: 'public' } }, async (_request, reply) => {
    if (ctx.ready()) return { ready: true };
    return reply.code(503).header('retry-after', '1').send({ ready: false });
  });

  app.get('/metrics', async (_request, reply) => {
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(await ctx.metrics.render());
  });

  app.get('/v1/status', async () => ctx.status());

  app.post<{ Body: unknown }>('/v1/admin/deploy', { config: { access: 'admin' } }, async (request, reply) => {
    const body = request.body as { commit?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.commit !== 'string' || body.commit === '') {
      return sendError(reply, 400, 'E_BAD_REQUEST', 'the body must be { "commit": "<sha>" }', { hint: 'pass a commit built in the store (40 hex digits, or an unambiguous prefix)' });
    }
    return deployAnswer(reply, await ctx.deploy(body.commit));
  });

  app.post('/v1/admin/reload', { config: { access: 'admin' } }, async (_request, reply) => deployAnswer(reply, await ctx.reload()));

  app.post<{ Params: { id: string } }>('/v1/admin/executions/:id/retry', { config: { access: 'admin' } }, async (request, reply) => {
    if (await ctx.requeue(request.params.id)) return reply.code(202).send({ executionId: request.params.id, status: 'queued' });
    return sendError(reply, 404, 'E_NOT_DEAD', `no dead-lettered execution ${request.params.id}`, { hint: 'only async executions in status "dead" can be retried; list them with GET /v1/executions?status=dead' });
  });
}

function deployAnswer(reply: FastifyReply, r: DeployOutcome): FastifyReply {
  if (r.ok) {
    return reply.code(200).send({
      commit: r.version.commit, manifest: r.version.handle.digest, loadMs: r.version.loadMs, source: r.version.source, unchanged: r.unchanged,
      previous: r.previous && !r.unchanged ? { commit: r.previous.commit, manifest: r.previous.handle.digest } : undefined,
    });
  }
  const code = r.diagnostics[0]?.code;
  const [status, errorCode] = code === 'E_DEPLOY_COMMIT' ? [400, code] : code === 'E_DEPLOY_NOT_BUILT' ? [404, code] : [422, 'E_DEPLOY_FAILED'];
  return sendError(reply, status, errorCode, `could not deploy ${r.commit}: ${r.diagnostics[0]?.message ?? 'the load failed'}`, {
    diagnostics: r.diagnostics, hint: 'the previous version keeps serving',
  });
}
