import { describe, expect, it } from 'vitest';
import { DaemonMetrics } from '../../src/daemon/metrics/daemon-metrics.ts';
import { MetricsRegistry } from '../../src/daemon/metrics/registry.ts';

describe('the Prometheus registry', () => {
  it('renders counters, cumulative histograms and sampled gauges in the text format, labels escaped', async () => {
    const r = new MetricsRegistry();
    const c = r.counter('t_total', 'A counter.');
    c.inc({ b: '2', a: 'x"y\\z\n' });
    c.inc({ a: 'x"y\\z\n', b: '2' }, 2);
    const h = r.histogram('d_seconds', 'A histogram.', [0.1, 1]);
    h.observe({ k: 'v' }, 0.05);
    h.observe({ k: 'v' }, 0.5);
    h.observe({ k: 'v' }, 5);
    r.sampled('g', 'A gauge.', () => [[{}, 7]]);
    r.sampled('s_total', 'Kept elsewhere.', async () => [[{ w: '1' }, 3]], 'counter');
    expect(await r.render()).toBe([
      '# HELP t_total A counter.', '# TYPE t_total counter',
      't_total{b="2",a="x\\"y\\\\z\\n"} 3',
      '# HELP d_seconds A histogram.', '# TYPE d_seconds histogram',
      'd_seconds_bucket{k="v",le="0.1"} 1', 'd_seconds_bucket{k="v",le="1"} 2', 'd_seconds_bucket{k="v",le="+Inf"} 3',
      'd_seconds_sum{k="v"} 5.55', 'd_seconds_count{k="v"} 3',
      '# HELP g A gauge.', '# TYPE g gauge', 'g 7',
      '# HELP s_total Kept elsewhere.', '# TYPE s_total counter', 's_total{w="1"} 3',
      '',
    ].join('\n'));
    expect(c.get({ a: 'x"y\\z\n', b: '2' })).toBe(3);
  });
});

/** The daemon's metrics over sources that report an idle daemon. */
function idleDaemonMetrics(): DaemonMetrics {
  return new DaemonMetrics({
    queueDepth: async () => ({ pending: 0, running: 0, dead: 0 }),
    executor: () => ({ busy: 0, queued: 0, workers: 0, recycled: 0, terminated: 0 }) as never,
    served: () => undefined, syncInflight: () => 0, asyncRunning: () => 0, draining: () => 0,
  });
}

describe("the daemon's event-loop delay", () => {
  it('is measured from the first scrape on (0 then), and shows a block of the loop at the next', async () => {
    const metrics = idleDaemonMetrics();
    const p99 = async () => Number(/^nodejs_eventloop_delay_p99_seconds (\S+)$/m.exec(await metrics.render())![1]);
    try {
      expect(await p99()).toBe(0);
      await new Promise((r) => setTimeout(r, 30));
      const until = performance.now() + 120;
      while (performance.now() < until) {
        // blocks the event loop
      }
      await new Promise((r) => setTimeout(r, 30));
      expect(await p99()).toBeGreaterThan(0.09);
    } finally {
      metrics.close();
    }
  });
});

describe("the daemon's garbage-collection pauses", () => {
  it('counts the main thread’s collections by kind while the metrics are open, and stops at close', async () => {
    const metrics = idleDaemonMetrics();
    const minor = async () => Number(/^nodejs_gc_duration_seconds_count\{kind="minor"\} (\d+)$/m.exec(await metrics.render())?.[1] ?? 0);
    // Short-lived garbage, many times the young generation: scavenges for certain.
    const churn = () => {
      let batch: { i: number }[] = [];
      for (let i = 0; i < 2_000_000; i++) {
        batch.push({ i });
        if (batch.length === 1000) batch = [];
      }
      return batch.length;
    };
    const settle = () => new Promise((r) => setTimeout(r, 20)); // GC entries reach observers on a later turn
    try {
      churn();
      await settle();
      const counted = await minor();
      expect(counted).toBeGreaterThan(0);
      expect(await metrics.render()).toMatch(/^nodejs_gc_duration_seconds_bucket\{kind="minor",le="\+Inf"\} \d+$/m);
      metrics.close();
      churn();
      await settle();
      expect(await minor()).toBe(counted);
    } finally {
      metrics.close();
    }
  });
});
