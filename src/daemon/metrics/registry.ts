/**
 * A minimal Prometheus registry: counters, histograms and gauges read at scrape time, rendered in
 * the text exposition format (version 0.0.4). Written here rather than taken from prom-client
 * because the daemon needs a dozen series and no default process collectors or global state.
 */

export type Labels = Readonly<Record<string, string>>;

interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  render(out: string[]): void;
}

/** A monotonically increasing count per label set. */
export class Counter {
  readonly #series = new Map<string, { labels: Labels; value: number }>();
  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    const s = this.#series.get(key);
    if (s) s.value += by;
    else this.#series.set(key, { labels, value: by });
  }
  /** For tests and status: the current value of one label set. */
  get(labels: Labels = {}): number {
    return this.#series.get(labelKey(labels))?.value ?? 0;
  }
  /** @internal */
  renderInto(name: string, out: string[]): void {
    for (const s of sorted(this.#series)) out.push(`${name}${formatLabels(s.labels)} ${formatNumber(s.value)}`);
  }
}

/** Observations bucketed cumulatively, with their sum and count, per label set. */
export class Histogram {
  readonly #buckets: readonly number[];
  readonly #series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(buckets: readonly number[]) {
    this.#buckets = [...buckets].sort((a, b) => a - b);
  }
  observe(labels: Labels, value: number): void {
    const key = labelKey(labels);
    let s = this.#series.get(key);
    if (!s) {
      s = { labels, counts: this.#buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, s);
    }
    for (let i = 0; i < this.#buckets.length; i++) if (value <= this.#buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  /** @internal */
  renderInto(name: string, out: string[]): void {
    for (const s of sorted(this.#series)) {
      for (let i = 0; i < this.#buckets.length; i++) {
        out.push(`${name}_bucket${formatLabels({ ...s.labels, le: formatNumber(this.#buckets[i]!) })} ${s.counts[i]}`);
      }
      out.push(`${name}_bucket${formatLabels({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${name}_sum${formatLabels(s.labels)} ${formatNumber(s.sum)}`);
      out.push(`${name}_count${formatLabels(s.labels)} ${s.count}`);
    }
  }
}

/** A value per label set read when scraped (queue depth, pool usage, memory). */
export type GaugeReader = () => Iterable<readonly [Labels, number]> | Promise<Iterable<readonly [Labels, number]>>;

/** Holds metric families in registration order and renders them. */
export class MetricsRegistry {
  readonly #families: Family[] = [];
  readonly #gauges: { name: string; help: string; type: 'gauge' | 'counter'; read: GaugeReader }[] = [];

  counter(name: string, help: string): Counter {
    const c = new Counter();
    this.#families.push({ name, help, type: 'counter', render: (out) => c.renderInto(name, out) });
    return c;
  }

  histogram(name: string, help: string, buckets: readonly number[]): Histogram {
    const h = new Histogram(buckets);
    this.#families.push({ name, help, type: 'histogram', render: (out) => h.renderInto(name, out) });
    return h;
  }

  /** Samples read at scrape time: a gauge, or a counter kept elsewhere (e.g. by the executor). */
  sampled(name: string, help: string, read: GaugeReader, type: 'gauge' | 'counter' = 'gauge'): void {
    this.#gauges.push({ name, help, type, read });
  }

  /** The text exposition: `# HELP`, `# TYPE`, then samples, one family after the other. */
  async render(): Promise<string> {
    const out: string[] = [];
    for (const f of this.#families) {
      out.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
      f.render(out);
    }
    for (const g of this.#gauges) {
      out.push(`# HELP ${g.name} ${escapeHelp(g.help)}`, `# TYPE ${g.name} ${g.type}`);
      for (const [labels, value] of await g.read()) out.push(`${g.name}${formatLabels(labels)} ${formatNumber(value)}`);
    }
    return out.join('\n') + '\n';
  }
}

// --- internal ---

/**
 * The series key of a label set, whatever the order its names were written in. Called for every
 * observation (five per flow request), so the few names are put in order in place, by insertion:
 * `Array.prototype.sort` copies its array first, which was the largest allocation of the main
 * thread per request after the bodies and records.
 */
function labelKey(labels: Labels): string {
  const names = Object.keys(labels);
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!;
    let j = i - 1;
    for (; j >= 0 && names[j]! > name; j--) names[j + 1] = names[j]!;
    names[j + 1] = name;
  }
  let key = '';
  for (let i = 0; i < names.length; i++) key += `${i === 0 ? '' : '\u0001'}${names[i]}\u0000${labels[names[i]!]}`;
  return key;
}

function sorted<T extends { labels: Labels }>(series: Map<string, T>): T[] {
  return [...series.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, s]) => s);
}

function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${escapeLabel(labels[k]!)}"`).join(',')}}`;
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}
