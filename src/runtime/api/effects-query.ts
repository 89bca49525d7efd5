import type { CacheSetOptions } from './cache.ts';
import { API_LIMITS } from './limits.ts';
import { fail } from './effect.ts';
import type { EffectContext, MethodEffect } from './effect.ts';
import { describeValue } from './values.ts';

/**
 * Queries: methods that return something and change nothing the identity server applies, so they
 * are never recorded. `api.cache` forwards to the trigger's cache; `api.groups` / `api.roles`
 * (post-login, Auth0 Early Access) answer from Actuate's directory, which is empty: Actuate keeps
 * no users, groups or roles, so every look-up returns an empty page and every membership is false.
 * Code written for Auth0 keeps running and takes its "not a member" branch.
 */
export const QUERY_EFFECTS: Readonly<Record<string, MethodEffect>> = {
  'cache.get': { command: false, run: (ctx, [key]) => ctx.options.cache.get(key as string) },
  'cache.set': {
    command: false,
    run(ctx, [key, value, options]) {
      if (++ctx.invocation.cacheWrites > API_LIMITS.cacheWritesPerInvocation) return { type: 'error', code: 'MaxSideEffectsExceeded' };
      return ctx.options.cache.set(key as string, value as string, (options ?? {}) as CacheSetOptions);
    },
  },
  'cache.delete': {
    command: false,
    run(ctx, [key]) {
      if (++ctx.invocation.cacheWrites > API_LIMITS.cacheWritesPerInvocation) return { type: 'error', code: 'MaxSideEffectsExceeded' };
      return ctx.options.cache.delete(key as string);
    },
  },

  'groups.getUserGroups': {
    command: false,
    run(ctx, [options]) {
      checkTake(ctx, options);
      return { groups: [] };
    },
  },
  'groups.hasGroupMembership': {
    command: false,
    run(ctx, [groups]) {
      const list = groups as string[];
      checkCount(ctx, 'groups', list, API_LIMITS.directoryIds);
      return { memberships: Object.fromEntries(list.map((g) => [g, { is_member: false }])) };
    },
  },
  'roles.getUserEffectiveRoles': {
    command: false,
    run(ctx, [options]) {
      checkTake(ctx, options);
      return { roles: [] };
    },
  },
  'roles.getUserEffectiveRolesByIds': {
    command: false,
    run(ctx, [ids]) {
      checkCount(ctx, 'ids', ids as string[], API_LIMITS.directoryIds);
      return { roles: [] };
    },
  },
  'roles.getUserEffectiveRolesByNames': {
    command: false,
    run(ctx, [names]) {
      checkCount(ctx, 'names', names as string[], API_LIMITS.directoryNames);
      return { roles: [] };
    },
  },
};

// --- internal ---

function checkTake(ctx: EffectContext, options: unknown): void {
  const take = (options as { take?: number } | undefined)?.take;
  if (take !== undefined && !(take >= 1 && take <= API_LIMITS.directoryPageSize)) {
    fail(ctx, `options.take must be between 1 and ${API_LIMITS.directoryPageSize}, got ${describeValue(take)}`);
  }
}

function checkCount(ctx: EffectContext, what: string, list: readonly string[], max: number): void {
  if (list.length === 0) fail(ctx, `${what} must not be empty`);
  if (list.length > max) fail(ctx, `${what} lists ${list.length} entries; the limit is ${max}`);
}
