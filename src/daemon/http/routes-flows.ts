import type { FastifyInstance, FastifyReply } from 'fastify';
import { flowResultJson } from '../../runtime/index.ts';
import type { FlowAnswer } from '../flows/flow-service.ts';
import { isUnparsedEvent } from '../flows/unparsed-event.ts';
import type { RouteContext } from './context.ts';
import { sendError } from './errors.ts';
import { rawJsonBody } from './json-body.ts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * `POST /v1/flows/{trigger}` and `POST /v1/flows/{trigger}/continue`. The HTTP status says what the
 * daemon did (200 ran, 202 queued, 4xx refused, 503 try later); a flow's own result, including an
 * action that threw, is a 200 whose `outcome` says how the flow ended.
 */
export function registerFlowRoutes(app: FastifyInstance, ctx: RouteContext): void {
  // The event may arrive unparsed (json-body.ts): the flow service parses it only if it must.
  app.post<{ Params: { trigger: string }; Body: unknown }>('/v1/flows/:trigger', { config: { deferJsonBody: true } }, async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      ctx.onRefused('bad_request');
      return sendError(reply, 400, 'E_IDEMPOTENCY_KEY', 'the Idempotency-Key header must be 1 to 128 characters of letters, digits and ._:-', { hint: 'use a UUID' });
    }
    const body = request.body;
    if (!isUnparsedEvent(body) && !isObject(body)) return notAnEvent(reply, ctx);
    return answer(reply, ctx, await ctx.flows.run(request.params.trigger, body, key, rawJsonBody(request)));
  });

  app.post<{ Params: { trigger: string }; Body: unknown }>('/v1/flows/:trigger/continue', async (request, reply) => {
    const body = request.body;
    if (!isObject(body) || typeof body['state'] !== 'string' || !isObject(body['event'])) {
      ctx.onRefused('bad_request');
      return sendError(reply, 400, 'E_BAD_REQUEST', 'the body must be { "state": "<continuation state>", "event": { …the event at resumption… } }', {
        hint: 'pass the `state` the redirected flow returned, and the fresh event (with the query or body parameters the user came back with)',
      });
    }
    return answer(reply, ctx, await ctx.flows.continue(request.params.trigger, body['state'], body['event']));
  });
}

function answer(reply: FastifyReply, ctx: RouteContext, a: FlowAnswer): FastifyReply {
  switch (a.kind) {
    case 'ran': {
      // The pool hands over the result's JSON text: answer with it rather than serialise again.
      const text = flowResultJson(a.result);
      if (text === undefined || !text.endsWith('}') || text === '{}') return reply.code(200).send({ ...a.result, commit: a.commit });
      return reply.code(200).type('application/json; charset=utf-8').send(`${text.slice(0, -1)},"commit":${JSON.stringify(a.commit)}}`);
    }
    case 'queued':
      void reply.header('location', `/v1/executions/${encodeURIComponent(a.executionId)}`);
      return reply.code(202).send({ executionId: a.executionId, status: a.duplicate ? a.state : 'queued', duplicate: a.duplicate });
    case 'invalid': {
      ctx.onRefused('invalid_event');
      const state = a.problems.length > 0 && a.problems.every((p) => p.pointer === '/state');
      return state
        ? sendError(reply, 400, 'E_CONTINUATION_INVALID', a.problems[0]!.message, { problems: a.problems, hint: 'the user must start the login again' })
        : sendError(reply, 400, 'E_EVENT_INVALID', `the event does not match the trigger's schema (${a.problems.length} problem${a.problems.length === 1 ? '' : 's'})`, {
          problems: a.problems, hint: 'each problem names the field by JSON pointer; see the trigger\'s event schema',
        });
    }
    case 'unknown-trigger':
      ctx.onRefused('bad_request');
      return sendError(reply, 404, 'E_UNKNOWN_TRIGGER', 'no such trigger', { hint: `triggers: ${a.known.join(', ')}` });
    case 'not-sync':
      ctx.onRefused('bad_request');
      return sendError(reply, 400, 'E_NOT_RESUMABLE', `the ${a.trigger} trigger has no continue handler`, { hint: 'only post-login and password-reset-post-challenge flows can be resumed' });
    case 'unavailable':
      ctx.onRefused('unavailable');
      return sendError(reply, 503, 'E_UNAVAILABLE', 'no version is being served', { retryAfterSeconds: 1, hint: 'the daemon is starting or shutting down; retry' });
    case 'overloaded':
      ctx.onRefused('overloaded');
      return sendError(reply, 503, 'E_OVERLOADED', 'too many executions are running; this one was not started', { retryAfterSeconds: a.retryAfterSeconds, hint: 'retry after the delay in Retry-After' });
    case 'queue-full':
      ctx.onRefused('queue_full');
      return sendError(reply, 429, 'E_QUEUE_FULL', 'the async queue is full; the event was not accepted', { retryAfterSeconds: a.retryAfterSeconds, hint: 'retry after the delay in Retry-After' });
    case 'failed':
      return sendError(reply, 500, 'E_EXECUTOR', 'the executor failed to run the flow', { executionId: a.executionId, hint: 'this is a bug in actuate; the daemon log has the details' });
  }
}

function notAnEvent(reply: FastifyReply, ctx: RouteContext): FastifyReply {
  ctx.onRefused('bad_request');
  return sendError(reply, 400, 'E_EVENT_INVALID', 'the body must be the event, a JSON object', { problems: [{ pointer: '', message: 'the event must be a JSON object' }] });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
