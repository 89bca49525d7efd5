import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ExecutionRecord, ExecutionStatus } from '../executions/record.ts';
import type { RouteContext } from './context.ts';
import { sendError } from './errors.ts';

const STATUSES: readonly ExecutionStatus[] = ['queued', 'running', 'retrying', 'suspended', 'final', 'dead'];
/** A follower that reads slower than this many buffered bytes is cut off rather than buffered without bound. */
const MAX_STREAM_BUFFER = 8 * 1024 * 1024;
const KEEPALIVE_MS = 15_000;

interface ListQuery {
  follow?: string;
  trigger?: string;
  status?: string;
  limit?: string;
  tail?: string;
  since?: string;
}

/**
 * `GET /v1/executions/{id}` (one record), `GET /v1/executions` (newest first, filtered) and
 * `GET /v1/executions?follow=1`: an NDJSON stream of records as they change (each line one record
 * with its `seq`; blank lines are keep-alives). `tail=N` first replays the last N records;
 * `since=<seq>` replays what changed after a position a follower saw, so it can reconnect without gaps.
 */
export function registerExecutionRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Params: { id: string } }>('/v1/executions/:id', async (request, reply) => {
    const record = ctx.executions.get(request.params.id);
    if (!record) return sendError(reply, 404, 'E_NO_EXECUTION', `no execution ${request.params.id}`, { hint: 'records are kept for 10 days; check the id the flow answered' });
    return record;
  });

  app.get<{ Querystring: ListQuery }>('/v1/executions', async (request, reply) => {
    const q = request.query;
    const status = q.status;
    if (status !== undefined && !STATUSES.includes(status as ExecutionStatus)) {
      return sendError(reply, 400, 'E_BAD_REQUEST', `unknown status ${JSON.stringify(status)}`, { hint: `one of ${STATUSES.join(', ')}` });
    }
    const limit = intParam(q.limit, 50, 1, 1000);
    const tail = intParam(q.tail, 0, 0, 1000);
    const since = intParam(q.since, -1, 0, Number.MAX_SAFE_INTEGER);
    if (limit === undefined || tail === undefined || since === undefined) {
      return sendError(reply, 400, 'E_BAD_REQUEST', 'limit, tail and since must be non-negative integers (limit 1 to 1000, tail up to 1000)');
    }
    const filter = { trigger: q.trigger, status: status as ExecutionStatus | undefined };
    if (q.follow !== '1' && q.follow !== 'true') {
      return { executions: ctx.executions.list({ ...filter, limit, ...(since >= 0 ? { afterSeq: since } : {}) }), lastSeq: ctx.executions.lastSeq };
    }
    follow(reply, ctx, filter, since >= 0 ? ctx.executions.list({ ...filter, limit: 1000, afterSeq: since }) : tail > 0 ? ctx.executions.list({ ...filter, limit: tail }) : []);
    return reply;
  });
}

function follow(reply: FastifyReply, ctx: RouteContext, filter: { trigger: string | undefined; status: ExecutionStatus | undefined }, replay: ExecutionRecord[]): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
  const matches = (r: ExecutionRecord) => (!filter.trigger || r.trigger === filter.trigger) && (!filter.status || r.status === filter.status);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    unsubscribe();
    clearInterval(keepalive);
    ctx.streams.delete(end);
    res.end();
  };
  const write = (text: string) => {
    if (ended) return;
    res.write(text);
    if (res.writableLength > MAX_STREAM_BUFFER) end();
  };
  for (const r of replay.reverse()) write(JSON.stringify(r) + '\n');
  const unsubscribe = ctx.executions.follow((r) => {
    if (matches(r)) write(JSON.stringify(r) + '\n');
  });
  const keepalive = setInterval(() => write('\n'), KEEPALIVE_MS);
  ctx.streams.add(end);
  // The response's close, not the request's: a request emits 'close' as soon as its (empty) body is read.
  res.on('close', end);
}

/** An integer query parameter within bounds; undefined when malformed. */
function intParam(v: string | undefined, fallback: number, min: number, max: number): number | undefined {
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}
