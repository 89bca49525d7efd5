import { Type } from '@sinclair/typebox';
import { freeForm, sharedType, stringMap } from './schema.ts';

/**
 * The tenant-side objects an event refers to: the application, the connection, the organization,
 * the tenant itself and its custom domain, plus `secrets` and `configuration`. Auth0 shapes these the
 * same way in every trigger, so each is defined once here.
 */

/** Properties of `event.client`; post-login extends them with refresh-token policies. */
export const clientProperties = {
  client_id: Type.String({ description: 'Client id of the application (the OAuth `client_id`).' }),
  name: Type.String({ description: 'Name of the application as configured in the tenant.' }),
  metadata: stringMap('Application metadata: string values set on the application by the tenant admin.'),
};

/** The application (OAuth client) the transaction was started by. */
export const Client = sharedType(
  'Client',
  Type.Object(clientProperties, { description: 'The application (OAuth client) that started this transaction.' }),
);

/** The connection (identity source) the user authenticated or registered with. */
export const Connection = sharedType(
  'Connection',
  Type.Object(
    {
      id: Type.String({ description: 'Unique id of the connection, e.g. `con_0000000000000001`.' }),
      name: Type.String({ description: 'Name of the connection, e.g. `Username-Password-Authentication` or `google-oauth2`.' }),
      strategy: Type.String({
        description:
          'Kind of connection: `auth0` for databases, `waad`, `ad`, `samlp`… for enterprise connections. ' +
          'For social connections it equals `name`.',
      }),
      metadata: Type.Optional(stringMap('Connection metadata: string values set on the connection by the tenant admin.')),
    },
    { description: 'The connection (identity source) used in this transaction.' },
  ),
);

/** The Auth0 Organization the transaction is scoped to, when there is one. */
export const Organization = sharedType(
  'Organization',
  Type.Object(
    {
      id: Type.String({ description: 'Organization id, e.g. `org_abc123`.' }),
      name: Type.String({ description: 'Machine name of the organization.' }),
      display_name: Type.String({ description: 'Human-friendly name of the organization.' }),
      metadata: stringMap('Organization metadata: string values set by the tenant admin.'),
    },
    { description: 'The organization this transaction is scoped to.' },
  ),
);

/** The tenant; `id` is the tenant's name. */
export const Tenant = sharedType(
  'Tenant',
  Type.Object(
    { id: Type.String({ description: 'Name of the tenant, e.g. `acme-prod`.' }) },
    { description: 'The tenant this transaction belongs to.' },
  ),
);

/** The custom domain used for the transaction, when one was. */
export const CustomDomain = sharedType(
  'CustomDomain',
  Type.Object(
    {
      domain: Type.String({ description: 'The custom domain name, e.g. `login.example.com`.' }),
      domain_metadata: stringMap('Metadata of the custom domain as key-value pairs.'),
    },
    { description: 'The custom domain used for this transaction, if any.' },
  ),
);

/** TLS fingerprints; only present when traffic reaches Auth0 through Cloudflare. */
export const SecurityContext = sharedType(
  'SecurityContext',
  Type.Object(
    {
      ja3: Type.Optional(Type.String({ description: 'JA3 TLS client fingerprint.' })),
      ja4: Type.Optional(Type.String({ description: 'JA4 TLS client fingerprint.' })),
    },
    {
      description:
        'TLS fingerprints of the client. Only available behind Cloudflare and only for TLS connections; ' +
        'either value may be empty.',
    },
  ),
);

/** The API (resource server) an access token is requested for. */
export const ResourceServer = sharedType(
  'ResourceServer',
  Type.Object(
    { identifier: Type.String({ description: 'Identifier (audience) of the API, e.g. `https://api.example.com`.' }) },
    { description: 'The API (resource server) the access token is requested for.' },
  ),
);

/** An AI agent acting in the transaction (Auth0 Early Access). */
export const Agent = sharedType(
  'Agent',
  Type.Object(
    {
      agent_id: Type.String({ description: 'Id of the agent, starting with `agt_`.' }),
      name: Type.String({ description: 'Name of the agent.' }),
      agent_metadata: freeForm('Metadata attached to the agent.'),
    },
    { description: '[Early Access] The AI agent acting in this transaction.' },
  ),
);

/** Login count of the user. */
export const Stats = sharedType(
  'Stats',
  Type.Object(
    { logins_count: Type.Integer({ description: 'How many times the user has logged in.' }) },
    { description: 'Login statistics of the user.' },
  ),
);

/** Roles granted to the user. */
export const Authorization = sharedType(
  'Authorization',
  Type.Object(
    { roles: Type.Array(Type.String(), { description: 'Names of the roles assigned to the user.' }) },
    { description: 'Authorization granted to the user.' },
  ),
);

/** `event.secrets`: read-only, injected by the runner from its environment, never stored in git. */
export const secrets = Type.Readonly(
  Type.Record(Type.String(), Type.String(), {
    description:
      'Secret values of this action, by name (declared in `action.json` under `secrets`). ' +
      'Values come from the runner’s environment, never from git.',
  }),
);

/** `event.configuration`: Auth0's private configuration values of Marketplace actions. */
export const configuration = Type.Optional(
  Type.Readonly(
    Type.Record(Type.String(), Type.String(), {
      description: 'Configuration values of integration (Marketplace) actions. Private; usually empty.',
    }),
  ),
);

/** Properties every trigger's event has: `tenant`, `secrets`, `configuration`, `custom_domain`. */
export const baseEventProperties = {
  tenant: Tenant,
  custom_domain: Type.Optional(CustomDomain),
  secrets,
  configuration,
};
