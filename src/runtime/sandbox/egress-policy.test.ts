import { describe, expect, test } from 'vitest';
import { UsageError } from '../../core/errors.ts';
import { classifyAddress, refuseAddress, refuseHost, validateEgressPolicy } from './egress-policy.ts';

describe('classifyAddress', () => {
  const cases: [string, string][] = [
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.128.0.1', 'public'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['2001:4860:4860::8888', 'public'],
    ['::1', 'loopback'],
    ['::', 'reserved'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00::1', 'private'],
    ['fc00::', 'private'],
    ['ff02::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:0a00:0001::', 'private'],
    ['not an ip', 'reserved'],
  ];
  test.each(cases)('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('refuseHost (allow-list)', () => {
  const policy = { allow: ['api.example.com', '*.trusted.example', '127.0.0.1', '[::1]', 'Dot.Example.'] };
  test.each([
    ['api.example.com', true],
    ['API.EXAMPLE.COM', true],
    ['other.example.com', false],
    ['a.trusted.example', true],
    ['a.b.trusted.example', true],
    ['trusted.example', false],
    ['eviltrusted.example', false],
    ['127.0.0.1', true],
    ['[::1]', true],
    ['dot.example', true],
  ])('%s allowed: %s', (host, allowed) => {
    expect(refuseHost(policy, host) === undefined).toBe(allowed);
  });
  test('no allow-list allows every host; "*" too', () => {
    expect(refuseHost({}, 'anything.example')).toBeUndefined();
    expect(refuseHost({ allow: ['*'] }, 'anything.example')).toBeUndefined();
    expect(refuseHost({ allow: [] }, 'anything.example')).toBe('host anything.example is not in the egress allow-list');
  });
});

describe('refuseAddress', () => {
  test('private destinations are refused with the reason, unless allowed', () => {
    expect(refuseAddress({}, '10.0.0.1', '10.0.0.1')).toBe('private address (egress policy)');
    expect(refuseAddress({}, 'db.internal', '10.0.0.5')).toBe('db.internal resolves to private address 10.0.0.5 (egress policy)');
    expect(refuseAddress({}, 'example.com', '93.184.216.34')).toBeUndefined();
    expect(refuseAddress({ allowPrivate: true }, 'db.internal', '10.0.0.5')).toBeUndefined();
  });
  test('an IP literal listed verbatim is allowed even when private; a listed hostname is not enough', () => {
    expect(refuseAddress({ allow: ['127.0.0.1'] }, '127.0.0.1', '127.0.0.1')).toBeUndefined();
    expect(refuseAddress({ allow: ['localhost'] }, 'localhost', '127.0.0.1')).toBe('localhost resolves to loopback address 127.0.0.1 (egress policy)');
  });
});

describe('validateEgressPolicy', () => {
  test('accepts hostnames, wildcards, IP literals and *', () => {
    expect(() => validateEgressPolicy({ allow: ['a.example', '*.b.example', '10.1.2.3', '::1', '*', 'localhost'] })).not.toThrow();
  });
  test.each(['https://a.example', 'a.*.example', '*example.com', '', 'a b'])('rejects %j with a usage error', (entry) => {
    expect(() => validateEgressPolicy({ allow: [entry] })).toThrow(UsageError);
  });
});
