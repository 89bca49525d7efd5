// Put the user's roles and account tier into the ID and access tokens.
//
// Demonstrates: a TypeScript action with no type annotations (actuate types `event` and `api`
// from the trigger), a sibling module (`./claims.ts`), `event.authorization.roles`,
// `api.idToken.setCustomClaim` / `api.accessToken.setCustomClaim`, and reading
// `event.transaction.metadata` written by an earlier action in the flow.

import { claim, tierOf } from './claims.ts';

export const onExecutePostLogin = async (event, api) => {
  const roles = event.authorization?.roles ?? [];
  const tier = tierOf(roles);

  // The app reads roles from the ID token; the API authorizes with the access token.
  api.idToken.setCustomClaim(claim('roles'), roles);
  api.idToken.setCustomClaim(claim('tier'), tier);
  api.accessToken.setCustomClaim(claim('roles'), roles);
  api.accessToken.setCustomClaim(claim('tier'), tier);

  const locale = event.user.user_metadata.locale;
  if (typeof locale === 'string') {
    api.idToken.setCustomClaim(claim('locale'), locale);
  }

  // Set by require-mfa-for-admins earlier in this login.
  if (event.transaction?.metadata.privileged === true) {
    api.accessToken.setCustomClaim(claim('privileged'), true);
  }
};
