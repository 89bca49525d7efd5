import { expectArray, expectObject, expectString } from './op-args.ts';

/**
 * The host side of the guest's `Intl` (op `sys.intl`, guest chunk `intl`). QuickJS has no `Intl`,
 * and its `toLocaleString` ignores locales and time zones: `date.toLocaleString('en-US', { timeZone:
 * 'America/New_York' })` silently printed UTC, so a business-hours action decided on the wrong hour.
 * Every locale-sensitive operation is answered here by Node's own ICU, so results match Node.
 *
 * Defaults are pinned, not the host's: locale `en-US` and time zone `UTC`, as in Auth0's runtime.
 * A daemon on a host set to `de_DE` or `Europe/Berlin` answers exactly as one set to neither.
 *
 * Stateless like the crypto ops: a guest formatter sends its constructor arguments with each call
 * (as the JSON text it made once), and the host keeps the constructed objects in a bounded cache
 * keyed by that text, since constructing a formatter costs far more than using one.
 */

/** The locale and time zone the sandbox uses where an action names none. */
export const SANDBOX_LOCALE = 'en-US';
export const SANDBOX_TIME_ZONE = 'UTC';

/** The `Intl` constructors the sandbox offers (Node 20's, minus the experimental DurationFormat). */
const KINDS = ['Collator', 'DateTimeFormat', 'DisplayNames', 'ListFormat', 'Locale', 'NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'Segmenter'] as const;
type Kind = (typeof KINDS)[number];

/** Methods callable on a constructed object, per kind (the guest never sends others). */
const METHODS: Readonly<Record<Kind, ReadonlySet<string>>> = {
  Collator: new Set(['resolvedOptions', 'compare']),
  DateTimeFormat: new Set(['resolvedOptions', 'format', 'formatToParts', 'formatRange', 'formatRangeToParts']),
  DisplayNames: new Set(['resolvedOptions', 'of']),
  ListFormat: new Set(['resolvedOptions', 'format', 'formatToParts']),
  Locale: new Set(['info', 'maximize', 'minimize']),
  NumberFormat: new Set(['resolvedOptions', 'format', 'formatToParts', 'formatRange', 'formatRangeToParts']),
  PluralRules: new Set(['resolvedOptions', 'select', 'selectRange']),
  RelativeTimeFormat: new Set(['resolvedOptions', 'format', 'formatToParts']),
  Segmenter: new Set(['resolvedOptions', 'segment']),
};

/** Formatters kept per thread; the least recently used goes first. */
const CACHE_SIZE = 256;
/** Specs longer than this (real ones are under 300 characters) are built for the call and not kept. */
const MAX_CACHED_SPEC_CHARS = 2048;
const cache = new Map<string, object>();

/**
 * `sys.intl`: `[spec, method, ...args]` where `spec` is the JSON text `[kind, locales, options]`,
 * or `['', fn, ...args]` for the namespace's functions (`getCanonicalLocales`, `supportedValuesOf`,
 * `supportedLocalesOf`, `localeCompare`, `toLocaleString`, …).
 */
export function intlOp(args: unknown): unknown {
  const a = expectArray(args, -1, 'Intl arguments');
  const spec = expectString(a[0], 'Intl spec');
  const method = expectString(a[1], 'Intl method');
  const rest = a.slice(2);
  if (spec === '') return namespaceCall(method, rest);
  const [kind, obj] = constructed(spec);
  if (!METHODS[kind].has(method)) throw new TypeError(`Intl.${kind} has no method ${method}`);
  return call(kind, obj, method, rest);
}

// --- internal ---

function constructed(spec: string): [Kind, object] {
  const hit = cache.get(spec);
  if (hit !== undefined) {
    cache.delete(spec);
    cache.set(spec, hit);
    return [kindOf(spec), hit];
  }
  const parsed = expectArray(JSON.parse(spec), 3, 'Intl spec');
  const kind = expectKind(parsed[0]);
  const locales = localesArg(parsed[1]);
  const options = parsed[2] === undefined || parsed[2] === null ? undefined : expectObject(parsed[2], 'Intl options');
  const obj = construct(kind, locales, options);
  if (spec.length > MAX_CACHED_SPEC_CHARS) return [kind, obj];
  cache.set(spec, obj);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return [kind, obj];
}

function kindOf(spec: string): Kind {
  return spec.slice(2, spec.indexOf('"', 2)) as Kind;
}

function expectKind(v: unknown): Kind {
  if (typeof v !== 'string' || !(KINDS as readonly string[]).includes(v)) throw new TypeError(`unknown Intl kind ${String(v)}`);
  return v as Kind;
}

function construct(kind: Kind, locales: string | string[] | undefined, options: Record<string, unknown> | undefined): object {
  if (kind === 'Locale') {
    if (typeof locales !== 'string') throw new TypeError('First argument to Intl.Locale constructor can\'t be empty or missing');
    return new Intl.Locale(locales, options as Intl.LocaleOptions);
  }
  const o = options === undefined ? {} : { ...options };
  if (kind === 'DateTimeFormat' && o.timeZone === undefined) o.timeZone = SANDBOX_TIME_ZONE;
  const C = Intl[kind] as unknown as new (l: string | string[], o: object) => object;
  return new C(withDefault(locales), o);
}

/** The pinned default locale when the action names none (an empty list names none, as in ECMA-402). */
function withDefault(locales: string | string[] | undefined): string | string[] {
  return locales === undefined || (Array.isArray(locales) && locales.length === 0) ? SANDBOX_LOCALE : locales;
}

function localesArg(v: unknown): string | string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  return expectArray(v, -1, 'locales').map((l) => expectString(l, 'locale'));
}

/** Numbers cross as JSON numbers when finite, else tagged: `{s}` special (NaN, ±Infinity, -0), `{b}` BigInt, `{t}` decimal text. */
function num(v: unknown): number | bigint | string {
  if (typeof v === 'number') return v;
  const o = expectObject(v, 'Intl number');
  if (typeof o.s === 'string') return Number(o.s);
  if (typeof o.b === 'string') return BigInt(o.b);
  if (typeof o.t === 'string') return o.t;
  throw new TypeError('Intl number must be a number or a tagged value');
}

function time(v: unknown): number {
  if (typeof v !== 'number') throw new RangeError('Invalid time value');
  return v;
}

function call(kind: Kind, obj: object, method: string, args: unknown[]): unknown {
  switch (kind) {
    case 'Collator':
      return method === 'compare' ? (obj as Intl.Collator).compare(expectString(args[0], 'string'), expectString(args[1], 'string')) : resolved(obj);
    case 'DateTimeFormat': {
      const f = obj as Intl.DateTimeFormat;
      if (method === 'format') return f.format(time(args[0]));
      if (method === 'formatToParts') return f.formatToParts(time(args[0]));
      if (method === 'formatRange') return f.formatRange(time(args[0]), time(args[1]));
      if (method === 'formatRangeToParts') return f.formatRangeToParts(time(args[0]), time(args[1]));
      return resolved(obj);
    }
    case 'DisplayNames':
      return method === 'of' ? (obj as Intl.DisplayNames).of(expectString(args[0], 'code')) ?? null : resolved(obj);
    case 'ListFormat': {
      const f = obj as Intl.ListFormat;
      if (method === 'resolvedOptions') return resolved(obj);
      const list = expectArray(args[0], -1, 'list').map((s) => expectString(s, 'list item'));
      return method === 'format' ? f.format(list) : f.formatToParts(list);
    }
    case 'Locale': {
      const l = obj as Intl.Locale;
      return localeInfo(method === 'maximize' ? l.maximize() : method === 'minimize' ? l.minimize() : l);
    }
    case 'NumberFormat': {
      // Node 20 takes strings and ranges (NumberFormat v3); its bundled types do not say so yet.
      const f = obj as Intl.NumberFormat & { formatRange(a: unknown, b: unknown): string; formatRangeToParts(a: unknown, b: unknown): unknown };
      if (method === 'format') return f.format(num(args[0]) as number);
      if (method === 'formatToParts') return f.formatToParts(num(args[0]) as number);
      if (method === 'formatRange') return f.formatRange(num(args[0]), num(args[1]));
      if (method === 'formatRangeToParts') return f.formatRangeToParts(num(args[0]), num(args[1]));
      return resolved(obj);
    }
    case 'PluralRules': {
      const f = obj as Intl.PluralRules & { selectRange(a: number, b: number): string };
      if (method === 'select') return f.select(num(args[0]) as number);
      if (method === 'selectRange') return f.selectRange(num(args[0]) as number, num(args[1]) as number);
      return resolved(obj);
    }
    case 'RelativeTimeFormat': {
      const f = obj as Intl.RelativeTimeFormat;
      if (method === 'resolvedOptions') return resolved(obj);
      const value = num(args[0]) as number;
      const unit = expectString(args[1], 'unit') as Intl.RelativeTimeFormatUnit;
      return method === 'format' ? f.format(value, unit) : f.formatToParts(value, unit);
    }
    case 'Segmenter': {
      if (method === 'resolvedOptions') return resolved(obj);
      const out: [string, number, boolean?][] = [];
      for (const s of (obj as Intl.Segmenter).segment(expectString(args[0], 'string'))) out.push(s.isWordLike === undefined ? [s.segment, s.index] : [s.segment, s.index, s.isWordLike]);
      return out;
    }
  }
}

function resolved(obj: object): unknown {
  return (obj as { resolvedOptions(): unknown }).resolvedOptions();
}

/** What a guest `Intl.Locale` shows: its tag and every property Node's has. */
function localeInfo(l: Intl.Locale): Record<string, unknown> {
  return {
    tag: l.toString(),
    baseName: l.baseName,
    language: l.language,
    script: l.script,
    region: l.region,
    calendar: l.calendar,
    caseFirst: l.caseFirst,
    collation: l.collation,
    hourCycle: l.hourCycle,
    numberingSystem: l.numberingSystem,
    numeric: l.numeric,
  };
}

/** The functions that need no constructed object, and the built-ins' locale methods. */
function namespaceCall(fn: string, args: unknown[]): unknown {
  switch (fn) {
    case 'getCanonicalLocales':
      return Intl.getCanonicalLocales(localesArg(args[0]));
    case 'supportedValuesOf':
      return Intl.supportedValuesOf(expectString(args[0], 'key') as Parameters<typeof Intl.supportedValuesOf>[0]);
    case 'supportedLocalesOf': {
      const kind = expectKind(args[0]);
      if (kind === 'Locale') throw new TypeError('Intl.Locale has no supportedLocalesOf');
      const options = args[2] === undefined || args[2] === null ? undefined : expectObject(args[2], 'options');
      return (Intl[kind] as unknown as { supportedLocalesOf(l: unknown, o: unknown): string[] }).supportedLocalesOf(localesArg(args[1]), options);
    }
    case 'localeCompare': {
      const options = args[3] === undefined || args[3] === null ? undefined : expectObject(args[3], 'options');
      return (constructedFor('Collator', args[2], options) as Intl.Collator).compare(expectString(args[0], 'string'), expectString(args[1], 'string'));
    }
    case 'toLocaleUpperCase':
    case 'toLocaleLowerCase': {
      const s = expectString(args[0], 'string');
      const l = withDefault(localesArg(args[1]));
      return fn === 'toLocaleUpperCase' ? s.toLocaleUpperCase(l) : s.toLocaleLowerCase(l);
    }
    case 'toLocaleString':
    case 'toLocaleDateString':
    case 'toLocaleTimeString': {
      const options = args[2] === undefined || args[2] === null ? {} : { ...expectObject(args[2], 'options') };
      if (options.timeZone === undefined) options.timeZone = SANDBOX_TIME_ZONE;
      const t = time(args[0]);
      // Styles: the host's own method, which also raises Node's errors for the wrong style.
      if (options.dateStyle !== undefined || options.timeStyle !== undefined) {
        return new Date(t)[fn](withDefault(localesArg(args[1])), options as Intl.DateTimeFormatOptions);
      }
      // Otherwise a cached formatter with ECMA-402's default fields: building one per call was
      // most of a call's ~145 µs.
      const withFields = dateDefaults(fn, options);
      return (constructedFor('DateTimeFormat', args[1], withFields) as Intl.DateTimeFormat).format(t);
    }
    case 'numberToLocaleString': {
      const options = args[2] === undefined || args[2] === null ? undefined : expectObject(args[2], 'options');
      return (constructedFor('NumberFormat', args[1], options) as Intl.NumberFormat).format(num(args[0]) as number);
    }
  }
  throw new TypeError(`Intl has no function ${fn}`);
}

const DATE_FIELDS = ['weekday', 'year', 'month', 'day'];
const TIME_FIELDS = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];

/** ECMA-402's ToDateTimeOptions for Date's locale methods: numeric date and/or time fields when none is asked for. */
function dateDefaults(fn: 'toLocaleString' | 'toLocaleDateString' | 'toLocaleTimeString', options: Record<string, unknown>): Record<string, unknown> {
  const date = fn !== 'toLocaleTimeString';
  const timeToo = fn !== 'toLocaleDateString';
  const asked = (date && DATE_FIELDS.some((f) => options[f] !== undefined)) || (timeToo && TIME_FIELDS.some((f) => options[f] !== undefined));
  if (asked) return options;
  const out = { ...options };
  if (date) Object.assign(out, { year: 'numeric', month: 'numeric', day: 'numeric' });
  if (timeToo) Object.assign(out, { hour: 'numeric', minute: 'numeric', second: 'numeric' });
  return out;
}

/** A cached object for the built-ins' locale methods, sharing the cache with the guest's formatters. */
function constructedFor(kind: Kind, locales: unknown, options: Record<string, unknown> | undefined): object {
  return constructed(JSON.stringify([kind, locales ?? null, options ?? null]))[1];
}
