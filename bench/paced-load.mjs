// Open-loop load for latency at a fixed rate: one request every 1/rate s whatever the answers do
// (a slow answer never delays the next request: it goes out on another connection). Latency is
// measured from the moment a request is written; the client's timers wake at most every
// millisecond, so requests due within one wake-up go out together.
//
// Raw HTTP/1.1 over keep-alive sockets with the request bytes built once (answers must carry a
// content-length, as fastify's do): a request is one socket write and its answer one read. With
// node:http's client the unsandboxed baseline measured a p99 of 11-13 ms at half load on the 2-vCPU
// development machine, and 0.8-1.7 ms with this one: the client's own pauses were being measured.
import net from 'node:net';

/**
 * Sends `rate` requests a second for `seconds` to `url` (POST `body` with `headers`), each on a free
 * keep-alive connection (a new one when all are busy, up to `maxConnections`). The first
 * `warmupSeconds` at that rate are not measured: they open the connections the rate needs and let
 * the server settle after whatever ran before (the figures are the steady state at this rate).
 * With `slowMs`, answers slower than that are split into phases (see slowPhases), medians returned as `slow`.
 * @returns {Promise<{ rps: number, p50: number, p99: number, max: number, ok: number, bad: number, badKinds: Record<string, number>, slow?: { count: number, timed: number, beforeStart: number, inFlow: number, afterEnd: number } }>}
 */
export async function pacedLoad({ url, rate, seconds, body, headers = {}, method = 'POST', maxConnections = 256, warmupSeconds = 0, slowMs }) {
  const target = new URL(url);
  const payload = Buffer.from(body);
  const head = [`${method} ${target.pathname}${target.search} HTTP/1.1`, `host: ${target.host}`, 'connection: keep-alive', `content-length: ${payload.length}`]
    .concat(Object.entries(headers).map(([k, v]) => `${k}: ${v}`)).join('\r\n');
  const request = Buffer.concat([Buffer.from(head + '\r\n\r\n'), payload]);
  const latencies = new Float64Array(Math.ceil(rate * seconds) + 1);
  let done = 0;
  let ok = 0;
  const phases = { beforeStart: [], inFlow: [], afterEnd: [] };
  let bad = 0;
  /** The failures by kind: an answer's status code, or `closed` (the connection ended before an answer). */
  const badKinds = {};
  const failed = (kind) => {
    bad++;
    badKinds[kind] = (badKinds[kind] ?? 0) + 1;
  };
  const idle = [];
  let open = 0;
  let backlog = [];

  const connect = () => {
    open++;
    const socket = net.connect(Number(target.port), target.hostname);
    socket.setNoDelay(true);
    const conn = { socket, startedAt: 0, measured: false, buf: Buffer.alloc(0), ready: false };
    socket.on('connect', () => {
      conn.ready = true;
      release(conn);
    });
    socket.on('data', (chunk) => {
      conn.buf = conn.buf.length === 0 ? chunk : Buffer.concat([conn.buf, chunk]);
      const end = conn.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const header = conn.buf.toString('latin1', 0, end);
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(header)?.[1] ?? 0);
      if (conn.buf.length < end + 4 + length) return;
      if (conn.measured) {
        const latency = performance.now() - conn.startedAt;
        latencies[done++] = latency;
        if (header.startsWith('HTTP/1.1 200')) ok++;
        else failed(header.slice(9, 12));
        if (slowMs !== undefined && latency > slowMs) slowPhases(phases, conn.buf.toString('utf8', end + 4, end + 4 + length), conn.startedAt, latency);
      }
      conn.buf = conn.buf.subarray(end + 4 + length);
      release(conn);
    });
    socket.on('error', () => {}); // 'close' follows
    socket.on('close', () => {
      open--;
      const i = idle.indexOf(conn);
      if (i >= 0) idle.splice(i, 1);
      if (conn.startedAt !== 0 && conn.measured) {
        // The request on it failed (reset, or the server closed the connection).
        latencies[done++] = performance.now() - conn.startedAt;
        failed('closed');
      }
      conn.startedAt = 0;
      if (backlog.length > 0 && open < maxConnections) connect();
    });
  };
  const send = (conn, [sentAt, measured]) => {
    conn.startedAt = sentAt;
    conn.measured = measured;
    conn.socket.write(request);
  };
  const release = (conn) => {
    conn.startedAt = 0;
    if (backlog.length > 0) send(conn, backlog.shift());
    else idle.push(conn);
  };
  const dispatch = (due) => {
    const conn = idle.pop();
    if (conn) return send(conn, due);
    backlog.push(due); // written (and timed from when it was due) once a connection is free
    if (open < maxConnections) connect();
  };

  const total = Math.round(rate * seconds);
  const warm = Math.round(rate * warmupSeconds);
  const start = performance.now();
  let t0 = start;
  for (let i = 0; i < warm + total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (i === warm) t0 = performance.now();
    dispatch([performance.now(), i >= warm]);
  }
  while (done < total) await new Promise((r) => setTimeout(r, 5));
  const elapsed = (performance.now() - t0) / 1000;
  for (const c of idle.splice(0)) c.socket.destroy();
  backlog = [];
  const sorted = latencies.subarray(0, done).sort();
  const at = (p) => sorted[Math.min(done - 1, Math.floor((p / 100) * done))] ?? NaN;
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const slow = slowMs === undefined ? undefined : {
    count: sorted.filter((l) => l > slowMs).length,
    timed: phases.beforeStart.length,
    beforeStart: median(phases.beforeStart), inFlow: median(phases.inFlow), afterEnd: median(phases.afterEnd),
  };
  return { rps: done / elapsed, p50: at(50), p99: at(99), max: sorted[done - 1] ?? NaN, ok, bad, badKinds, slow };
}

/**
 * Where a slow answer's time went, from the flow result it carries: the first action's `startedAt`
 * and the last one's `endedAt` (epoch ms, whole milliseconds) split the latency into the wait before
 * the flow started (the daemon's main thread, dispatch, a worker's queue), the flow itself, and the
 * way back. Answers without them (the baseline's) are left out.
 */
function slowPhases(phases, text, sentAt, latency) {
  const started = /"startedAt":(\d+)/.exec(text);
  const ended = [...text.matchAll(/"endedAt":(\d+)/g)].filter((m) => m[1] !== '0').at(-1);
  if (!started || !ended) return;
  const sent = performance.timeOrigin + sentAt;
  const first = Number(started[1]);
  const last = Number(ended[1]);
  phases.beforeStart.push(first - sent);
  phases.inFlow.push(last - first);
  phases.afterEnd.push(sent + latency - last);
}
