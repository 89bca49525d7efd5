/**
 * The `assert` built-in: unenv's, mended where it differs from Node. Its deep equality compared by
 * JSON.stringify (Node's is in deep-equal.ts), its AssertionError kept neither the message nor the
 * name, and its match/doesNotMatch never failed. Messages follow Node's (for values, inspected with
 * the options Node's assertion messages use); a test compares them with Node in the sandbox.
 */
import { DEEP_EQUAL_SOURCE } from './deep-equal.ts';

/** The module's source; `polyfillPrefix` names unenv's assert among the layer's package files. */
export const assertLayer = (polyfillPrefix: string): string => `var assert = require("${polyfillPrefix}unenv/node/assert").default;
${DEEP_EQUAL_SOURCE}
var show = function (v) {
  var b = globalThis.__actuate_builtins;
  // The options Node's assertion messages inspect with.
  try { return b && b.util ? b.util.inspect(v, { compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, sorted: true }) : JSON.stringify(v); } catch (e) { return String(v); }
};
// unenv's AssertionError keeps neither the message nor the name; these errors carry both.
function assertionError(o) {
  var e = new assert.AssertionError(o);
  Object.defineProperty(e, "message", { value: o.message, writable: true, configurable: true });
  Object.defineProperty(e, "name", { value: "AssertionError", writable: true, configurable: true });
  e.generatedMessage = o.generated;
  return e;
}
var HEADLINES = {
  deepEqual: ["Expected values to be loosely deep-equal:", "should loosely deep-equal"],
  deepStrictEqual: ["Expected values to be strictly deep-equal:", "should equal"],
  notDeepEqual: ['Expected "actual" not to be loosely deep-equal to:'],
  notDeepStrictEqual: ['Expected "actual" not to be strictly deep-equal to:'],
};
function deepCheck(operator, strict, equal) {
  var check = function (actual, expected, message) {
    if (arguments.length < 2) throw new TypeError('The "actual" and "expected" arguments must be specified');
    if (actuateDeepEqual(actual, expected, strict) !== equal) {
      if (message instanceof Error) throw message;
      var h = HEADLINES[operator];
      var generated = message === undefined || message === null;
      var text = !generated ? String(message) : equal ? h[0] + "\\n\\n" + show(actual) + "\\n\\n" + h[1] + "\\n\\n" + show(expected) + "\\n" : h[0] + "\\n\\n" + show(expected) + "\\n";
      throw assertionError({ actual: actual, expected: expected, message: text, generated: generated, operator: operator, stackStartFn: check });
    }
  };
  return check;
}
assert.deepEqual = deepCheck("deepEqual", false, true);
assert.notDeepEqual = deepCheck("notDeepEqual", false, false);
assert.deepStrictEqual = deepCheck("deepStrictEqual", true, true);
assert.notDeepStrictEqual = deepCheck("notDeepStrictEqual", true, false);
// The other assertions are unenv's, whose errors lose their message (and name): they get them
// back here, the message given or the one Node generates.
var GIVEN = { ok: 1, equal: 2, notEqual: 2, strictEqual: 2, notStrictEqual: 2, fail: 0 };
function givenMessage(name, args) {
  if (name === "throws" || name === "doesNotThrow") return args.length > 1 && typeof args[args.length - 1] === "string" ? args[args.length - 1] : undefined;
  if (name === "fail" && args.length > 1) return typeof args[2] === "string" ? args[2] : undefined;
  return GIVEN[name] !== undefined && typeof args[GIVEN[name]] === "string" ? args[GIVEN[name]] : undefined;
}
function generatedMessage(name, args, e) {
  switch (name) {
    case "ok": return args.length === 0 ? "No value argument passed to \`assert.ok()\`" : show(args[0]) + " == true";
    case "equal": return show(args[0]) + " == " + show(args[1]);
    case "notEqual": return show(args[0]) + " != " + show(args[1]);
    case "strictEqual": return "Expected values to be strictly equal:\\n\\n" + show(args[0]) + " !== " + show(args[1]) + "\\n";
    case "notStrictEqual": return 'Expected "actual" to be strictly unequal to: ' + show(args[1]);
    case "match": return "The input did not match the regular expression " + String(args[1]) + ". Input:\\n\\n" + show(args[0]) + "\\n";
    case "doesNotMatch": return "The input was expected to not match the regular expression " + String(args[1]) + ". Input:\\n\\n" + show(args[0]) + "\\n";
    case "fail": return args.length > 1 ? show(args[0]) + " " + (args[3] || "!=") + " " + show(args[1]) : "Failed";
    case "throws": return "Missing expected exception" + (typeof args[1] === "function" && args[1].name ? " (" + args[1].name + ")." : ".");
    case "ifError": return "ifError got unwanted exception: " + (e.actual && typeof e.actual.message === "string" ? e.actual.message || (e.actual.constructor && e.actual.constructor.name) : show(e.actual));
    default: return undefined;
  }
}
["ok", "equal", "notEqual", "strictEqual", "notStrictEqual", "fail", "throws", "doesNotThrow", "ifError"].forEach(function (name) {
  var original = assert[name];
  if (typeof original !== "function") return;
  var wrapped = function () {
    var args = arguments;
    try {
      return original.apply(this, args);
    } catch (e) {
      if (!(e instanceof assert.AssertionError) || e.name === "AssertionError") throw e;
      var given = givenMessage(name, args);
      if (name === "strictEqual" && given !== undefined && (args[0] === null || typeof args[0] !== "object") && (args[1] === null || typeof args[1] !== "object")) given += "\\n\\n" + show(args[0]) + " !== " + show(args[1]) + "\\n";
      var text = name === "doesNotThrow"
        ? "Got unwanted exception" + (given !== undefined ? ": " + given : ".") + "\\nActual message: \\"" + (e.actual && e.actual.message) + "\\""
        : name === "throws" && given !== undefined ? "Missing expected exception: " + given : given !== undefined ? given : generatedMessage(name, args, e);
      throw assertionError({ actual: e.actual, expected: e.expected, message: text, generated: given === undefined, operator: e.operator, stackStartFn: wrapped });
    }
  };
  assert[name] = wrapped;
  if (name !== "equal" && name !== "notEqual") assert.strict[name] = wrapped;
});
// unenv's match and doesNotMatch do not test the input; these do, as Node's.
["match", "doesNotMatch"].forEach(function (name) {
  var check = function (string, regexp, message) {
    if (!(regexp instanceof RegExp)) throw new TypeError('The "regexp" argument must be an instance of RegExp.');
    if (typeof string !== "string" || regexp.test(string) !== (name === "match")) {
      if (message instanceof Error) throw message;
      var text = typeof message === "string" ? message : typeof string !== "string"
        ? 'The "string" argument must be of type string. Received type ' + typeof string + " (" + show(string) + ")"
        : generatedMessage(name, [string, regexp]);
      throw assertionError({ actual: string, expected: regexp, message: text, generated: typeof message !== "string", operator: name, stackStartFn: check });
    }
  };
  assert[name] = assert.strict[name] = check;
});
assert.strict.equal = assert.strictEqual;
assert.strict.notEqual = assert.notStrictEqual;
assert.strict.deepEqual = assert.strict.deepStrictEqual = assert.deepStrictEqual;
assert.strict.notDeepEqual = assert.strict.notDeepStrictEqual = assert.notDeepStrictEqual;
// assert(value) and assert.strict(value) are themselves unenv's ok: callables that go through the wrapped one.
var callable = Object.assign(function assert() { return callable.ok.apply(this, arguments); }, assert);
var strictCallable = Object.assign(function strict() { return callable.ok.apply(this, arguments); }, assert.strict);
strictCallable.strict = strictCallable;
callable.strict = strictCallable;
module.exports = callable;
`;
