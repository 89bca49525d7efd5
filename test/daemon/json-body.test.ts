import { describe, expect, it } from 'vitest';
import { mayDefer } from '../../src/daemon/http/json-body.ts';

describe('which flow bodies may reach the executor unparsed', () => {
  it('an object without prototype keys, after JSON whitespace', () => {
    expect(mayDefer('{"user":{"user_id":"u1"}}')).toBe(true);
    expect(mayDefer(' \t\r\n{"a":1}')).toBe(true);
    expect(mayDefer('{"name":"caf\\u00e9"}')).toBe(true); // escapes of other letters are harmless
    expect(mayDefer('{"user": ')).toBe(true); // malformed: the executor rejects it, then the daemon's own parse answers 400
  });

  it('not anything the daemon must parse itself: other JSON values, a byte-order mark, prototype keys in any spelling', () => {
    for (const text of ['[1,2]', '"x"', '42', 'null', '', '   ', '\uFEFF{"a":1}', 'x{"a":1}']) expect(mayDefer(text)).toBe(false);
    expect(mayDefer('{"__proto__":{"admin":true}}')).toBe(false);
    expect(mayDefer('{"a":{"constructor":{"prototype":{}}}}')).toBe(false);
    expect(mayDefer('{"\\u005f_proto__":{"admin":true}}')).toBe(false);
    expect(mayDefer('{"\\u0063onstructor":{}}')).toBe(false);
    // A value that merely mentions the words is parsed here too (conservative, rare).
    expect(mayDefer('{"note":"the constructor"}')).toBe(false);
  });
});
