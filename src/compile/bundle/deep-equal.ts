/**
 * Node's deep equality for the compatibility layer (`util.isDeepStrictEqual` and `assert`'s
 * `deepStrictEqual`/`deepEqual`), as script text spliced into those modules. unenv's `assert`
 * compares deeply by `JSON.stringify`, which calls `new Map([[1, 2]])` and `new Map([[1, 3]])` equal
 * and `-0` and `0` equal, and util@0.12 has no `isDeepStrictEqual` at all.
 *
 * Strict mode follows Node: `Object.is` for primitives, same prototype and `Symbol.toStringTag`,
 * own enumerable keys (symbols too), Dates by time, RegExps by source, flags and lastIndex, Errors
 * by name and message too, typed arrays by element, boxed primitives by value, Maps and Sets
 * regardless of order (object keys and members matched deeply), cycles allowed. Loose mode (the
 * legacy `deepEqual`) compares primitives with `==` and ignores prototypes.
 */
export const DEEP_EQUAL_SOURCE = `function actuateDeepEqual(a, b, strict, memo) {
  if (a === b) return !strict || a !== 0 || Object.is(a, b);
  var objA = a !== null && (typeof a === "object" || typeof a === "function");
  var objB = b !== null && (typeof b === "object" || typeof b === "function");
  if (!objA || !objB) {
    if (objA || objB) return false;
    if (typeof a === "number" && typeof b === "number" && a !== a && b !== b) return true;
    return !strict && a == b;
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  var tag = Object.prototype.toString.call(a);
  if (tag !== Object.prototype.toString.call(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b) || (Array.isArray(a) && a.length !== b.length)) return false;
  if (tag === "[object Date]" && a.getTime() !== b.getTime() && !(a.getTime() !== a.getTime() && b.getTime() !== b.getTime())) return false;
  if (a instanceof RegExp && (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex)) return false;
  if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
  if (ArrayBuffer.isView(a)) {
    if (a.byteLength !== b.byteLength || a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (!(strict ? Object.is(a[i], b[i]) : a[i] == b[i])) return false;
  }
  if (a instanceof ArrayBuffer && !actuateDeepEqual(new Uint8Array(a), new Uint8Array(b), strict, memo)) return false;
  if (tag === "[object Number]" || tag === "[object String]" || tag === "[object Boolean]" || tag === "[object BigInt]" || tag === "[object Symbol]") {
    if (!Object.is(a.valueOf(), b.valueOf())) return false;
  }
  var keysA = actuateOwnKeys(a, strict), keysB = actuateOwnKeys(b, strict);
  if (keysA.length !== keysB.length) return false;
  for (var k = 0; k < keysA.length; k++) if (!Object.prototype.propertyIsEnumerable.call(b, keysA[k])) return false;
  memo = memo || { a: [], b: [] };
  for (var m = 0; m < memo.a.length; m++) if (memo.a[m] === a && memo.b[m] === b) return true;
  memo.a.push(a); memo.b.push(b);
  try {
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      var unmatched = [];
      b.forEach(function (v, key) { if (!a.has(key) || (key !== null && typeof key === "object")) unmatched.push([key, v]); });
      var ok = true;
      a.forEach(function (v, key) {
        if (!ok) return;
        if (b.has(key) && (key === null || typeof key !== "object")) { ok = actuateDeepEqual(v, b.get(key), strict, memo); return; }
        var at = unmatched.findIndex(function (e) { return actuateDeepEqual(key, e[0], strict, memo) && actuateDeepEqual(v, e[1], strict, memo); });
        if (at === -1) ok = false; else unmatched.splice(at, 1);
      });
      if (!ok) return false;
    } else if (a instanceof Set) {
      if (a.size !== b.size) return false;
      var rest = [];
      b.forEach(function (v) { if (v !== null && typeof v === "object" || !a.has(v)) rest.push(v); });
      var all = true;
      a.forEach(function (v) {
        if (!all || (b.has(v) && (v === null || typeof v !== "object"))) return;
        var at = rest.findIndex(function (w) { return actuateDeepEqual(v, w, strict, memo); });
        if (at === -1) all = false; else rest.splice(at, 1);
      });
      if (!all) return false;
    }
    for (var j = 0; j < keysA.length; j++) if (!actuateDeepEqual(a[keysA[j]], b[keysA[j]], strict, memo)) return false;
    return true;
  } finally {
    memo.a.pop(); memo.b.pop();
  }
}
function actuateOwnKeys(o, strict) {
  var keys = Object.keys(o);
  if (ArrayBuffer.isView(o)) keys = keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
  if (strict) Object.getOwnPropertySymbols(o).forEach(function (s) { if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s); });
  return keys;
}
`;
