/**
 * The JSON text each action of a flow receives as its event.
 *
 * Parsing JSON inside QuickJS costs about 18 µs per KB on this machine, and an Auth0 event is 3–6 KB,
 * so the event is the largest part of a warm invocation. The compiler records what an action's
 * handlers read (`eventReads` in the manifest, found conservatively; absent when it could not tell):
 * whole top-level sections (`"request"`) or single fields of one (`"user.email"`). Such an action
 * receives only those: `event.user` is then an object with just the fields it reads. Pieces are
 * serialised once per version of the flow's event and shared by every action that reads them.
 */
export class EventJson {
  readonly #event: Readonly<Record<string, unknown>>;
  #full: string | undefined;
  readonly #sections = new Map<string, string | undefined>();
  readonly #projections = new Map<string, string | undefined>();

  constructor(event: Readonly<Record<string, unknown>>) {
    this.#event = event;
  }

  /**
   * The event an action receives, with its own `secrets` (JSON text) added: the whole event, or
   * only `reads` (the sections its handlers read) when the build found them.
   */
  forAction(reads: readonly string[] | undefined, secretsJson: string): string {
    const body = reads === undefined ? this.#wholeBody() : this.#partialBody(reads);
    return body === '' ? `{"secrets":${secretsJson}}` : `{${body},"secrets":${secretsJson}}`;
  }

  /** The whole event's JSON without its braces ('' when it has no properties). */
  #wholeBody(): string {
    this.#full ??= JSON.stringify(this.#event).slice(1, -1);
    return this.#full;
  }

  #partialBody(reads: readonly string[]): string {
    let body = '';
    for (const { key, fields, id } of planOf(reads)) {
      if (key === 'secrets') continue;
      const value = fields === undefined ? this.#section(key) : this.#projection(key, fields, id);
      if (value === undefined) continue;
      body += `${body === '' ? '' : ','}${JSON.stringify(key)}:${value}`;
    }
    return body;
  }

  /**
   * Section `key` with only `fields` (`id` names that pair in the cache); the whole section when it
   * is not a plain object (then field reads behave the same).
   */
  #projection(key: string, fields: readonly string[], id: string): string | undefined {
    if (this.#projections.has(id)) return this.#projections.get(id);
    const section = Object.hasOwn(this.#event, key) ? this.#event[key] : undefined;
    let value: string | undefined;
    if (section === null || typeof section !== 'object' || Array.isArray(section)) value = this.#section(key);
    else {
      const record = section as Record<string, unknown>;
      const parts: string[] = [];
      for (const f of fields) {
        const v = Object.hasOwn(record, f) ? (JSON.stringify(record[f]) as string | undefined) : undefined;
        if (v !== undefined) parts.push(`${JSON.stringify(f)}:${v}`);
      }
      value = `{${parts.join(',')}}`;
    }
    this.#projections.set(id, value);
    return value;
  }

  #section(key: string): string | undefined {
    if (this.#sections.has(key)) return this.#sections.get(key);
    const value = Object.hasOwn(this.#event, key) ? (JSON.stringify(this.#event[key]) as string | undefined) : undefined;
    this.#sections.set(key, value);
    return value;
  }
}

/**
 * Each section an action reads, with the fields it reads of it (undefined: the whole section) and,
 * for a projection, the key of its cache entry (made once here, not per execution).
 */
type ReadPlan = readonly { readonly key: string; readonly fields: readonly string[] | undefined; readonly id: string }[];

const plans = new WeakMap<readonly string[], ReadPlan>();

/** Groups `["request", "user.email", "user.name"]` by section; a whole-section read wins over its fields. */
function planOf(reads: readonly string[]): ReadPlan {
  let plan = plans.get(reads);
  if (plan !== undefined) return plan;
  const grouped = new Map<string, string[] | undefined>();
  for (const read of reads) {
    const dot = read.indexOf('.');
    const key = dot === -1 ? read : read.slice(0, dot);
    if (dot === -1) grouped.set(key, undefined);
    else if (!grouped.has(key) || grouped.get(key) !== undefined) grouped.set(key, [...(grouped.get(key) ?? []), read.slice(dot + 1)]);
  }
  plan = [...grouped].map(([key, fields]) => ({ key, fields, id: fields === undefined ? '' : JSON.stringify([key, fields]) }));
  plans.set(reads, plan);
  return plan;
}
