import type { FlowRedirect } from './types.ts';

/**
 * The URL to send the browser to for a suspended flow: the action's URL with its query parameters
 * added (replacing ones of the same name already in the URL) and `state` set to the continuation
 * state last, so nothing the action passed can override it.
 */
export function redirectUrl(redirect: Pick<FlowRedirect, 'url' | 'query'>, state: string): string {
  const u = new URL(redirect.url);
  for (const [k, v] of Object.entries(redirect.query)) u.searchParams.set(k, v);
  u.searchParams.set('state', state);
  return u.toString();
}
