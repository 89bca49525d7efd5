// Stamp machine-to-machine tokens with the customer's tenant and plan.
//
// Demonstrates: the credentials-exchange trigger (client-credentials grant), reading
// `event.client.metadata` (set per application in the dashboard or Management API),
// `api.accessToken.setCustomClaim`, and `api.access.deny` with an OAuth error code:
// the client receives `invalid_scope` and no token is issued.

const CLAIM_NAMESPACE = 'https://acme.example.com';

export const onExecuteCredentialsExchange = async (event, api) => {
  const tenant = event.client.metadata.tenant_id;
  const plan = event.client.metadata.plan ?? 'free';

  const adminScopes = event.accessToken.scope.filter((scope) => scope.startsWith('admin:'));
  if (plan === 'free' && adminScopes.length > 0) {
    api.access.deny('invalid_scope', `Clients on the free plan cannot request ${adminScopes.join(', ')}.`);
    return;
  }

  if (tenant) {
    api.accessToken.setCustomClaim(`${CLAIM_NAMESPACE}/tenant`, tenant);
  }
  api.accessToken.setCustomClaim(`${CLAIM_NAMESPACE}/plan`, plan);
};
