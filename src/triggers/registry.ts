import type { TriggerDefinition } from './types.ts';
import { credentialsExchangeV2 } from './definitions/credentials-exchange-v2.ts';
import { passwordResetPostChallengeV1 } from './definitions/password-reset-post-challenge-v1.ts';
import { postChangePasswordV2 } from './definitions/post-change-password-v2.ts';
import { postLoginV3 } from './definitions/post-login-v3.ts';
import { postUserRegistrationV2 } from './definitions/post-user-registration-v2.ts';
import { preUserRegistrationV2 } from './definitions/pre-user-registration-v2.ts';
import { sendPhoneMessageV2 } from './definitions/send-phone-message-v2.ts';

/**
 * Every trigger@version Actuate supports, in a fixed order (DESIGN.md's table). Generated files,
 * listings and manifests iterate this array, so its order is part of their bytes: append new
 * triggers, never reorder. Adding a trigger (or a version) means adding a definition here and nothing else.
 */
export const TRIGGERS: readonly TriggerDefinition[] = Object.freeze([
  postLoginV3,
  credentialsExchangeV2,
  passwordResetPostChallengeV1,
  preUserRegistrationV2,
  postUserRegistrationV2,
  postChangePasswordV2,
  sendPhoneMessageV2,
]);

/**
 * Looks up a definition. Without `version`, returns the current (highest) version, which is what an
 * `action.json` without `"version"` means. `undefined` for an unknown id or version: callers turn
 * that into a diagnostic that lists {@link listTriggerIds}.
 */
export function getTrigger(id: string, version?: string): TriggerDefinition | undefined {
  if (version !== undefined) return TRIGGERS.find((t) => t.id === id && t.version === version);
  let latest: TriggerDefinition | undefined;
  for (const t of TRIGGERS) {
    if (t.id === id && (latest === undefined || versionNumber(t.version) > versionNumber(latest.version))) latest = t;
  }
  return latest;
}

/** Trigger ids in registry order, each once: for error hints and `actuate triggers`. */
export function listTriggerIds(): string[] {
  return [...new Set(TRIGGERS.map((t) => t.id))];
}

/** The version `getTrigger(id)` resolves to, e.g. `v3` for `post-login`; `undefined` for unknown ids. */
export function currentVersion(id: string): string | undefined {
  return getTrigger(id)?.version;
}

/** Versions of one trigger in registry order, e.g. `["v3"]`; empty for unknown ids. */
export function listVersions(id: string): string[] {
  return TRIGGERS.filter((t) => t.id === id).map((t) => t.version);
}

function versionNumber(version: string): number {
  const n = Number(version.replace(/^v/, ''));
  return Number.isFinite(n) ? n : -1;
}
