import { describe, expect, it } from 'vitest';
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
