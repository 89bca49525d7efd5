/**
 * Argument checks for host operations. Whatever the guest sends is untrusted (user code can reach
 * the guest internals' behaviour, if not the host functions themselves), so every op validates its
 * parsed JSON arguments and answers bad input with a TypeError/RangeError the guest can read.
 */

/** An array of exactly `length` items (any length when `length` is -1). */
export function expectArray(v: unknown, length: number, what: string): unknown[] {
  if (!Array.isArray(v)) throw new TypeError(`${what} must be an array`);
  if (length >= 0 && v.length !== length) throw new TypeError(`${what} must have ${length} items, got ${v.length}`);
  return v;
}

/** An array of `min` to `max` items (trailing optional arguments). */
export function expectItems(v: unknown, min: number, max: number, what: string): unknown[] {
  const a = expectArray(v, -1, what);
  if (a.length < min || a.length > max) throw new TypeError(`${what} must have ${min} ${max === min + 1 ? 'or' : 'to'} ${max} items, got ${a.length}`);
  return a;
}

export function expectString(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new TypeError(`${what} must be a string, got ${describe(v)}`);
  return v;
}

export function expectInteger(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new TypeError(`${what} must be an integer, got ${describe(v)}`);
  if (v < min || v > max) throw new RangeError(`${what} must be between ${min} and ${max}, got ${v}`);
  return v;
}

export function expectObject(v: unknown, what: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new TypeError(`${what} must be an object, got ${describe(v)}`);
  return v as Record<string, unknown>;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Binary data crosses as standard base64; anything else is a bug in guest code, reported as such. */
export function fromB64(v: unknown, what: string): Buffer {
  const s = expectString(v, what);
  if (s.length % 4 !== 0 || !BASE64.test(s)) throw new TypeError(`${what} must be base64-encoded`);
  return Buffer.from(s, 'base64');
}

export function toB64(bytes: Uint8Array | ArrayBuffer): string {
  return (bytes instanceof ArrayBuffer ? Buffer.from(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString('base64');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}
