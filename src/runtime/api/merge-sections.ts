import type { TriggerDefinition } from '../../triggers/types.ts';
import type {
  AccessTokenChanges,
  AuthenticationChanges,
  EntityMetadataChanges,
  FactorRequest,
  MultifactorChange,
  RefreshTokenChanges,
  ResultUrlChange,
  SamlResponseChanges,
  SessionChanges,
  TargetScopeChanges,
  TokenChanges,
  UserMetadataChanges,
} from './merge-types.ts';
import type { RecordedCommand } from './types.ts';
import { isRecord, sortedRecord } from './values.ts';

/**
 * One reducer per api namespace, folding that namespace's commands (in call order) into its part of
 * the merged result. mergeCommands picks the parts each trigger has.
 */

type Cmds = readonly RecordedCommand[];

export function mergeClaims(cmds: Cmds, namespace: string): TokenChanges {
  const claims = new Map<string, unknown>();
  for (const c of cmds) if (c.namespace === namespace && c.method === 'setCustomClaim') claims.set(c.args[0] as string, c.args[1] ?? null);
  return { customClaims: sortedRecord(claims) };
}

export function mergeAccessToken(cmds: Cmds): AccessTokenChanges {
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const c of cmds) {
    if (c.namespace !== 'accessToken') continue;
    const scope = c.args[0] as string;
    if (c.method === 'addScope') {
      added.add(scope);
      removed.delete(scope);
    } else if (c.method === 'removeScope') {
      removed.add(scope);
      added.delete(scope);
    }
  }
  return { ...mergeClaims(cmds, 'accessToken'), addedScopes: [...added].sort(), removedScopes: [...removed].sort() };
}

export function mergeUserMetadata(cmds: Cmds): UserMetadataChanges {
  const linking = new Set(cmds.filter((c) => c.namespace === 'authentication' && c.method === 'setPrimaryUser').map((c) => `${c.action}\0${c.handler}`));
  const app = new Map<string, unknown>();
  const user = new Map<string, unknown>();
  for (const c of cmds) {
    if (c.namespace !== 'user') continue;
    if (c.method === 'setAppMetadata') app.set(c.args[0] as string, c.args[1] ?? null);
    else if (c.method === 'setUserMetadata' && !linking.has(`${c.action}\0${c.handler}`)) user.set(c.args[0] as string, c.args[1] ?? null);
  }
  return { appMetadata: sortedRecord(app), userMetadata: sortedRecord(user) };
}

export function mergeTransactionMetadata(cmds: Cmds): Record<string, unknown> {
  const patch = new Map<string, unknown>();
  for (const c of cmds) if (c.namespace === 'transaction' && c.method === 'setMetadata') patch.set(c.args[0] as string, c.args[1] ?? null);
  return sortedRecord(patch);
}

export function mergeAuthentication(cmds: Cmds): AuthenticationChanges {
  const challenges: FactorRequest[] = [];
  const enrollments: FactorRequest[] = [];
  const recorded: string[] = [];
  let primaryUserId: string | undefined;
  for (const c of cmds) {
    if (c.namespace !== 'authentication') continue;
    switch (c.method) {
      case 'challengeWith':
      case 'enrollWith': {
        const extra = isRecord(c.args[1]) && Array.isArray(c.args[1]['additionalFactors']) ? c.args[1]['additionalFactors'] : [];
        (c.method === 'challengeWith' ? challenges : enrollments).push({ action: c.action, factors: [c.args[0], ...extra], picker: false });
        break;
      }
      case 'challengeWithAny':
      case 'enrollWithAny':
        (c.method === 'challengeWithAny' ? challenges : enrollments).push({ action: c.action, factors: c.args[0] as unknown[], picker: true });
        break;
      case 'recordMethod':
        if (!recorded.includes(c.args[0] as string)) recorded.push(c.args[0] as string);
        break;
      case 'setPrimaryUser':
        primaryUserId ??= c.args[0] as string;
        break;
      default:
        break;
    }
  }
  return { challenges, enrollments, recordedMethods: recorded, ...(primaryUserId === undefined ? {} : { primaryUserId }) };
}

export function mergeMultifactor(cmds: Cmds): MultifactorChange | undefined {
  const last = cmds.findLast((c) => c.namespace === 'multifactor' && c.method === 'enable');
  if (last === undefined) return undefined;
  const options = isRecord(last.args[1]) ? last.args[1] : {};
  return {
    provider: last.args[0] as string,
    allowRememberBrowser: options['allowRememberBrowser'] === true,
    ...(isRecord(options['providerOptions']) ? { providerOptions: options['providerOptions'] } : {}),
  };
}

/** SAML settings are keyed by the setter's parameter name, read from the definition (`setAudience` → `audience`). */
export function mergeSamlResponse(cmds: Cmds, def: TriggerDefinition): SamlResponseChanges | undefined {
  const own = cmds.filter((c) => c.namespace === 'samlResponse');
  if (own.length === 0) return undefined;
  const methods = def.api.find((ns) => ns.name === 'samlResponse')?.methods ?? [];
  const attributes = new Map<string, unknown>();
  const settings = new Map<string, unknown>();
  for (const c of own) {
    if (c.method === 'setAttribute') attributes.set(c.args[0] as string, c.args[1] ?? null);
    else settings.set(methods.find((m) => m.name === c.method)?.params[0]?.name ?? c.method, c.args[0]);
  }
  return { attributes: sortedRecord(attributes), settings: sortedRecord(settings) };
}

export function mergeSession(cmds: Cmds): SessionChanges | undefined {
  const own = cmds.filter((c) => c.namespace === 'session');
  if (own.length === 0) return undefined;
  const revoke = own.find((c) => c.method === 'revoke');
  const cookie = own.findLast((c) => c.method === 'setCookieMode');
  return {
    ...(revoke === undefined
      ? {}
      : { revoked: { reason: revoke.args[0] as string, preserveRefreshTokens: isRecord(revoke.args[1]) && revoke.args[1]['preserveRefreshTokens'] === true } }),
    ...(cookie === undefined ? {} : { cookieMode: cookie.args[0] as 'persistent' | 'non-persistent' }),
    ...mergeExpiry(own),
  };
}

export function mergeRefreshToken(cmds: Cmds): RefreshTokenChanges | undefined {
  const own = cmds.filter((c) => c.namespace === 'refreshToken');
  if (own.length === 0) return undefined;
  const revoke = own.find((c) => c.method === 'revoke');
  return { ...(revoke === undefined ? {} : { revoked: { reason: revoke.args[0] as string } }), ...mergeExpiry(own) };
}

export function mergeTargetScopes(cmds: Cmds): TargetScopeChanges | undefined {
  let replacedWith: Set<string> | undefined;
  const added = new Set<string>();
  const removed = new Set<string>();
  let any = false;
  for (const c of cmds) {
    if (c.namespace !== 'transaction') continue;
    const scope = c.args[0] as string;
    if (c.method === 'setTargetScopes' || c.method === 'clearTargetScopes') {
      replacedWith = new Set(c.method === 'setTargetScopes' ? (c.args[0] as string[]) : []);
      added.clear();
      removed.clear();
    } else if (c.method === 'addTargetScope') {
      replacedWith?.add(scope);
      if (!replacedWith) {
        added.add(scope);
        removed.delete(scope);
      }
    } else if (c.method === 'removeTargetScope') {
      replacedWith?.delete(scope);
      if (!replacedWith) {
        removed.add(scope);
        added.delete(scope);
      }
    } else continue;
    any = true;
  }
  if (!any) return undefined;
  return { ...(replacedWith ? { replacedWith: [...replacedWith].sort() } : {}), added: [...added].sort(), removed: [...removed].sort() };
}

export function mergeResultUrl(cmds: Cmds): ResultUrlChange | undefined {
  const last = cmds.findLast((c) => c.namespace === 'transaction' && c.method === 'setResultUrl');
  if (last === undefined) return undefined;
  const options = isRecord(last.args[1]) ? last.args[1] : {};
  return { url: last.args[0] as string, query: isRecord(options['query']) ? sortedRecord(Object.entries(options['query'] as Record<string, string>)) : {} };
}

// --- internal ---

function mergeExpiry(own: Cmds): { expiresAt?: number; idleExpiresAt?: number; metadata?: EntityMetadataChanges } {
  const earliest = (method: string) => {
    const values = own.filter((c) => c.method === method).map((c) => c.args[0] as number);
    return values.length === 0 ? undefined : Math.min(...values);
  };
  const expiresAt = earliest('setExpiresAt');
  const idleExpiresAt = earliest('setIdleExpiresAt');
  let evicted = false;
  let touched = false;
  const patch = new Map<string, string | null>();
  for (const c of own) {
    if (c.method === 'evictMetadata') {
      evicted = true;
      patch.clear();
    } else if (c.method === 'setMetadata') patch.set(c.args[0] as string, (c.args[1] ?? null) as string | null);
    else if (c.method === 'deleteMetadata') patch.set(c.args[0] as string, null);
    else continue;
    touched = true;
  }
  return {
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(idleExpiresAt === undefined ? {} : { idleExpiresAt }),
    ...(touched ? { metadata: { evicted, patch: sortedRecord(patch) } } : {}),
  };
}
