import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSandboxModule, loadSandboxContext } from './index.ts';
import type { SandboxModule } from './index.ts';

/**
 * The guest's Intl and locale-sensitive built-ins against Node's own, expression by expression.
 * The reference runs in a child `node` set to the sandbox's pinned defaults (TZ=UTC, en-US); the
 * sandbox runs in this process, whose own time zone the last test moves elsewhere.
 */

let module: SandboxModule;
beforeAll(async () => {
  module = await createSandboxModule();
});

const D = 'new Date(Date.UTC(2024, 0, 15, 13, 5, 7, 89))';
const EXPRESSIONS = [
  // Date's locale methods: defaults, locales, time zones, option defaults per method.
  `${D}.toLocaleString()`,
  `${D}.toLocaleDateString()`,
  `${D}.toLocaleTimeString()`,
  `${D}.toLocaleString('en-US', { timeZone: 'America/New_York' })`,
  `${D}.toLocaleString('de-DE', { timeZone: 'Europe/Berlin' })`,
  `${D}.toLocaleDateString('de-DE')`,
  `${D}.toLocaleDateString(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' })`,
  `${D}.toLocaleTimeString('en-GB', { timeZone: 'Asia/Kolkata', hour12: false })`,
  `${D}.toLocaleString('ja-JP-u-ca-japanese', { era: 'long' })`,
  `${D}.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })`,
  `new Date(NaN).toLocaleString()`,
  // ECMA-402's default fields per method, and the styles each refuses.
  `[${D}.toLocaleDateString('en-US', { hour: 'numeric' }), ${D}.toLocaleTimeString('en-US', { weekday: 'long' }), ${D}.toLocaleString('en-US', { month: 'long' }), ${D}.toLocaleString('en-US', { dateStyle: 'medium' })]`,
  `${D}.toLocaleTimeString('en', { dateStyle: 'short' })`,
  `${D}.toLocaleDateString('en', { timeStyle: 'short' })`,
  // Local time is UTC in the sandbox, as in Auth0's runtime.
  `[${D}.getHours(), ${D}.getTimezoneOffset(), new Date(2024, 0, 15, 13, 5).getTime(), Date.parse('2024-07-15T13:05:00'), new Date(2024, 6, 1).getTimezoneOffset()]`,
  `[${D}.toString(), ${D}.toTimeString(), ${D}.toDateString(), String(new Date(NaN)), 'at ' + new Date(0), \`\${new Date(0)}\`]`,
  `Number(${D}.toLocaleString('en-US', { timeZone: 'America/New_York', hour: 'numeric', hour12: false }))`,
  // DateTimeFormat
  `new Intl.DateTimeFormat().resolvedOptions()`,
  `Intl.DateTimeFormat().resolvedOptions().timeZone`,
  `new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', hour: 'numeric', hourCycle: 'h23' }).format(${D})`,
  `new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'long', timeZone: 'Europe/Paris' }).formatToParts(${D})`,
  `new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).formatRange(${D}, new Date(Date.UTC(2024, 1, 3)))`,
  `new Intl.DateTimeFormat('en', { year: 'numeric' }).formatRangeToParts(${D}, new Date(Date.UTC(2026, 1, 3)))`,
  `new Intl.DateTimeFormat('en', { fractionalSecondDigits: 3, second: 'numeric' }).format(${D}.getTime())`,
  `new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', timeZoneName: 'short' }).format(0)`,
  `[0, 86400000].map(new Intl.DateTimeFormat('en-GB').format)`,
  `new Intl.DateTimeFormat('en', { timeZone: 'Mars/Olympus' })`,
  `new Intl.DateTimeFormat('en').format(NaN)`,
  `new Intl.DateTimeFormat('en', { dateStyle: 'short', year: 'numeric' })`,
  // NumberFormat and Number/BigInt toLocaleString
  `(1234567.891).toLocaleString()`,
  `(1234567.891).toLocaleString('de-DE')`,
  `(0.256).toLocaleString('en', { style: 'percent', maximumFractionDigits: 1 })`,
  `(12345678901234567890n).toLocaleString('en-IN')`,
  `new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1234567.891)`,
  `new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).formatToParts(-5000)`,
  `new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'short' }).format(1234567)`,
  `new Intl.NumberFormat('en', { style: 'unit', unit: 'kilometer-per-hour', unitDisplay: 'long' }).format(50)`,
  `new Intl.NumberFormat('en', { signDisplay: 'always' }).format(-0)`,
  `[NaN, Infinity, -Infinity, -0, 1e21, 5e-7].map((x) => new Intl.NumberFormat('en').format(x))`,
  `new Intl.NumberFormat('en', { maximumFractionDigits: 20 }).format('1234567890123456789.123456789')`,
  `new Intl.NumberFormat('en').format(2n ** 70n)`,
  `new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).formatRange(3, 5)`,
  `new Intl.NumberFormat('en').formatRangeToParts(1000, 2000)`,
  `new Intl.NumberFormat('en', { minimumIntegerDigits: 3, useGrouping: false }).resolvedOptions()`,
  `new Intl.NumberFormat('en', { style: 'currency' })`,
  `new Intl.NumberFormat('en', { maximumFractionDigits: 200 })`,
  `new Intl.NumberFormat(null)`,
  `[1, 22, 333].map(new Intl.NumberFormat('fr').format)`,
  // Collator and String's locale methods
  `['b', 'a', 'ä', 'Z', 'z', 'A'].sort(new Intl.Collator('de').compare)`,
  `['b', 'a', 'ä', 'Z', 'z', 'A'].sort((x, y) => x.localeCompare(y))`,
  `['résumé', 'resume', 'Resume'].sort(Intl.Collator('en', { sensitivity: 'base' }).compare)`,
  `['a10', 'a2', 'a1'].sort(new Intl.Collator(undefined, { numeric: true }).compare)`,
  `['a'.localeCompare('B'), 'a'.localeCompare('A', undefined, { sensitivity: 'base' }), 'ä'.localeCompare('z', 'sv'), 'ä'.localeCompare('z', 'de')]`,
  `new Intl.Collator('de-u-co-phonebk').resolvedOptions()`,
  `['i'.toLocaleUpperCase('tr'), 'I'.toLocaleLowerCase('tr'), 'istanbul'.toLocaleUpperCase(), 'ΑΣ'.toLocaleLowerCase('el')]`,
  // The other constructors
  `[0, 1, 2, 5].map((n) => new Intl.PluralRules('en-US').select(n))`,
  `[1, 2, 3, 4, 11, 22].map((n) => new Intl.PluralRules('en', { type: 'ordinal' }).select(n))`,
  `[new Intl.PluralRules('ar').select(3), new Intl.PluralRules('en').selectRange(1, 5), new Intl.PluralRules('ru').resolvedOptions().pluralCategories]`,
  `[-1, 0, 1, 2].map((n) => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(n, 'day'))`,
  `new Intl.RelativeTimeFormat('es').formatToParts(-3, 'hours')`,
  `new Intl.RelativeTimeFormat('en').format(1, 'fortnight')`,
  `new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(['a', 'b', 'c'])`,
  `new Intl.ListFormat('de', { type: 'disjunction' }).formatToParts(new Set(['x', 'y']))`,
  `new Intl.ListFormat('en').format(['a', 1])`,
  `[new Intl.DisplayNames(['en'], { type: 'region' }).of('DE'), new Intl.DisplayNames('de', { type: 'language' }).of('en-US'), new Intl.DisplayNames('en', { type: 'currency' }).of('JPY')]`,
  `new Intl.DisplayNames('en', { type: 'region', fallback: 'none' }).of('QZ')`,
  `[...new Intl.Segmenter('en', { granularity: 'word' }).segment('Hello, wide world!')].filter((s) => s.isWordLike).map((s) => [s.segment, s.index])`,
  `[...new Intl.Segmenter().segment('e\\u0301🏳️‍🌈x')].map((s) => s.segment)`,
  `new Intl.Segmenter('en', { granularity: 'sentence' }).segment('One. Two! Three?').containing(6)`,
  `(() => { const l = new Intl.Locale('en-Latn-US', { calendar: 'gregory', hourCycle: 'h12' }); return [l.toString(), l.baseName, l.language, l.script, l.region, l.calendar, l.hourCycle, l.numeric]; })()`,
  `[new Intl.Locale('zh').maximize().toString(), new Intl.Locale('en-Latn-US').minimize().toString(), new Intl.Locale('de', { region: 'AT' }).region]`,
  `new Intl.NumberFormat(new Intl.Locale('de-CH')).format(1234.5)`,
  `new Intl.Locale('en_US')`,
  `Intl.getCanonicalLocales(['EN-us', 'de-de', 'en-US'])`,
  `Intl.getCanonicalLocales('en_US')`,
  `[Intl.supportedValuesOf('currency').includes('EUR'), Intl.supportedValuesOf('timeZone').includes('America/New_York')]`,
  `Intl.NumberFormat.supportedLocalesOf(['de-DE', 'tlh'])`,
  // The namespace's shape
  `[typeof Intl, Object.prototype.toString.call(Intl), Object.keys(Intl), Object.getOwnPropertyNames(Intl).sort()]`,
  `[Object.prototype.toString.call(new Intl.NumberFormat()), Intl.DateTimeFormat('en') instanceof Intl.DateTimeFormat, Intl.DateTimeFormat.length, Intl.Locale.length, Intl.Collator.name]`,
  `Intl.PluralRules.prototype.select.call({}, 1)`,
  `Intl.PluralRules()`,
  `(() => { class Money extends Intl.NumberFormat { constructor() { super('en', { style: 'currency', currency: 'USD' }); } } return new Money().format(9.5); })()`,
  `[1234.5, new Date(0), null, 'x'].toLocaleString('de-DE')`,
];

const HARNESS = `(exprs) => exprs.map((src) => {
  try { const v = (0, eval)(src); return { v: v === undefined ? '(undefined)' : JSON.parse(JSON.stringify(v)) }; }
  catch (e) { return { e: e.name + ': ' + e.message }; }
})`;

function nodeResults(): unknown[] {
  const out = execFileSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify((${HARNESS})(JSON.parse(process.argv[1]))))`, JSON.stringify(EXPRESSIONS)], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  });
  return JSON.parse(out) as unknown[];
}

async function sandboxResults(): Promise<unknown[]> {
  const r = await loadSandboxContext(module, {
    bundle: `var __actuate_action = { h: async (event) => {
      for (const r of (${HARNESS})(event.exprs)) console.info(JSON.stringify(r));
    } };`,
    limits: { consoleMaxEntries: 1000, consoleMaxChars: 1 << 20, consoleEntryChars: 64 * 1024 },
  });
  if (!r.ok) throw new Error(`load failed: ${r.error.stack}`);
  try {
    const result = await r.context.invoke('h', JSON.stringify({ exprs: EXPRESSIONS }));
    if (!result.ok) throw new Error(`${result.kind}: ${result.error.stack}`);
    return result.logs.map((l) => JSON.parse(l.message) as unknown);
  } finally {
    r.context.dispose();
  }
}

describe('Intl and the locale methods', () => {
  const savedTz = process.env.TZ;
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  test('every expression gives what Node gives (values, parts, resolved options and errors)', async () => {
    const expected = nodeResults();
    const got = await sandboxResults();
    expect(got).toHaveLength(EXPRESSIONS.length);
    const differences = EXPRESSIONS.flatMap((src, i) => (JSON.stringify(got[i]) === JSON.stringify(expected[i]) ? [] : [{ src, sandbox: got[i], node: expected[i] }]));
    expect(differences).toEqual([]);
  });

  test('the defaults are en-US and UTC whatever the host is set to', async () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(new Date(0).getTimezoneOffset()).toBe(-540);
    const got = await sandboxResults();
    const at = (src: string) => got[EXPRESSIONS.indexOf(src)];
    expect(at(`${D}.toLocaleString()`)).toEqual({ v: '1/15/2024, 1:05:07 PM' });
    expect(at('Intl.DateTimeFormat().resolvedOptions().timeZone')).toEqual({ v: 'UTC' });
    expect((at(EXPRESSIONS.find((e) => e.includes(".getHours()"))!) as { v: unknown[] }).v.slice(0, 2)).toEqual([13, 0]);
  });
});
