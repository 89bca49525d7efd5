// Deny logins with an unverified email address to the apps that need a trustworthy one.
//
// Demonstrates: a JavaScript action exactly as pasted from the Auth0 dashboard (CommonJS
// `exports.onExecutePostLogin`, the dashboard's JSDoc header) and `api.access.deny`, which
// stops the flow: no later action runs and the app receives `error=access_denied`.

// Applications (client IDs) whose users must have verified their email address.
const CLIENTS_REQUIRING_VERIFIED_EMAIL = [
  'kZ7rT2mQ9vXc4LpB8nWs1YdF6hJa3GeU', // Acme Billing Portal
  'Hq4wN8sV2bRt6KxM1cZp9LfD3jYe7AgT', // Acme Admin Console
];

/**
 * Handler that will be called during the execution of a PostLogin flow.
 *
 * @param {Event} event - Details about the user and the context in which they are logging in.
 * @param {PostLoginAPI} api - Interface whose methods can be used to change the behavior of the login.
 */
exports.onExecutePostLogin = async (event, api) => {
  if (!CLIENTS_REQUIRING_VERIFIED_EMAIL.includes(event.client.client_id)) {
    return;
  }

  if (!event.user.email_verified) {
    api.access.deny('Please verify your email address before signing in. Check your inbox for the verification link.');
  }
};
