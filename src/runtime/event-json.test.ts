import { describe, expect, test } from 'vitest';
import { EventJson } from './event-json.ts';

describe('EventJson', () => {
  const event = { user: { email: 'a@b.c', app_metadata: { plan: 'pro' } }, request: { ip: '203.0.113.9' }, client: { name: 'app' }, stats: { logins_count: 3 } };

  test('without reads, an action gets the whole event plus its own secrets', () => {
    const j = new EventJson(event);
    expect(JSON.parse(j.forAction(undefined, '{"K":"v"}'))).toEqual({ ...event, secrets: { K: 'v' } });
  });

  test('with reads, only those sections (absent ones are skipped; secrets always come from the action)', () => {
    const j = new EventJson(event);
    const text = j.forAction(['request', 'transaction', 'user', 'secrets'], '{}');
    expect(JSON.parse(text)).toEqual({ request: event.request, user: event.user, secrets: {} });
    expect(text).not.toContain('client');
    expect(JSON.parse(j.forAction([], '{"A":"1"}'))).toEqual({ secrets: { A: '1' } });
  });

  test('an empty event and keys that need escaping', () => {
    expect(JSON.parse(new EventJson({}).forAction(undefined, '{}'))).toEqual({ secrets: {} });
    const odd = JSON.parse('{"__proto__":{"x":1},"we\\"ird":2}') as Record<string, unknown>;
    const parsed = JSON.parse(new EventJson(odd).forAction(['__proto__', 'we"ird'], '{}')) as Record<string, unknown>;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(parsed['we"ird']).toBe(2);
  });
});

describe('EventJson field paths', () => {
  const event = { user: { email: 'a@b.c', name: 'Ana', app_metadata: { plan: 'pro' } }, request: { ip: '203.0.113.9', geoip: { countryCode: 'PT' } }, organization: null };

  test('a section read by fields holds only those fields; a whole-section read wins over its fields', () => {
    const j = new EventJson(event);
    expect(JSON.parse(j.forAction(['request', 'request.ip', 'user.app_metadata', 'user.email', 'user.missing'], '{}'))).toEqual({
      request: event.request, user: { email: 'a@b.c', app_metadata: { plan: 'pro' } }, secrets: {},
    });
  });

  test('a section that is not a plain object is sent whole, so field reads behave as on the full event', () => {
    const j = new EventJson(event);
    expect(JSON.parse(j.forAction(['organization.id'], '{}'))).toEqual({ organization: null, secrets: {} });
  });

  test('builds exactly the JSON text the action receives', () => {
    const j = new EventJson(event);
    const reads = ['user.email'];
    expect(j.forAction(reads, '{"A":"1"}')).toBe('{"user":{"email":"a@b.c"},"secrets":{"A":"1"}}');
    expect(j.forAction(['user.email'], '{}')).toBe('{"user":{"email":"a@b.c"},"secrets":{}}');
  });
});
