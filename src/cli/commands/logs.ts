import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { ExitCode, UsageError } from '../../core/index.ts';
import type { ExecutionRecord } from '../../daemon/index.ts';
import { createColors, type Colors } from '../render/color.ts';

/**
 * `actuate logs`: execution records from a running daemon. Without `--follow`, the most recent
 * ones (or one execution by id); with `--follow`, tails `GET /v1/executions?follow=1` and
 * reconnects where it left off when the daemon restarts, until interrupted.
 */
export const logsCommand = defineCommand({
  meta: { name: 'logs', description: 'Show or tail the execution records of a running daemon' },
  args: {
    id: { type: 'positional', required: false, description: 'One execution id: show it in full' },
    url: { type: 'string', description: 'Daemon URL (or env ACTUATE_URL)', default: process.env['ACTUATE_URL'] ?? 'http://127.0.0.1:8787' },
    'token-file': { type: 'string', description: 'File holding the bearer token (or env ACTUATE_TOKEN)' },
    follow: { type: 'boolean', alias: 'f', description: 'Keep streaming new and changed records' },
    tail: { type: 'string', description: 'How many recent records to show first', default: '20' },
    trigger: { type: 'string', description: 'Only this trigger, e.g. post-login' },
    status: { type: 'string', description: 'Only this status: queued, running, retrying, suspended, final, dead' },
    json: { type: 'boolean', description: 'Print records as NDJSON, as the daemon sends them' },
  },
  async run({ args }) {
    const base = args.url.replace(/\/+$/, '');
    const headers = { authorization: `Bearer ${await token(args['token-file'])}` };
    const c = createColors(process.stdout);
    const print = (r: ExecutionRecord) => process.stdout.write(args.json ? JSON.stringify(r) + '\n' : renderRecord(r, c, Boolean(args.id)));
    if (!/^\d+$/.test(args.tail)) throw new UsageError(`--tail must be a whole number, not ${JSON.stringify(args.tail)}`);
    const filter = new URLSearchParams();
    if (args.trigger) filter.set('trigger', args.trigger);
    if (args.status) filter.set('status', args.status);

    if (args.id) {
      const res = await get(`${base}/v1/executions/${encodeURIComponent(args.id)}`, headers);
      if (res.status === 404) {
        process.stderr.write(`error: no execution ${args.id} on ${base}\n`);
        return ExitCode.Problems;
      }
      print(await expectOk<ExecutionRecord>(res));
      return ExitCode.Ok;
    }
    if (!args.follow) {
      filter.set('limit', String(Math.max(1, Number(args.tail))));
      const body = await expectOk<{ executions: ExecutionRecord[] }>(await get(`${base}/v1/executions?${filter}`, headers));
      for (const r of body.executions.reverse()) print(r);
      return ExitCode.Ok;
    }

    const abort = new AbortController();
    const onInt = () => abort.abort();
    process.once('SIGINT', onInt).once('SIGTERM', onInt);
    let since: number | undefined;
    let first = true;
    try {
      while (!abort.signal.aborted) {
        const q = new URLSearchParams(filter);
        q.set('follow', '1');
        if (since !== undefined) q.set('since', String(since));
        else q.set('tail', args.tail);
        let res: Response | undefined;
        try {
          res = await get(`${base}/v1/executions?${q}`, headers, abort.signal);
        } catch (e) {
          if (abort.signal.aborted) break;
          process.stderr.write(`actuate logs: ${(e as Error).message}; retrying in 1 s\n`);
        }
        // A refused token or a bad filter will not get better by retrying.
        if (res && res.status >= 400 && res.status < 500) await expectOk(res);
        if (res?.ok && res.body) {
          if (!first) process.stderr.write(`actuate logs: reconnected to ${base}\n`);
          first = false;
          try {
            for await (const line of lines(res.body)) {
              if (line.trim() === '') continue; // keep-alive
              const r = JSON.parse(line) as ExecutionRecord;
              if (r.seq !== undefined) since = r.seq;
              print(r);
            }
            if (!abort.signal.aborted) process.stderr.write(`actuate logs: ${base} closed the stream (restarting?); reconnecting\n`);
          } catch (e) {
            if (abort.signal.aborted) break;
            process.stderr.write(`actuate logs: lost ${base} (${(e as Error).message}); reconnecting\n`);
          }
        }
        if (!abort.signal.aborted) await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      process.off('SIGINT', onInt).off('SIGTERM', onInt);
    }
    return ExitCode.Ok;
  },
});

/** One record for people: a header line, then a line per action with its console excerpt and error. */
export function renderRecord(r: ExecutionRecord, c: Colors, full: boolean): string {
  const outcome = r.outcome ?? r.status;
  const paint = { success: c.green, denied: c.yellow, redirect: c.cyan, prompt: c.cyan, error: c.red, rejected: c.red }[r.outcome ?? 'success'] ?? c.dim;
  const state = r.status === 'final' ? '' : ` ${c.dim(`[${r.status}${r.attempts ? `, attempt ${r.attempts}` : ''}${r.nextAttemptAt ? `, next ${r.nextAttemptAt}` : ''}]`)}`;
  const out = [`${c.dim(r.updatedAt)} ${r.trigger.padEnd(22)} ${paint(outcome.padEnd(9))} ${String(r.durationMs ?? 0).padStart(8)} ms  ${r.id}${r.commit ? c.dim(` @${r.commit.slice(0, 12)}`) : ''}${state}`];
  for (const a of r.results) {
    if (a.status === 'skipped' && !full) continue;
    const mark = { success: c.green('✓'), denied: c.yellow('⊘'), redirect: c.cyan('↪'), error: c.red('✗'), skipped: c.dim('-') }[a.status];
    out.push(`    ${mark} ${a.action} ${c.dim(`${a.durationMs} ms${full ? ` ${a.handler} ${a.bundle.slice(7, 19)}` : ''}`)}`);
    if (a.console) out.push(a.console.split('\n').map((l) => `        ${c.dim(l)}`).join('\n') + (a.consoleTruncated ? `\n        ${c.dim('…')}` : ''));
    if (a.error) out.push(`        ${c.red(full ? a.error.stack.split('\n').join('\n        ') : `${a.error.name}: ${a.error.message}`)}`);
  }
  if (r.error && !r.results.some((a) => a.error)) out.push(`    ${c.red(`${r.error.name}: ${r.error.message}`)}`);
  for (const p of r.problems ?? []) out.push(`    ${c.red('event')} ${p.pointer || '(root)'}: ${p.message}`);
  return out.join('\n') + '\n';
}

async function token(file: string | undefined): Promise<string> {
  if (file) {
    const text = await readFile(file, 'utf8').catch((e: Error) => {
      throw new UsageError(`cannot read --token-file ${file}: ${e.message}`);
    });
    const t = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
    if (t) return t;
    throw new UsageError(`--token-file ${file} holds no token`);
  }
  const env = process.env['ACTUATE_TOKEN']?.split(',')[0]?.trim();
  if (env) return env;
  throw new UsageError('no token to call the daemon with', 'pass --token-file <file> or set ACTUATE_TOKEN');
}

async function get(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, { headers, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new UsageError(`cannot reach ${url}: ${(e as Error & { cause?: Error }).cause?.message ?? (e as Error).message}`, 'is the daemon running? check --url (or ACTUATE_URL)');
  }
}

async function expectOk<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; hint?: string } };
  if (res.ok) return body as T;
  throw new UsageError(`the daemon answered ${res.status}: ${body.error?.message ?? res.statusText}`, body.error?.hint);
}

async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      yield buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
    }
  }
}
