/**
 * Small value helpers shared by the api's checks: sizes as Auth0 counts them (UTF-8 bytes, JSON
 * bytes), short descriptions of bad values for error messages, and the URL and scope rules.
 */

/** UTF-8 length of a string. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** UTF-8 length of a value's JSON text (`undefined` counts as `null`). */
export function jsonBytes(v: unknown): number {
  return utf8Bytes(JSON.stringify(v) ?? 'null');
}

/** How an error message shows a value the action passed: short, and never a whole object. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'string') {
    const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    return JSON.stringify(shown);
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'an array';
  return 'an object';
}

/** True for an absolute `http:` or `https:` URL (what `sendUserTo` and `setResultUrl` accept). */
export function isHttpUrl(s: string): boolean {
  if (!URL.canParse(s)) return false;
  const { protocol, hostname } = new URL(s);
  return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
}

/**
 * RFC 6749 §3.3 scope-token: one or more printable ASCII characters other than space, `"` and `\`.
 * Auth0 throws on an invalid scope; this is the rule it can only mean.
 */
export function isScopeToken(s: string): boolean {
  return /^[\x21\x23-\x5B\x5D-\x7E]+$/.test(s);
}

/** A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Auth0 refuses metadata field names containing `.` or `$` (at any depth). Returns the first bad
 * name's path, or undefined when all are fine.
 */
export function badMetadataFieldName(key: string, value: unknown): string | undefined {
  if (key.includes('.') || key.includes('$')) return key;
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = isRecord(item) ? badNestedName(key, item) : undefined;
      if (bad !== undefined) return bad;
    }
  } else if (isRecord(value)) return badNestedName(key, value);
  return undefined;
}

function badNestedName(prefix: string, obj: Record<string, unknown>): string | undefined {
  for (const [k, v] of Object.entries(obj)) {
    const bad = badMetadataFieldName(k, v);
    if (bad !== undefined) return `${prefix}.${bad}`;
  }
  return undefined;
}

/** A copy of an object with its own keys sorted: merged results have a deterministic key order. */
export function sortedRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  // Most sections of a merged result are empty (a flow sets a few claims, no metadata): skip the copy and sort.
  if (entries instanceof Map && entries.size === 0) return out;
  for (const [k, v] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) defineOwn(out, k, v);
  return out;
}

/**
 * Sets an own, enumerable property, even for keys like `__proto__` that plain assignment would turn
 * into a prototype change (metadata keys and claim names come from the action).
 */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // Only `__proto__` behaves differently under assignment (Object.prototype has no other setter);
  // plain assignment keeps V8's fast object shapes, defineProperty would not.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
