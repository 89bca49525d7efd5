/**
 * Guest chunk `timers`: `setTimeout`/`setInterval`/`setImmediate`, their `clear*` and
 * `queueMicrotask`. Each pending timer is one async host call (`sys.sleep`): the host resolves it
 * after the delay, so timers fire while an invocation is pending, and the host cancels all of them
 * when the invocation ends, so no timer outlives its execution. Handles are Node-style `Timeout`
 * objects (`ref`/`unref`/`refresh`, usable as numbers). An exception in a callback is reported as
 * uncaught and fails the invocation, as it would crash a Node process.
 */
export const TIMERS_CHUNK = String.raw`(function (I) {
'use strict';
const defineProperty = Object.defineProperty;
const timers = new Map();
let timerSeq = 0;
class Timeout {
  constructor(id) { defineProperty(this, '_id', { value: id }); }
  ref() { return this; }
  unref() { return this; }
  hasRef() { return true; }
  refresh() { const t = timers.get(this._id); if (t) { I.cancel(t.callId); schedule(this._id, t); } return this; }
  close() { clearTimer(this); return this; }
  [Symbol.toPrimitive]() { return this._id; }
}
function schedule(id, t) {
  const started = I.callAsyncWithId('sys.sleep', t.ms);
  t.callId = started[1];
  started[0].then(() => fire(id, t), () => {});
}
function fire(id, t) {
  if (timers.get(id) !== t) return;
  if (t.repeat) schedule(id, t); else timers.delete(id);
  try { t.fn.apply(undefined, t.args); } catch (e) { I.reportUncaught(e); }
}
function addTimer(fn, ms, args, repeat) {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  const id = ++timerSeq;
  ms = Number(ms);
  // -1 asks the host for setImmediate (runs before timers, as in Node); Node clamps delays to 1..2^31-1.
  const t = { fn, args, repeat, ms: ms === -1 ? -1 : ms >= 1 && ms <= 2147483647 ? Math.floor(ms) : 1, callId: 0 };
  timers.set(id, t);
  schedule(id, t);
  return new Timeout(id);
}
function clearTimer(handle) {
  const id = handle !== null && typeof handle === 'object' ? handle._id : Number(handle);
  const t = timers.get(id);
  if (t) { timers.delete(id); I.cancel(t.callId); }
}
function queueMicrotask(fn) {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  Promise.resolve().then(() => { try { fn(); } catch (e) { I.reportUncaught(e); } });
}
I.onRun(() => timers.clear());
return {
  setTimeout: function setTimeout(fn, ms, ...args) { return addTimer(fn, ms, args, false); },
  setInterval: function setInterval(fn, ms, ...args) { return addTimer(fn, ms, args, true); },
  setImmediate: function setImmediate(fn, ...args) { return addTimer(fn, -1, args, false); },
  clearTimeout: function clearTimeout(h) { clearTimer(h); },
  clearInterval: function clearInterval(h) { clearTimer(h); },
  clearImmediate: function clearImmediate(h) { clearTimer(h); },
  queueMicrotask,
};
})`;
