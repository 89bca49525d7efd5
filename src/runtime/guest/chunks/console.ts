/**
 * Guest chunk `console`: a Node-like `console` whose output goes to the host (op `sys.console`),
 * which keeps it per invocation within the console limits. Formatting (`%s`/`%d`/`%o`…, a bounded
 * `util.inspect`-like rendering of objects) happens here, so one entry is a single string and is
 * cut to `consoleEntryChars` before it crosses. Once the host reports the invocation's log as full,
 * calls stop crossing until the next invocation.
 */
export const CONSOLE_CHUNK = String.raw`(function (I) {
'use strict';
const ENTRY_CHARS = I.config.consoleEntryChars;
let consoleFull = false;
function inspect(v, depth, seen) {
  switch (typeof v) {
    case 'string': return depth === 0 ? v : JSON.stringify(v);
    case 'function': return '[Function: ' + (v.name || '(anonymous)') + ']';
    case 'bigint': return String(v) + 'n';
    case 'symbol': return v.toString();
    case 'undefined': return 'undefined';
    case 'object': break;
    default: return String(v);
  }
  if (v === null) return 'null';
  if (v instanceof Error) return v.stack ? String(v.name) + ': ' + String(v.message) + '\n' + v.stack.replace(/\n$/, '') : String(v);
  if (seen.indexOf(v) !== -1) return '[Circular]';
  if (v instanceof Date) return isNaN(v) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (depth > 4) return Array.isArray(v) ? '[Array]' : '[Object]';
  seen.push(v);
  let out = '', n = 0;
  try {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && out.length < ENTRY_CHARS; i++) out += (n++ ? ', ' : '') + inspect(v[i], depth + 1, seen);
      out = '[ ' + out + (v.length > n ? ', … ' + (v.length - n) + ' more' : '') + ' ]';
      return out === '[  ]' ? '[]' : out;
    }
    if (v instanceof Map || v instanceof Set) {
      for (const e of v) {
        if (out.length >= ENTRY_CHARS) break;
        out += (n++ ? ', ' : '') + (v instanceof Map ? inspect(e[0], depth + 1, seen) + ' => ' + inspect(e[1], depth + 1, seen) : inspect(e, depth + 1, seen));
      }
      return (v instanceof Map ? 'Map(' : 'Set(') + v.size + ') {' + (out ? ' ' + out + ' ' : '') + '}';
    }
    if (ArrayBuffer.isView(v)) return (v.constructor && v.constructor.name || 'TypedArray') + '(' + v.length + ')';
    if (typeof v.then === 'function') return 'Promise { … }';
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length && out.length < ENTRY_CHARS; i++) {
      const k = keys[i];
      out += (n++ ? ', ' : '') + (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)) + ': ' + inspect(v[k], depth + 1, seen);
    }
    const proto = Object.getPrototypeOf(v);
    const name = proto === null ? '[Object: null prototype] ' : proto !== Object.prototype && proto.constructor && proto.constructor.name ? proto.constructor.name + ' ' : '';
    return name + (out ? '{ ' + out + (keys.length > n ? ', … ' + (keys.length - n) + ' more' : '') + ' }' : '{}');
  } catch (e) {
    return '[Uninspectable]';
  } finally {
    seen.pop();
  }
}
function format(args) {
  let first = args[0], i = 1, out = '';
  if (typeof first === 'string' && args.length > 1 && first.indexOf('%') !== -1) {
    out = first.replace(/%[sdifjoOc%]/g, (m) => {
      if (m === '%%') return '%';
      if (i >= args.length) return m;
      const a = args[i++];
      switch (m) {
        case '%s': return typeof a === 'string' ? a : inspect(a, 1, []);
        case '%d': case '%i': return typeof a === 'bigint' ? a + 'n' : String(m === '%i' ? parseInt(a) : Number(a));
        case '%f': return String(parseFloat(a));
        case '%j': try { return JSON.stringify(a); } catch (_) { return '[Circular]'; }
        case '%c': return '';
        default: return inspect(a, 1, []);
      }
    });
  } else {
    out = inspect(first, 0, []);
  }
  for (; i < args.length && out.length < ENTRY_CHARS; i++) out += ' ' + inspect(args[i], 0, []);
  return out;
}
function emit(level, args) {
  if (consoleFull) return;
  let message = format(args);
  if (message.length > ENTRY_CHARS) message = message.slice(0, ENTRY_CHARS) + '… [' + (message.length - ENTRY_CHARS) + ' more characters truncated]';
  if (I.call('sys.console', [level, message]) === 'full') consoleFull = true;
}
const counts = new Map(), timersByLabel = new Map();
let groupIndent = '';
const consoleObject = {
  log(...a) { emit('log', groupIndent ? [groupIndent + format(a)] : a); },
  info(...a) { emit('info', a); },
  warn(...a) { emit('warn', a); },
  error(...a) { emit('error', a); },
  debug(...a) { emit('debug', a); },
  trace(...a) { emit('trace', a.concat([new Error('Trace').stack || ''])); },
  dir(v) { emit('log', [v]); },
  table(v) { emit('log', [v]); },
  assert(ok, ...a) { if (!ok) emit('error', ['Assertion failed' + (a.length ? ':' : '')].concat(a)); },
  count(label = 'default') { const n = (counts.get(label) || 0) + 1; counts.set(label, n); emit('info', [label + ': ' + n]); },
  countReset(label = 'default') { counts.delete(label); },
  time(label = 'default') { timersByLabel.set(label, Date.now()); },
  timeLog(label = 'default', ...a) { const t = timersByLabel.get(label); if (t !== undefined) emit('info', [label + ': ' + (Date.now() - t) + 'ms'].concat(a)); },
  timeEnd(label = 'default') { const t = timersByLabel.get(label); if (t !== undefined) { timersByLabel.delete(label); emit('info', [label + ': ' + (Date.now() - t) + 'ms']); } },
  group(...a) { if (a.length) emit('log', a); groupIndent += '  '; },
  groupCollapsed(...a) { if (a.length) emit('log', a); groupIndent += '  '; },
  groupEnd() { groupIndent = groupIndent.slice(2); },
};
I.onRun(() => { consoleFull = false; groupIndent = ''; });
return { console: consoleObject, inspect, format };
})`;
