// Send users to the terms-of-service page until they accept the current version.
//
// Demonstrates: a redirect. `api.redirect.encodeToken` signs what the consent page needs
// with a secret shared with that page (CONSENT_TOKEN_SECRET), `api.redirect.sendUserTo`
// suspends the flow once this action returns, and `onContinuePostLogin` resumes it when the
// page sends the user back to /continue: `api.redirect.validateToken` verifies the page's
// answer and `api.user.setAppMetadata` stores it. Actions later in the flow run only after
// the resume.

const TERMS_VERSION = '2025-01';
const CONSENT_PAGE_URL = 'https://consent.acme.example.com/terms';

// Grants with no browser to redirect: refresh tokens, passwords posted by the app, prompt=none.
const NON_INTERACTIVE = ['oauth2-refresh-token', 'oauth2-resource-owner', 'oauth2-password'];

export const onExecutePostLogin = async (event, api) => {
  if (event.user.app_metadata.terms_version === TERMS_VERSION) {
    return;
  }

  const transaction = event.transaction;
  if (NON_INTERACTIVE.includes(transaction?.protocol ?? '') || transaction?.prompt?.includes('none')) {
    return;
  }

  // Signed, not encrypted: put nothing secret in the payload.
  const sessionToken = api.redirect.encodeToken({
    secret: event.secrets.CONSENT_TOKEN_SECRET,
    expiresInSeconds: 600,
    payload: {
      terms_version: TERMS_VERSION,
      previous_version: event.user.app_metadata.terms_version ?? null,
    },
  });

  api.redirect.sendUserTo(CONSENT_PAGE_URL, {
    query: {
      session_token: sessionToken,
      redirect_uri: `https://${event.request.hostname}/continue`,
    },
  });
};

export const onContinuePostLogin = async (event, api) => {
  // The consent page posts back `consent_token`: a JWT signed with the same secret that
  // carries the `state` it was given, so a token cannot be replayed into another login.
  const payload = api.redirect.validateToken({
    secret: event.secrets.CONSENT_TOKEN_SECRET,
    tokenParameterName: 'consent_token',
  });

  if (payload.accepted !== true || payload.terms_version !== TERMS_VERSION) {
    api.access.deny('You need to accept the terms of service to continue.');
    return;
  }

  api.user.setAppMetadata('terms_version', TERMS_VERSION);
  api.user.setAppMetadata('terms_accepted_at', new Date().toISOString());
};
