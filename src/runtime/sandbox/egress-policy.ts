import { isIP } from 'node:net';
import { UsageError } from '../../core/errors.ts';

/**
 * Where guest `fetch` may connect. The owner builds it from the repo's `actuate.json` (`egress`);
 * the sandbox only enforces it. Two independent checks, both on every redirect hop:
 *  1. the URL's hostname must match `allow` (when given);
 *  2. every address the connection would use (after DNS resolution, at connect time, so DNS
 *     rebinding cannot slip past) must be public, unless `allowPrivate` is set or the URL's host
 *     is an IP literal listed verbatim in `allow`.
 */
export interface EgressPolicy {
  /**
   * Hostnames the guest may fetch: exact names (`api.example.com`), `*.example.com` for any
   * subdomain (not the apex itself), IP literals, or `*` for every host. Omitted: any host, subject
   * to the address check.
   */
  readonly allow?: readonly string[];
  /** Permit loopback, private, link-local and reserved destinations (development and tests). */
  readonly allowPrivate?: boolean;
}

/** What kind of destination an IP address is; anything but `public` is refused by default. */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'reserved';

/**
 * Checks the patterns of a policy up front, so a typo in `actuate.json` is reported once with the
 * offending entry rather than as every fetch being refused.
 */
export function validateEgressPolicy(policy: EgressPolicy): void {
  for (const entry of policy.allow ?? []) {
    const p = normalizeHost(entry);
    const name = p.startsWith('*.') ? p.slice(2) : p;
    if (p === '*' || isIP(p) !== 0) continue;
    if (name === '' || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name)) {
      throw new UsageError(
        `invalid egress allow-list entry "${entry}"`,
        'use a hostname (api.example.com), a wildcard for subdomains (*.example.com), an IP literal, or "*"',
      );
    }
  }
}

/** Lowercases and strips IPv6 brackets and a trailing dot, as URL hostnames may carry them. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/** Returns why the hostname is refused by the allow-list, or undefined when it may be fetched. */
export function refuseHost(policy: EgressPolicy, hostname: string): string | undefined {
  if (policy.allow === undefined) return undefined;
  const host = normalizeHost(hostname);
  for (const entry of policy.allow) {
    const p = normalizeHost(entry);
    if (p === '*' || p === host) return undefined;
    if (p.startsWith('*.') && host.endsWith(p.slice(1))) return undefined;
  }
  return `host ${host} is not in the egress allow-list`;
}

/**
 * Returns why connecting to `address` (for URL host `hostname`) is refused, or undefined when it
 * is allowed. `address` is what DNS returned, or the literal itself.
 */
export function refuseAddress(policy: EgressPolicy, hostname: string, address: string): string | undefined {
  const cls = classifyAddress(address);
  if (cls === 'public' || policy.allowPrivate === true) return undefined;
  const host = normalizeHost(hostname);
  if (isIP(host) !== 0 && (policy.allow ?? []).some((e) => normalizeHost(e) === host)) return undefined;
  const what = `${cls} address`;
  return isIP(host) !== 0 ? `${what} (egress policy)` : `${host} resolves to ${what} ${address} (egress policy)`;
}

/** Classifies an IPv4 or IPv6 address; unparseable input counts as `reserved` (refused). */
export function classifyAddress(address: string): AddressClass {
  const a = address.split('%')[0] ?? '';
  const v4 = parseIPv4(a);
  if (v4 !== undefined) return classifyV4(v4);
  const v6 = parseIPv6(a);
  if (v6 === undefined) return 'reserved';
  return classifyV6(v6);
}

// --- internal ---

type Range = readonly [prefix: readonly number[], bits: number, cls: AddressClass];

const V4_RANGES: readonly Range[] = [
  [[0], 8, 'reserved'], // "this network"
  [[10], 8, 'private'],
  [[100, 64], 10, 'private'], // carrier-grade NAT
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'reserved'],
  [[192, 0, 2], 24, 'reserved'], // TEST-NET-1
  [[192, 88, 99], 24, 'reserved'], // 6to4 relay
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'reserved'], // benchmarking
  [[198, 51, 100], 24, 'reserved'], // TEST-NET-2
  [[203, 0, 113], 24, 'reserved'], // TEST-NET-3
  [[224], 4, 'reserved'], // multicast
  [[240], 4, 'reserved'], // future use and broadcast
];

const V6_RANGES: readonly Range[] = [
  [[0xfc], 7, 'private'], // unique local
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xff], 8, 'reserved'], // multicast
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'reserved'], // documentation
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'reserved'], // discard
  [[0x20, 0x01, 0, 0], 32, 'reserved'], // Teredo
];

function matches(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i < bits; i += 8) {
    const take = Math.min(8, bits - i);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[i / 8] ?? 0) & mask) !== ((prefix[i / 8] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyV4(b: readonly number[]): AddressClass {
  for (const [prefix, bits, cls] of V4_RANGES) if (matches(b, prefix, bits)) return cls;
  return 'public';
}

function classifyV6(b: readonly number[]): AddressClass {
  const zeros = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (zeros(15) && b[15] === 0) return 'reserved'; // ::
  if (zeros(15) && b[15] === 1) return 'loopback'; // ::1
  // Addresses that embed an IPv4 address are judged by it: mapped, compatible, NAT64, 6to4.
  if (zeros(10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(b.slice(12));
  if (zeros(12)) return classifyV4(b.slice(12));
  if (matches(b, [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96)) return classifyV4(b.slice(12));
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(b.slice(2, 6));
  for (const [prefix, bits, cls] of V6_RANGES) if (matches(b, prefix, bits)) return cls;
  return 'public';
}

function parseIPv4(s: string): number[] | undefined {
  if (isIP(s) !== 4) return undefined;
  return s.split('.').map((x) => Number(x));
}

function parseIPv6(s: string): number[] | undefined {
  if (isIP(s) !== 6) return undefined;
  let head = s;
  let tail4: number[] = [];
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    // Embedded dotted quad (::ffff:1.2.3.4): parse it, keep the hex part (with its "::" if any).
    tail4 = parseIPv4(last) ?? [];
    head = s.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const groupsNeeded = tail4.length > 0 ? 6 : 8;
  const [left = '', right] = head.split('::');
  const l = left === '' ? [] : left.split(':');
  const r = right === undefined ? [] : right === '' ? [] : right.split(':');
  const fill = right === undefined ? 0 : groupsNeeded - l.length - r.length;
  const groups = [...l, ...Array<string>(fill).fill('0'), ...r];
  if (groups.length !== groupsNeeded) return undefined;
  const bytes: number[] = [];
  for (const g of groups) {
    const v = parseInt(g, 16);
    bytes.push((v >> 8) & 0xff, v & 0xff);
  }
  return [...bytes, ...tail4];
}
