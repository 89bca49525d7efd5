/**
 * Guest chunk `format`: Node's `util.format` and `util.formatWithOptions` (`%s %d %i %f %j %o %O %c
 * %%`, then the other arguments, strings as they are and the rest inspected), on the `inspect`
 * chunk. The console formats its arguments with it; `require('util')` gets it with `inspect`.
 */
export const FORMAT_CHUNK = String.raw`(function (I) {
'use strict';
const { inspect, formatNumber } = I.load('inspect');
const defaultOptions = inspect.defaultOptions;
const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
function formatArg(a) { return typeof a === 'string' ? a : inspect(a); }
function format(...args) {
  const first = args[0];
  let out = '', i = 1;
  if (typeof first === 'string') {
    if (args.length === 1) return first;
    out = first.indexOf('%') === -1 ? first : first.replace(/%[sdifjoOc%]/g, (m) => {
      if (m === '%%') return '%';
      if (i >= args.length) return m;
      const a = args[i++];
      switch (m) {
        case '%s':
          if (typeof a === 'number') return formatNumber(a);
          if (typeof a === 'bigint') return a + 'n';
          if (a !== null && typeof a === 'object' && hasBuiltInToString(a)) return inspect(a, { depth: 0 });
          return String(a);
        case '%d': return typeof a === 'bigint' ? a + 'n' : typeof a === 'symbol' ? 'NaN' : formatNumber(Number(a));
        case '%i': return typeof a === 'bigint' ? a + 'n' : typeof a === 'symbol' ? 'NaN' : formatNumber(parseInt(a));
        case '%f': return typeof a === 'symbol' ? 'NaN' : formatNumber(parseFloat(a));
        case '%j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
        case '%c': return '';
        case '%o': return inspect(a, { depth: 4, showHidden: true });
        default: return inspect(a);
      }
    });
  } else {
    out = formatArg(first);
  }
  for (; i < args.length; i++) out += ' ' + formatArg(args[i]);
  return out;
}
/** Whether \`%s\` shows \`o\` inspected: its \`toString\` is a built-in one (Object's, Error's, Date's…), as Node decides. */
function hasBuiltInToString(o) {
  if (hasOwn(o, 'toString')) return false;
  let p = o;
  do { p = Object.getPrototypeOf(p); } while (p !== null && !hasOwn(p, 'toString'));
  if (p === null) return true;
  const d = Object.getOwnPropertyDescriptor(p, 'constructor');
  return d !== undefined && typeof d.value === 'function' && globalThis[d.value.name] === d.value;
}
function formatWithOptions(options, ...args) {
  const saved = Object.assign({}, defaultOptions);
  Object.assign(defaultOptions, options);
  try { return format(...args); } finally { Object.assign(defaultOptions, saved); }
}
return { inspect, format, formatWithOptions };
})`;
