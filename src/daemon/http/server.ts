import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Access, BearerAuth } from './auth.ts';
import { sendError } from './errors.ts';
import { keepRawJsonBodies } from './json-body.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; `user` when absent (secure by default). */
    access?: Access;
  }
}

export interface HttpServerOptions {
  /** Largest request body, in bytes; larger ones are answered 413 before being read whole. */
  readonly bodyLimit: number;
  /** `false` for silence (tests, embedding), else pino options: level and where lines go (stderr). */
  readonly logger: false | { readonly level: string; readonly stream: { write(line: string): unknown } };
  readonly auth: BearerAuth;
  /** Refused requests are counted by reason. */
  readonly onRefused: (reason: string) => void;
  /** True once the daemon drains: answers then close their connection, so keep-alive clients let go. */
  readonly draining: () => boolean;
}

/**
 * The fastify instance with what every route shares: JSON only (other media types are 415), the
 * body limit, bearer-token checks before anything else runs, one error shape for every failure
 * (malformed JSON, oversized bodies, unknown routes), and no per-request log lines (the daemon
 * writes one line per execution instead). The authorization header is redacted from any log line.
 */
export function createHttpServer(o: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    logger: o.logger === false ? false : { level: o.logger.level, stream: o.logger.stream, redact: ['req.headers.authorization', 'headers.authorization'] },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: o.bodyLimit,
    // Slow clients cannot hold a connection open by trickling a request in.
    requestTimeout: 30_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    exposeHeadRoutes: false,
  });
  app.removeContentTypeParser('text/plain');
  keepRawJsonBodies(app);

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access ?? 'user';
    const decision = o.auth.check(request.headers.authorization, access);
    if (decision.ok) return;
    o.onRefused(decision.status === 401 ? 'unauthorized' : 'forbidden');
    if (decision.status === 401) void reply.header('www-authenticate', `Bearer realm="actuate"${request.headers.authorization ? ', error="invalid_token"' : ''}`);
    return sendError(reply, decision.status, decision.code, decision.message, { hint: decision.hint });
  });

  app.addHook('onSend', async (_request, reply) => {
    if (o.draining()) void reply.header('connection', 'close');
  });

  app.setNotFoundHandler((request, reply) => {
    sendError(reply, 404, 'E_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`, {
      hint: 'routes: POST /v1/flows/{trigger}, POST /v1/flows/{trigger}/continue, GET /v1/executions[/{id}], GET /v1/status, GET /metrics, GET /healthz, GET /readyz, POST /v1/admin/deploy',
    });
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      o.onRefused('too_large');
      return sendError(reply, 413, 'E_TOO_LARGE', `the request body is larger than the limit of ${o.bodyLimit} bytes`, { hint: 'send a smaller event, or start the daemon with a larger --body-limit' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      o.onRefused('bad_request');
      return sendError(reply, 415, 'E_MEDIA_TYPE', `unsupported content type ${JSON.stringify(request.headers['content-type'] ?? '')}`, { hint: 'send JSON with `Content-Type: application/json`' });
    }
    if (status >= 400 && status < 500) {
      o.onRefused('bad_request');
      const json = error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError;
      return sendError(reply, status, json ? 'E_BAD_JSON' : 'E_BAD_REQUEST', json ? `the request body is not valid JSON: ${error.message}` : error.message, json ? { hint: 'send one JSON document with `Content-Type: application/json`' } : {});
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(reply, 500, 'E_INTERNAL', 'the daemon failed to answer this request', { hint: 'this is a bug in actuate; the daemon log has the details' });
  });

  return app;
}
