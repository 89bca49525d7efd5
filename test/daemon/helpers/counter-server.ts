import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** A loopback HTTP server counting `POST /hit?id=<id>`: how many times each async execution reached it. */
export interface CounterServer {
  readonly url: string;
  readonly counts: Map<string, number>;
  total(): number;
  /** Answer with this status from now on (e.g. 500 to make executions fail). */
  setStatus(status: number): void;
  /** Holds every answer (hits are still counted on arrival) until the returned function is called. */
  hold(): () => void;
}

export async function startCounterServer(cleanup: (fn: () => void | Promise<void>) => void = onTestFinished): Promise<CounterServer> {
  const counts = new Map<string, number>();
  let status = 200;
  let total = 0;
  let held: (() => void)[] | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    req.resume();
    if (url.pathname === '/hit') {
      const id = url.searchParams.get('id') ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
      total++;
    }
    const answer = () => res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    if (held) held.push(answer);
    else answer();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    total: () => total,
    setStatus: (s) => (status = s),
    hold: () => {
      const waiting: (() => void)[] = [];
      held = waiting;
      return () => {
        if (held === waiting) held = undefined;
        for (const answer of waiting.splice(0)) answer();
      };
    },
  };
}
