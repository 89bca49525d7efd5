// Require a second factor from administrators.
//
// Demonstrates: TypeScript with the official types imported from `@auth0/actions`,
// `api.authentication.challengeWith` with fallback factors, and `api.transaction.setMetadata`,
// which hands a fact to the actions that run after this one in the same login
// (add-role-claims reads it from `event.transaction.metadata`).

import type { Event, PostLoginAPI } from '@auth0/actions/post-login/v3';

const PRIVILEGED_ROLES = ['admin', 'billing-admin'];

export const onExecutePostLogin = async (event: Event, api: PostLoginAPI): Promise<void> => {
  const roles = event.authorization?.roles ?? [];
  if (!roles.some((role) => PRIVILEGED_ROLES.includes(role))) {
    return;
  }

  api.transaction.setMetadata('privileged', true);

  // Refresh-token exchanges are not interactive: nobody is there to answer a challenge.
  if (event.transaction?.protocol === 'oauth2-refresh-token') {
    return;
  }

  // A second factor was already completed in this session.
  if (event.authentication?.methods.some((method) => method.name === 'mfa')) {
    return;
  }

  // Later actions wait until the user has passed one of these factors.
  api.authentication.challengeWith(
    { type: 'otp' },
    {
      additionalFactors: [{ type: 'webauthn-roaming' }, { type: 'push-notification' }, { type: 'recovery-code' }],
    },
  );
};
