/**
 * Guest chunk `intl`: the `Intl` namespace, and what the prelude's locale-sensitive built-ins
 * (`Date#toLocaleString`, `Number#toLocaleString`, `String#localeCompare`, …) call. QuickJS has
 * no ICU; every answer comes from the host's (op `sys.intl`, sandbox/host-intl.ts), so formats,
 * time zones and collation match Node's exactly. Defaults are pinned to `en-US` and `UTC`.
 *
 * A formatter keeps its constructor arguments as JSON text (its `spec`) and sends it with each
 * call; the host caches what it built for that text. Constructing validates at once (a bad time
 * zone is a RangeError from the constructor, as in Node), and `resolvedOptions()` is read then.
 */
export const INTL_CHUNK = String.raw`(function (I) {
'use strict';
const defineProperty = Object.defineProperty, JSONstringify = JSON.stringify;
const dateValue = Date.prototype.getTime, numberValue = Number.prototype.valueOf, bigintValue = BigInt.prototype.valueOf;
const upper = String.prototype.toUpperCase, lower = String.prototype.toLowerCase;
function intl(spec, method, args) { return I.call('sys.intl', [spec, method].concat(args)); }
const state = new WeakMap();

// ---- arguments, as ECMA-402 reads them ----
function localeList(locales) {
  if (locales === undefined) return null;
  if (typeof locales === 'string') return locales;
  if (locales === null) throw new TypeError('Cannot convert undefined or null to object');
  if (state.has(locales) && state.get(locales).kind === 'Locale') return [state.get(locales).info.tag];
  const o = Object(locales), n = Math.min(Math.max(Math.trunc(Number(o.length)) || 0, 0), 1e4), out = [];
  for (let k = 0; k < n; k++) {
    if (!(k in o)) continue;
    const v = o[k];
    if (typeof v === 'string') out.push(v);
    else if (v !== null && typeof v === 'object') out.push(state.has(v) && state.get(v).kind === 'Locale' ? state.get(v).info.tag : String(v));
    else throw new TypeError('Language ID should be string or object.');
  }
  return out;
}
function options(o) {
  if (o === undefined) return null;
  if (o === null) throw new TypeError('Cannot convert undefined or null to object');
  const out = {};
  for (const k in o) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    out[k] = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : String(v);
  }
  return out;
}
/** A number for the host: finite numbers as themselves, the rest tagged (see host-intl.ts). */
function tag(x) {
  if (typeof x === 'bigint') return { b: String(x) };
  if (typeof x === 'string') return { t: x };
  return Number.isFinite(x) && !Object.is(x, -0) ? x : { s: Object.is(x, -0) ? '-0' : String(x) };
}
/** ECMA-402's ToIntlMathematicalValue: BigInts and numeric strings stay exact. */
function mathValue(x) {
  if (x !== null && (typeof x === 'object' || typeof x === 'function')) x = typeof x[Symbol.toPrimitive] === 'function' ? x[Symbol.toPrimitive]('number') : x.valueOf();
  return tag(typeof x === 'bigint' || typeof x === 'string' ? x : toNumber(x));
}
function toNumber(x) {
  if (typeof x === 'bigint') throw new TypeError('Cannot convert a BigInt value to a number');
  return Number(x);
}
function timeValue(date) {
  const t = date === undefined ? Date.now() : toNumber(date);
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new RangeError('Invalid time value');
  return Math.trunc(t) + 0;
}

// ---- constructors ----
function describe(v) { return v === null ? 'null' : typeof v === 'object' ? '#<' + ((v.constructor && v.constructor.name) || 'Object') + '>' : String(v); }
function self(that, kind, name) {
  const s = that !== null && typeof that === 'object' ? state.get(that) : undefined;
  if (s === undefined || s.kind !== kind) throw new TypeError('Method Intl.' + kind + '.prototype.' + name + ' called on incompatible receiver ' + describe(that));
  return s;
}
function hidden(o, name, value) { defineProperty(o, name, { value, writable: true, configurable: true, enumerable: false }); }
/**
 * One Intl constructor. legacy: callable without new (Collator, DateTimeFormat, NumberFormat).
 * methods: name -> [length, (state, ...args) => result]; bound: the getter returning a bound method.
 */
function define(kind, legacy, methods, bound) {
  const C = { [kind]: function (locales = undefined, opts = undefined) {
    if (new.target === undefined && !legacy) throw new TypeError("Constructor Intl." + kind + " requires 'new'");
    const that = new.target === undefined ? Object.create(C.prototype) : this;
    const spec = JSONstringify([kind, localeList(locales), options(opts)]);
    state.set(that, { kind, spec, resolved: intl(spec, 'resolvedOptions', []), bound: undefined });
    return that;
  } }[kind];
  const proto = C.prototype;
  hidden(proto, 'resolvedOptions', { resolvedOptions() { return Object.assign({}, self(this, kind, 'resolvedOptions').resolved); } }.resolvedOptions);
  for (const name of Object.keys(methods)) {
    const [length, fn] = methods[name];
    const m = { [name](...args) { return fn(self(this, kind, name), ...args); } }[name];
    defineProperty(m, 'length', { value: length });
    hidden(proto, name, m);
  }
  if (bound !== undefined) {
    const [name, length, fn] = bound;
    defineProperty(proto, name, { configurable: true, enumerable: false, get: { ['get ' + name]() {
      const s = self(this, kind, name);
      if (s.bound === undefined) {
        s.bound = { [''](...args) { return fn(s, ...args); } }[''];
        defineProperty(s.bound, 'length', { value: length });
      }
      return s.bound;
    } }['get ' + name] });
  }
  defineProperty(proto, Symbol.toStringTag, { value: 'Intl.' + kind, configurable: true });
  hidden(C, 'supportedLocalesOf', { supportedLocalesOf(locales, opts = undefined) { return intl('', 'supportedLocalesOf', [kind, localeList(locales), options(opts)]); } }.supportedLocalesOf);
  defineProperty(C, 'prototype', { writable: false });
  return C;
}
const Collator = define('Collator', true, {}, ['compare', 2, (s, a, b) => intl(s.spec, 'compare', [String(a), String(b)])]);
const DateTimeFormat = define('DateTimeFormat', true, {
  formatToParts: [1, (s, d) => intl(s.spec, 'formatToParts', [timeValue(d)])],
  formatRange: [2, (s, a, b) => range(s, 'formatRange', a, b)],
  formatRangeToParts: [2, (s, a, b) => range(s, 'formatRangeToParts', a, b)],
}, ['format', 1, (s, d) => intl(s.spec, 'format', [timeValue(d)])]);
function range(s, method, a, b) {
  if (a === undefined || b === undefined) throw new TypeError('startDate and endDate are required');
  return intl(s.spec, method, [timeValue(a), timeValue(b)]);
}
const NumberFormat = define('NumberFormat', true, {
  formatToParts: [1, (s, x) => intl(s.spec, 'formatToParts', [mathValue(x)])],
  formatRange: [2, (s, a, b) => numberRange(s, 'formatRange', a, b)],
  formatRangeToParts: [2, (s, a, b) => numberRange(s, 'formatRangeToParts', a, b)],
}, ['format', 1, (s, x) => intl(s.spec, 'format', [mathValue(x)])]);
function numberRange(s, method, a, b) {
  if (a === undefined || b === undefined) throw new TypeError('start and end are required');
  return intl(s.spec, method, [mathValue(a), mathValue(b)]);
}
const PluralRules = define('PluralRules', false, {
  select: [1, (s, n) => intl(s.spec, 'select', [tag(toNumber(n))])],
  selectRange: [2, (s, a, b) => {
    if (a === undefined || b === undefined) throw new TypeError('start and end are required');
    return intl(s.spec, 'selectRange', [tag(toNumber(a)), tag(toNumber(b))]);
  }],
});
const RelativeTimeFormat = define('RelativeTimeFormat', false, {
  format: [2, (s, v, unit) => intl(s.spec, 'format', [tag(toNumber(v)), String(unit)])],
  formatToParts: [2, (s, v, unit) => intl(s.spec, 'formatToParts', [tag(toNumber(v)), String(unit)])],
});
function strings(list) {
  if (list === undefined) return [];
  const out = [];
  for (const v of list) {
    if (typeof v !== 'string') throw new TypeError('Iterable yielded ' + describe(v) + ' which is not a string');
    out.push(v);
  }
  return out;
}
const ListFormat = define('ListFormat', false, {
  format: [1, (s, list) => intl(s.spec, 'format', [strings(list)])],
  formatToParts: [1, (s, list) => intl(s.spec, 'formatToParts', [strings(list)])],
});
const DisplayNames = define('DisplayNames', false, {
  of: [1, (s, code) => { const r = intl(s.spec, 'of', [String(code)]); return r === null ? undefined : r; }],
});
const Segmenter = define('Segmenter', false, {
  segment: [1, (s, input) => segments(s, String(input))],
});
function segments(s, input) {
  const list = intl(s.spec, 'segment', [input]);
  const make = (e) => { const o = { segment: e[0], index: e[1], input }; if (e.length > 2) o.isWordLike = e[2]; return o; };
  const Segments = {
    containing(index = 0) {
      const i = Math.trunc(Number(index)) || 0;
      if (i < 0 || i >= input.length) return undefined;
      let lo = 0, hi = list.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (list[mid][1] <= i) lo = mid; else hi = mid - 1; }
      return make(list[lo]);
    },
    [Symbol.iterator]() {
      let k = 0;
      return { next() { return k < list.length ? { value: make(list[k++]), done: false } : { value: undefined, done: true }; }, [Symbol.iterator]() { return this; } };
    },
  };
  return Segments;
}

// Locale: its properties are read once from the host; maximize and minimize make new ones.
function Locale(tagArg, opts = undefined) {
  if (new.target === undefined) throw new TypeError("Constructor Intl.Locale requires 'new'");
  let t = tagArg;
  if (t !== null && typeof t === 'object' && state.has(t) && state.get(t).kind === 'Locale') t = state.get(t).info.tag;
  else if (typeof t !== 'string' && (t === null || typeof t !== 'object')) throw new TypeError("First argument to Intl.Locale constructor can't be empty or missing");
  const spec = JSONstringify(['Locale', String(t), options(opts)]);
  state.set(this, { kind: 'Locale', spec, info: intl(spec, 'info', []) });
}
const LOCALE_FIELDS = ['baseName', 'language', 'script', 'region', 'calendar', 'caseFirst', 'collation', 'hourCycle', 'numberingSystem', 'numeric'];
for (const f of LOCALE_FIELDS) {
  defineProperty(Locale.prototype, f, { configurable: true, enumerable: false, get: { ['get ' + f]() { const v = self(this, 'Locale', f).info[f]; return v === null ? undefined : v; } }['get ' + f] });
}
function derived(s, method) { const l = new Locale(s.info.tag); state.get(l).info = intl(s.spec, method, []); return l; }
hidden(Locale.prototype, 'maximize', { maximize() { return derived(self(this, 'Locale', 'maximize'), 'maximize'); } }.maximize);
hidden(Locale.prototype, 'minimize', { minimize() { return derived(self(this, 'Locale', 'minimize'), 'minimize'); } }.minimize);
hidden(Locale.prototype, 'toString', { toString() { return self(this, 'Locale', 'toString').info.tag; } }.toString);
defineProperty(Locale.prototype, Symbol.toStringTag, { value: 'Intl.Locale', configurable: true });
defineProperty(Locale, 'prototype', { writable: false });

const Intl = {};
for (const [name, value] of Object.entries({ Collator, DateTimeFormat, DisplayNames, ListFormat, Locale, NumberFormat, PluralRules, RelativeTimeFormat, Segmenter })) hidden(Intl, name, value);
hidden(Intl, 'getCanonicalLocales', { getCanonicalLocales(locales) { return intl('', 'getCanonicalLocales', [localeList(locales)]); } }.getCanonicalLocales);
hidden(Intl, 'supportedValuesOf', { supportedValuesOf(key) { return intl('', 'supportedValuesOf', [String(key)]); } }.supportedValuesOf);
defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });

/** The built-ins' locale methods (installed by the prelude), as ECMA-402 defines them. */
function builtin(key, that, a, b, c) {
  switch (key) {
    case 'Date.toLocaleString': case 'Date.toLocaleDateString': case 'Date.toLocaleTimeString': {
      const t = dateValue.call(that);
      if (t !== t) return 'Invalid Date';
      return intl('', key.slice(5), [t, localeList(a), options(b)]);
    }
    case 'Number.toLocaleString':
      return intl('', 'numberToLocaleString', [tag(numberValue.call(that)), localeList(a), options(b)]);
    case 'BigInt.toLocaleString':
      return intl('', 'numberToLocaleString', [tag(bigintValue.call(that)), localeList(a), options(b)]);
    case 'String.localeCompare':
      if (that === null || that === undefined) throw new TypeError('String.prototype.localeCompare called on null or undefined');
      return intl('', 'localeCompare', [String(that), String(a), localeList(b), options(c)]);
    case 'String.toLocaleUpperCase': case 'String.toLocaleLowerCase': {
      if (that === null || that === undefined) throw new TypeError('String.prototype.' + key.slice(7) + ' called on null or undefined');
      const s = String(that);
      if (a === undefined) return (key === 'String.toLocaleUpperCase' ? upper : lower).call(s);
      return intl('', key.slice(7), [s, localeList(a)]);
    }
    case 'Array.toLocaleString': {
      const o = Object(that), n = Math.min(Math.max(Math.trunc(Number(o.length)) || 0, 0), 2 ** 32 - 1), parts = [];
      for (let k = 0; k < n; k++) { const v = o[k]; parts.push(v === undefined || v === null ? '' : String(v.toLocaleString(a, b))); }
      return parts.join(',');
    }
  }
  throw new TypeError('no locale method ' + key);
}
return { Intl, builtin };
})`;
