/**
 * Guest chunk `console`: a Node-like `console` whose output goes to the host (op `sys.console`),
 * which keeps it per invocation within the console limits. Arguments are formatted here as Node's
 * `util.format` does (chunks `format` and `inspect`), so one entry is a single string and is cut to
 * `consoleEntryChars` before it crosses. Once the host reports the invocation's log as full,
 * calls stop crossing until the next invocation.
 */
export const CONSOLE_CHUNK = String.raw`(function (I) {
'use strict';
const ENTRY_CHARS = I.config.consoleEntryChars;
let consoleFull = false;
let util;
/** Node's \`util.format\` of console arguments; its chunks compile only once something is not a plain string. */
function format(args) {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  if (util === undefined) util = I.load('format');
  return util.format.apply(undefined, args);
}
function emit(level, args) {
  if (consoleFull) return;
  let message = format(args);
  if (groupIndent !== '') message = groupIndent + message.replace(/\n/g, '\n' + groupIndent);
  if (message.length > ENTRY_CHARS) message = message.slice(0, ENTRY_CHARS) + '… [' + (message.length - ENTRY_CHARS) + ' more characters truncated]';
  if (I.call('sys.console', [level, message]) === 'full') consoleFull = true;
}
const counts = new Map(), timersByLabel = new Map();
let groupIndent = '';
const consoleObject = {
  log(...a) { emit('log', a); },
  info(...a) { emit('info', a); },
  warn(...a) { emit('warn', a); },
  error(...a) { emit('error', a); },
  debug(...a) { emit('debug', a); },
  trace(...a) { emit('trace', ['Trace' + (a.length === 0 ? '' : ': ' + format(a)) + '\n' + String(new Error('Trace').stack || '').replace(/\n$/, '')]); },
  dir(v, options) { if (util === undefined) util = I.load('format'); emit('log', [util.inspect(v, options)]); },
  table(v) { emit('log', [v]); },
  assert(ok, ...a) { if (!ok) { a[0] = 'Assertion failed' + (a.length === 0 ? '' : ': ' + a[0]); emit('warn', a); } },
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
return { console: consoleObject, format };
})`;
