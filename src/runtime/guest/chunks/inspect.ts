/**
 * Guest chunk `inspect`: Node's `util.inspect` as Node 20 prints with the
 * default options (depth 2, 80-column lines, up to 3 inner levels on one line, arrays of more
 * than 6 short items in columns, 100 items at most, strings quoted as Node quotes them, getters
 * shown as `[Getter]` and never called, `[Circular *1]`, `Symbol.for('nodejs.util.inspect.custom')`).
 * Auth0 runs actions on Node and shows their `console.log` output as Node formats it, so logs read
 * the same here; guest-inspect.test.ts compares this with the host's own `util.inspect` over many
 * values. `util.format` is the `format` chunk.
 *
 * What QuickJS cannot tell apart is printed as a browser would: a Proxy as its target, a promise
 * as `Promise { <pending> }` (its state is not observable), weak collections as `<items unknown>`.
 * `budget` bounds the work: an entry is cut to a few thousand characters anyway, so formatting
 * stops adding properties once that much has been produced.
 */
export const INSPECT_CHUNK = String.raw`(function (I) {
'use strict';
const { reduceToSingleString } = I.load('inspectlayout');
const CUSTOM = Symbol.for('nodejs.util.inspect.custom');
const BUDGET = I.config.consoleEntryChars * 2;
const KEY = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const ESC = /[\x00-\x1f\x27\x5c\x7f-\x9f]/g, ESC_NO_QUOTE = /[\x00-\x1f\x5c\x7f-\x9f]/g, NEEDS_ESCAPE = /[\x00-\x1f\x27\x5c\x7f-\x9f]/;
const NAMED = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r', 39: "\\'", 92: '\\\\' };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
const TypedArray = Object.getPrototypeOf(Uint8Array);
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const tagOf = (v) => Object.prototype.toString.call(v).slice(8, -1);

function escapeChar(c) {
  const n = c.charCodeAt(0);
  return NAMED[n] || '\\x' + n.toString(16).toUpperCase().padStart(2, '0');
}
function quote(s) {
  let q = "'", re = ESC;
  if (s.indexOf("'") !== -1) {
    if (s.indexOf('"') === -1) q = '"';
    else if (s.indexOf('${'`'}') === -1 && s.indexOf('${'$'}{') === -1) q = '${'`'}';
    if (q !== "'") re = ESC_NO_QUOTE;
  }
  // Most strings need no escape: a test is cheaper than a replace in QuickJS.
  return q + (NEEDS_ESCAPE.test(s) ? s.replace(re, escapeChar) : s) + q;
}
function formatNumber(n) { return Object.is(n, -0) ? '-0' : String(n); }
function formatPrimitive(ctx, v) {
  switch (typeof v) {
    case 'string': {
      let trailer = '';
      if (v.length > ctx.maxStringLength) { const left = v.length - ctx.maxStringLength; trailer = '... ' + left + ' more character' + (left > 1 ? 's' : ''); v = v.slice(0, ctx.maxStringLength); }
      if (ctx.compact !== true && v.length > 16 && v.length > ctx.breakLength - ctx.indent - 4) {
        return v.split(/(?<=\n)/).map(quote).join(' +\n' + ' '.repeat(ctx.indent + 2)) + trailer;
      }
      return quote(v) + trailer;
    }
    case 'number': return formatNumber(v);
    case 'bigint': return String(v) + 'n';
    case 'symbol': return symbolString(v);
    default: return String(v);
  }
}
function symbolString(s) {
  const d = s.description;
  return d === undefined ? 'Symbol()' : 'Symbol(' + d.replace(ESC_NO_QUOTE, escapeChar) + ')';
}
/** The name Node shows for an object: the first constructor with a name up its prototype chain; null without a prototype. */
function constructorName(v) {
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype && proto.constructor === Object && !hasOwn(v, 'constructor')) return 'Object';
  if (proto === Array.prototype && proto.constructor === Array && !hasOwn(v, 'constructor')) return 'Array';
  let o = v;
  while (o !== null && o !== undefined) {
    const d = Object.getOwnPropertyDescriptor(o, 'constructor');
    if (d !== undefined && typeof d.value === 'function' && d.value.name !== '' && isInstance(v, d.value)) return String(d.value.name);
    o = Object.getPrototypeOf(o);
  }
  return Object.getPrototypeOf(v) === null ? null : 'Object';
}
function isInstance(v, C) { try { return v instanceof C; } catch (_) { return false; } }
function prefix(ctor, tag, fallback, size) {
  if (ctor === null) return '[' + fallback + (size || '') + ': null prototype] ' + (tag !== '' && tag !== fallback ? '[' + tag + '] ' : '');
  return ctor + (size || '') + ' ' + (tag !== '' && ctor !== tag ? '[' + tag + '] ' : '');
}
function keysOf(ctx, v) {
  if (ctx.showHidden) return Object.getOwnPropertyNames(v).concat(Object.getOwnPropertySymbols(v));
  const keys = Object.keys(v);
  for (const s of Object.getOwnPropertySymbols(v)) if (isEnumerable(v, s)) keys.push(s);
  return keys;
}
const isIndex = (k) => typeof k === 'string' && /^(0|[1-9][0-9]*)$/.test(k) && Number(k) < 4294967295;
/** An array's keys that are not indices; a dense array without others is told apart without testing each key. */
function arrayExtraKeys(ctx, v) {
  if (!ctx.showHidden) {
    const keys = Object.keys(v);
    const plain = keys.length === v.length && (keys.length === 0 || keys[keys.length - 1] === String(v.length - 1));
    const extra = plain ? [] : keys.filter((k) => !isIndex(k));
    for (const s of Object.getOwnPropertySymbols(v)) if (isEnumerable(v, s)) extra.push(s);
    return extra;
  }
  return keysOf(ctx, v).filter((k) => !isIndex(k));
}
function formatValue(ctx, v, depth) {
  if (typeof v !== 'object' && typeof v !== 'function') {
    const s = formatPrimitive(ctx, v);
    ctx.spent += s.length;
    return s;
  }
  if (v === null) return 'null';
  const custom = v[CUSTOM];
  if (ctx.customInspect && typeof custom === 'function' && custom !== inspect && !(v.constructor && v.constructor.prototype === v)) {
    const left = ctx.depth - depth;
    const r = custom.call(v, left, Object.assign({}, ctx.options, { depth: left, stylize: (s) => s }), inspect);
    if (r !== v) return typeof r === 'string' ? r.replace(/\n/g, '\n' + ' '.repeat(ctx.indent)) : formatValue(ctx, r, depth);
  }
  if (ctx.seen.indexOf(v) !== -1) {
    if (ctx.circular === undefined) ctx.circular = new Map();
    if (!ctx.circular.has(v)) ctx.circular.set(v, ctx.circular.size + 1);
    return '[Circular *' + ctx.circular.get(v) + ']';
  }
  return formatRaw(ctx, v, depth);
}
function formatRaw(ctx, v, depth) {
  const ctor = constructorName(v);
  let tag = v[Symbol.toStringTag];
  if (typeof tag !== 'string' || (tag !== '' && isEnumerable(v, Symbol.toStringTag))) tag = '';
  let keys, base = '', braces, formatter = noEntries, array = false;
  if (Array.isArray(v)) {
    keys = arrayExtraKeys(ctx, v);
    const p = ctor !== 'Array' || tag !== '' ? prefix(ctor, tag, 'Array', '(' + v.length + ')') : '';
    braces = [p + '[', ']'];
    if (v.length === 0 && keys.length === 0) return braces[0] + ']';
    array = true;
    formatter = formatArray;
  } else if (v instanceof Set || v instanceof Map) {
    const isMap = v instanceof Map;
    keys = keysOf(ctx, v);
    const p = prefix(ctor, tag, isMap ? 'Map' : 'Set', '(' + v.size + ')');
    if (v.size === 0 && keys.length === 0) return p + '{}';
    braces = [p + '{', '}'];
    formatter = isMap ? formatMap : formatSet;
  } else if (v instanceof TypedArray) {
    keys = keysOf(ctx, v).filter((k) => typeof k !== 'string' || !/^(0|[1-9][0-9]*)$/.test(k));
    const name = tagOf(v);
    braces = [prefix(ctor, tag === name ? '' : tag, name, '(' + v.length + ')') + '[', ']'];
    if (v.length === 0 && keys.length === 0) return braces[0] + ']';
    array = true;
    formatter = formatTypedArray;
  } else {
    keys = keysOf(ctx, v);
    braces = ['{', '}'];
    if (ctor === 'Object' && tag === '' && Object.getPrototypeOf(v) === Object.prototype && !hasOwn(v, 'callee')) {
      // A plain object (nearly everything logged): none of the special cases below.
      if (keys.length === 0) return '{}';
    } else if (typeof v === 'function') {
      base = functionBase(v, ctor, tag);
      if (keys.length === 0) return base;
    } else if (v instanceof RegExp) {
      base = RegExp.prototype.toString.call(v);
      if (ctor !== 'RegExp') base = prefix(ctor, tag, 'RegExp') + base;
      if (keys.length === 0) return base;
    } else if (v instanceof Date) {
      base = isNaN(v.getTime()) ? Date.prototype.toString.call(v) : Date.prototype.toISOString.call(v);
      if (ctor !== 'Date') base = prefix(ctor, tag, 'Date') + base;
      if (keys.length === 0) return base;
    } else if (v instanceof Error) {
      base = errorBase(ctx, v, ctor);
      keys = keys.filter((k) => !((k === 'name' || k === 'message' || k === 'stack') && !isEnumerable(v, k) && base.indexOf(String(v[k])) !== -1));
      if ('cause' in v && keys.indexOf('cause') === -1) keys.push('cause');
      if (Array.isArray(v.errors) && keys.indexOf('errors') === -1 && !isEnumerable(v, 'errors')) keys.push('errors');
      if (keys.length === 0) return base;
    } else if (v instanceof ArrayBuffer) {
      keys.unshift('byteLength');
      base = '';
      braces[0] = prefix(ctor, tag, 'ArrayBuffer') + '{';
      formatter = () => ['[Uint8Contents]: <' + Array.from(new Uint8Array(v, 0, Math.min(50, v.byteLength)), (b) => b.toString(16).padStart(2, '0')).join(' ') + (v.byteLength > 50 ? ' ... ' + (v.byteLength - 50) + ' more byte' + (v.byteLength - 50 > 1 ? 's' : '') : '') + '>'];
    } else if (v instanceof Promise) {
      braces[0] = prefix(ctor, tag, 'Promise') + '{';
      formatter = () => ['<pending>'];
    } else if (v instanceof WeakSet || v instanceof WeakMap) {
      return prefix(ctor, tag, v instanceof WeakSet ? 'WeakSet' : 'WeakMap') + '{ <items unknown> }';
    } else if (v instanceof String || v instanceof Number || v instanceof Boolean || (typeof BigInt === 'function' && v instanceof BigInt) || v instanceof Symbol) {
      const prim = v.valueOf(), type = tagOf(v);
      base = '[' + type + (ctor !== type ? ' (' + ctor + ')' : '') + ': ' + formatPrimitive(ctx, prim) + ']';
      if (typeof prim === 'string') keys = keys.filter((k) => typeof k !== 'string' || !/^(0|[1-9][0-9]*)$/.test(k) || Number(k) >= prim.length);
      if (keys.length === 0) return base;
    } else if (ctor === 'Object' && tagOf(v) === 'Arguments') {
      braces[0] = '[Arguments] {';
    } else {
      if (keys.length === 0) return (ctor === 'Object' && tag === '' ? '' : prefix(ctor, tag, 'Object')) + '{}';
      braces[0] = (ctor === 'Object' && tag === '' ? '' : prefix(ctor, tag, 'Object')) + '{';
    }
  }
  if (depth > ctx.depth) {
    const name = prefix(ctor, tag, array ? 'Array' : 'Object').slice(0, -1);
    return ctor === null ? name : '[' + name + ']';
  }
  depth += 1;
  ctx.seen.push(v);
  ctx.currentDepth = depth;
  let output;
  try {
    output = formatter(ctx, v, depth);
    for (let i = 0; i < keys.length; i++) {
      if (ctx.spent > BUDGET) { output.push('...'); break; }
      output.push(formatProperty(ctx, v, depth, keys[i], array ? 2 : 0));
    }
  } finally {
    ctx.seen.pop();
  }
  if (ctx.sorted) {
    const compare = typeof ctx.sorted === 'function' ? ctx.sorted : undefined;
    if (!array) output.sort(compare);
    else if (keys.length > 1) output = output.slice(0, output.length - keys.length).concat(output.slice(output.length - keys.length).sort(compare));
  }
  if (ctx.circular !== undefined && ctx.circular.has(v)) {
    const ref = '<ref *' + ctx.circular.get(v) + '>';
    base = base === '' ? ref : ref + ' ' + base;
  }
  return reduceToSingleString(ctx, output, base, braces, array, depth, v);
}
function functionBase(v, ctor, tag) {
  let source = '';
  try { source = Function.prototype.toString.call(v); } catch (_) {}
  if (source.slice(0, 5) === 'class' && /^class(\s|\{)/.test(source)) {
    let base = '[class ' + (v.name || '(anonymous)');
    const parent = Object.getPrototypeOf(v);
    if (parent && parent !== Function.prototype && parent.name) base += ' extends ' + parent.name;
    return base + ']';
  }
  let type = 'Function';
  if (v instanceof AsyncGeneratorFunction) type = 'AsyncGeneratorFunction';
  else if (v instanceof GeneratorFunction) type = 'GeneratorFunction';
  else if (v instanceof AsyncFunction) type = 'AsyncFunction';
  let base = '[' + type + (ctor === null ? ' (null prototype)' : '') + (v.name === '' || typeof v.name !== 'string' ? ' (anonymous)' : ': ' + v.name) + ']';
  if (ctor !== type && ctor !== null) base += ' ' + ctor;
  if (tag !== '' && ctor !== tag) base += ' [' + tag + ']';
  return base;
}
function errorBase(ctx, err, ctor) {
  const name = String(err.name), message = String(err.message);
  let stack = typeof err.stack === 'string' ? err.stack.replace(/\n+$/, '') : '';
  const head = message === '' ? name : name + ': ' + message;
  if (stack === '') return '[' + head + ']';
  // QuickJS's stack holds only the frames; Node's starts with the error's name and message.
  if (stack.indexOf(head) !== 0) stack = head + '\n' + stack;
  if (ctor !== null && ctor !== name && stack.indexOf(ctor) !== 0) stack = ctor + ' [' + name + ']' + stack.slice(name.length);
  return ctx.indent === 0 ? stack : stack.replace(/\n/g, '\n' + ' '.repeat(ctx.indent));
}
function formatProperty(ctx, v, depth, key, kind) {
  const desc = Object.getOwnPropertyDescriptor(v, key) || { value: v[key], enumerable: true };
  let str, extra = ' ';
  if (desc.value !== undefined) {
    // kind: 0 an object's property, 1 an array's element, 2 another key of an array.
    const diff = ctx.compact === true && kind === 0 ? 3 : 2;
    ctx.indent += diff;
    str = formatValue(ctx, desc.value, depth);
    if (diff === 3 && ctx.breakLength < str.length) extra = '\n' + ' '.repeat(ctx.indent);
    ctx.indent -= diff;
  } else if (desc.get !== undefined) str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
  else if (desc.set !== undefined) str = '[Setter]';
  else str = 'undefined';
  if (kind === 1) return str;
  let name;
  if (typeof key === 'symbol') name = '[' + symbolString(key) + ']';
  else if (key === '__proto__') name = "['__proto__']";
  else if (desc.enumerable === false) name = '[' + key.replace(ESC_NO_QUOTE, escapeChar) + ']';
  else name = KEY.test(key) ? key : quote(key);
  ctx.spent += name.length;
  return name + ':' + extra + str;
}
function noEntries() { return []; }
function formatArray(ctx, v, depth) {
  const len = Math.min(ctx.maxArrayLength, v.length), output = [];
  for (let i = 0; i < len; i++) {
    if (ctx.spent > BUDGET) { output.push('...'); return output; }
    if (!hasOwn(v, i)) {
      let holes = 1;
      while (i + holes < v.length && !hasOwn(v, i + holes)) holes++;
      output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
      i += holes - 1;
      if (output.length >= len) break;
      continue;
    }
    output.push(formatProperty(ctx, v, depth, i, 1));
  }
  if (v.length > len) output.push('... ' + (v.length - len) + ' more item' + (v.length - len > 1 ? 's' : ''));
  return output;
}
function formatTypedArray(ctx, v) {
  const len = Math.min(ctx.maxArrayLength, v.length), output = [];
  for (let i = 0; i < len; i++) output.push(typeof v[i] === 'bigint' ? v[i] + 'n' : formatNumber(v[i]));
  if (v.length > len) output.push('... ' + (v.length - len) + ' more item' + (v.length - len > 1 ? 's' : ''));
  return output;
}
function formatSet(ctx, v, depth) {
  const output = [];
  ctx.indent += 2;
  for (const e of v) { if (ctx.spent > BUDGET) { output.push('...'); break; } output.push(formatValue(ctx, e, depth)); }
  ctx.indent -= 2;
  return output;
}
function formatMap(ctx, v, depth) {
  const output = [];
  ctx.indent += 2;
  for (const [k, e] of v) { if (ctx.spent > BUDGET) { output.push('...'); break; } output.push(formatValue(ctx, k, depth) + ' => ' + formatValue(ctx, e, depth)); }
  ctx.indent -= 2;
  return output;
}
/** Node's defaults; like Node's, changing them changes every later inspect and console call (of this context). */
const defaultOptions = { showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false, maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false, numericSeparator: false };
const unlimited = (n) => (n === null || n === Infinity ? Infinity : Math.max(0, Number(n)));
/**
 * Node's \`util.inspect\`. Honoured options: depth, showHidden, breakLength, compact, maxArrayLength,
 * maxStringLength, sorted, customInspect; colors are never added (the output is a log line).
 */
function inspect(value, options) {
  const o = Object.assign({}, defaultOptions);
  if (typeof options === 'boolean') o.showHidden = options;
  else if (options !== null && typeof options === 'object') Object.assign(o, options);
  if (arguments.length > 2 && arguments[2] !== undefined) o.depth = arguments[2];
  const ctx = {
    indent: 0, seen: [], currentDepth: 0, circular: undefined, spent: 0, options: o,
    depth: unlimited(o.depth), showHidden: o.showHidden === true, customInspect: o.customInspect !== false,
    maxArrayLength: unlimited(o.maxArrayLength), maxStringLength: unlimited(o.maxStringLength),
    breakLength: o.breakLength === Infinity ? Infinity : Number(o.breakLength) || 80,
    compact: o.compact === true ? true : o.compact === false ? 0 : Number(o.compact) || 0, sorted: o.sorted,
  };
  return formatValue(ctx, value, 0);
}
inspect.custom = CUSTOM;
inspect.defaultOptions = defaultOptions;
return { inspect, formatNumber };
})`;
