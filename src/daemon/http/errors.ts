import type { FastifyReply } from 'fastify';
import type { Diagnostic } from '../../core/index.ts';
import type { EventProblem } from '../../runtime/index.ts';

/**
 * Every error the API answers has this one shape: a stable `code` for programs, a `message` saying
 * what is wrong, a `hint` saying how to fix it, and the details that apply (the event's bad fields,
 * a failed deploy's diagnostics).
 */
export interface ApiErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly hint?: string;
    readonly problems?: readonly EventProblem[];
    readonly diagnostics?: readonly Diagnostic[];
    readonly [key: string]: unknown;
  };
}

/** Sends an error answer (with `Retry-After` when given). */
export function sendError(
  reply: FastifyReply, status: number, code: string, message: string,
  extra: { hint?: string; problems?: readonly EventProblem[]; diagnostics?: readonly Diagnostic[]; retryAfterSeconds?: number; [key: string]: unknown } = {},
): FastifyReply {
  const { retryAfterSeconds, ...details } = extra;
  if (retryAfterSeconds !== undefined) void reply.header('retry-after', String(retryAfterSeconds));
  const body: ApiErrorBody = { error: { code, message, ...stripUndefined(details) } };
  return reply.code(status).send(body);
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
