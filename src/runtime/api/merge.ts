import { InternalError } from '../../core/index.ts';
import { triggerKey } from '../../triggers/types.ts';
import type { FlowCommands } from './merge-types.ts';
import {
  mergeAccessToken,
  mergeAuthentication,
  mergeClaims,
  mergeMultifactor,
  mergeRefreshToken,
  mergeResultUrl,
  mergeSamlResponse,
  mergeSession,
  mergeTargetScopes,
  mergeTransactionMetadata,
  mergeUserMetadata,
} from './merge-sections.ts';
import type { FlowState } from './types.ts';

/**
 * The typed, merged result of all commands recorded in a flow (what the identity server applies):
 * claims and metadata merged per key (last write wins, deletions kept as `null`), MFA requests and
 * recorded methods in call order, earliest expiries, last-wins settings. Commands made before and in
 * a denying action are included: Auth0 keeps metadata changes requested before a deny. Pure: the
 * same commands give the same value (and the same JSON bytes).
 */
export function mergeCommands(state: FlowState): FlowCommands {
  const key = triggerKey(state.trigger);
  const merge = MERGERS[key];
  if (merge === undefined) throw new InternalError(`mergeCommands: no merger for ${key}; add one in src/runtime/api/merge.ts`);
  return merge(state);
}

/** Triggers mergeCommands knows, in registry order (a test checks it covers every definition). */
export function mergeableTriggers(): string[] {
  return Object.keys(MERGERS);
}

// --- internal ---

const MERGERS: Readonly<Record<string, (state: FlowState) => FlowCommands>> = {
  'post-login@v3': ({ commands: c, trigger }) => {
    const multifactor = mergeMultifactor(c);
    const samlResponse = mergeSamlResponse(c, trigger);
    const session = mergeSession(c);
    const refreshToken = mergeRefreshToken(c);
    return {
      trigger: 'post-login@v3',
      accessToken: mergeAccessToken(c),
      idToken: mergeClaims(c, 'idToken'),
      user: mergeUserMetadata(c),
      authentication: mergeAuthentication(c),
      transactionMetadata: mergeTransactionMetadata(c),
      ...(multifactor === undefined ? {} : { multifactor }),
      ...(samlResponse === undefined ? {} : { samlResponse }),
      ...(session === undefined ? {} : { session }),
      ...(refreshToken === undefined ? {} : { refreshToken }),
    };
  },
  'credentials-exchange@v2': ({ commands: c }) => {
    const targetScopes = mergeTargetScopes(c);
    return { trigger: 'credentials-exchange@v2', accessToken: mergeClaims(c, 'accessToken'), ...(targetScopes === undefined ? {} : { targetScopes }) };
  },
  'password-reset-post-challenge@v1': ({ commands: c }) => {
    const resultUrl = mergeResultUrl(c);
    return {
      trigger: 'password-reset-post-challenge@v1',
      authentication: { challenges: mergeAuthentication(c).challenges },
      ...(resultUrl === undefined ? {} : { resultUrl }),
    };
  },
  'pre-user-registration@v2': ({ commands: c }) => ({ trigger: 'pre-user-registration@v2', user: mergeUserMetadata(c) }),
  'post-user-registration@v2': () => ({ trigger: 'post-user-registration@v2' }),
  'post-change-password@v2': () => ({ trigger: 'post-change-password@v2' }),
  'send-phone-message@v2': () => ({ trigger: 'send-phone-message@v2' }),
};
