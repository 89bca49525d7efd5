/**
 * Guest chunk `clone`: `structuredClone` in guest JavaScript (QuickJS has none). Follows the HTML
 * structured-clone rules for what packages actually pass: primitives, wrappers, Date, RegExp, Map,
 * Set, arrays, plain objects (own enumerable string keys; prototypes are not kept), ArrayBuffer,
 * typed arrays, DataView and errors, with cycles and shared references preserved. Functions,
 * symbols, promises, weak collections and other host-ish objects throw a `DataCloneError`.
 * `transfer` is accepted but buffers are copied, not detached.
 */
export const CLONE_CHUNK = String.raw`(function (I) {
'use strict';
const ev = I.load('events');
const ERRORS = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
function fail(what) { return new (ev.DOMException)(what + ' could not be cloned.', 'DataCloneError'); }
function structuredClone(value, options = undefined) {
  if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
  const memory = new Map();
  function clone(v) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      if (typeof v === 'symbol') throw fail(String(v));
      return v;
    }
    if (typeof v === 'function') throw fail('function ' + (v.name || '(anonymous)'));
    if (memory.has(v)) return memory.get(v);
    let out;
    if (Array.isArray(v)) {
      out = new Array(v.length); memory.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    if (v instanceof Date) out = new Date(v.getTime());
    else if (v instanceof RegExp) out = new RegExp(v.source, v.flags);
    else if (v instanceof Boolean || v instanceof Number || v instanceof String || v instanceof BigInt) out = Object(v.valueOf());
    else if (v instanceof ArrayBuffer) out = v.slice(0);
    else if (ArrayBuffer.isView(v)) {
      const buf = clone(v.buffer);
      out = v instanceof DataView ? new DataView(buf, v.byteOffset, v.byteLength) : new v.constructor(buf, v.byteOffset, v.length);
    } else if (v instanceof Map) {
      out = new Map(); memory.set(v, out);
      for (const e of v) out.set(clone(e[0]), clone(e[1]));
      return out;
    } else if (v instanceof Set) {
      out = new Set(); memory.set(v, out);
      for (const e of v) out.add(clone(e));
      return out;
    } else if (v instanceof ev.DOMException) {
      out = new ev.DOMException(v.message, v.name);
    } else if (v instanceof Error) {
      const name = String(v.name);
      const C = ERRORS[name] || Error;
      out = new C(String(v.message));
      memory.set(v, out);
      if (typeof v.stack === 'string') Object.defineProperty(out, 'stack', { value: v.stack, writable: true, configurable: true });
      if ('cause' in v) Object.defineProperty(out, 'cause', { value: clone(v.cause), writable: true, configurable: true });
      return out;
    } else if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef) {
      throw fail(Object.prototype.toString.call(v));
    } else {
      const tag = Object.prototype.toString.call(v);
      if (tag !== '[object Object]' && tag !== '[object Arguments]') throw fail(tag);
      out = {}; memory.set(v, out);
      for (const k of Object.keys(v)) out[k] = clone(v[k]);
      return out;
    }
    memory.set(v, out);
    return out;
  }
  return clone(value);
}
return { structuredClone };
})`;
