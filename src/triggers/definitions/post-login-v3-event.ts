import { Type } from '@sinclair/typebox';
import { AuthenticationMethod, RiskAssessment } from '../shared/authentication.ts';
import {
  Agent,
  Authorization,
  baseEventProperties,
  clientProperties,
  Connection,
  Organization,
  ResourceServer,
  SecurityContext,
  Stats,
} from '../shared/entities.ts';
import { PromptData } from '../shared/redirect.ts';
import { GeoIp, InteractiveRequest } from '../shared/request.ts';
import { freeForm, localType, stringEnum } from '../shared/schema.ts';
import { LoginTransaction } from '../shared/transaction.ts';
import { User } from '../shared/user.ts';

/**
 * The `event` of post-login@v3: everything Auth0 knows about a login before it issues tokens.
 * Session and refresh-token details are Enterprise features in Auth0 and optional here.
 */

const Client = localType(
  'Client',
  Type.Object(
    {
      ...clientProperties,
      refresh_token: Type.Optional(
        Type.Object(
          {
            policies: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    audience: Type.Optional(Type.String({ description: 'The API (audience) the policy applies to.' })),
                    scope: Type.Optional(Type.Array(Type.String(), { description: 'Scopes allowed for that API.' })),
                  },
                  { description: 'One multi-resource refresh token policy.' },
                ),
                { description: 'Policies for exchanging the refresh token for other APIs (MRRT).' },
              ),
            ),
          },
          { description: '[Early Access] Refresh token settings of the application.' },
        ),
      ),
    },
    { description: 'The application (OAuth client) the user is logging in to.' },
  ),
);

const Authentication = localType(
  'Authentication',
  Type.Object(
    {
      methods: Type.Array(AuthenticationMethod, {
        description: 'Methods the user has completed in this session, e.g. `pwd` then `mfa`.',
      }),
      riskAssessment: Type.Optional(RiskAssessment),
    },
    { description: 'Authentication facts of this login: completed methods and risk assessment.' },
  ),
);

const iso = (what: string) => Type.Optional(Type.String({ description: `${what} (ISO 8601).` }));

const Device = localType(
  'Device',
  Type.Object(
    {
      initial_ip: Type.Optional(Type.String({ description: 'First IP address seen.' })),
      initial_asn: Type.Optional(Type.String({ description: 'First autonomous system number seen.' })),
      initial_user_agent: Type.Optional(Type.String({ description: 'First user agent seen.' })),
      last_ip: Type.Optional(Type.String({ description: 'Most recent IP address.' })),
      last_asn: Type.Optional(Type.String({ description: 'Most recent autonomous system number.' })),
      last_user_agent: Type.Optional(Type.String({ description: 'Most recent user agent.' })),
    },
    { description: 'Devices seen for a session or refresh token: first and most recent.' },
  ),
);

const SessionTransfer = localType(
  'SessionTransfer',
  Type.Object(
    {
      parent_refresh_token: Type.Optional(
        Type.Object(
          {
            id: Type.Optional(Type.String({ description: 'Id of the refresh token the session was created from.' })),
            metadata: Type.Optional(freeForm('Metadata of that refresh token.')),
          },
          { description: 'The native app’s refresh token this session was created from.' },
        ),
      ),
    },
    { description: 'Set when the session was created by a session transfer token (native to web SSO).' },
  ),
);

const Session = localType(
  'Session',
  Type.Object(
    {
      id: Type.String({ description: 'Id of the session.' }),
      user_id: Type.Optional(Type.String({ description: 'Id of the user of the session.' })),
      created_at: iso('When the session was created'),
      updated_at: iso('When the session was last updated'),
      authenticated_at: iso('When the session last authenticated'),
      last_interacted_at: iso('When the user last interacted with the session'),
      expires_at: iso('When the session expires'),
      idle_expires_at: iso('When the session expires if idle'),
      device: Type.Optional(Device),
      clients: Type.Optional(
        Type.Array(
          Type.Object({ client_id: Type.String({ description: 'Client id.' }) }, { description: 'An application.' }),
          { description: 'Applications that used this session.' },
        ),
      ),
      cookie: Type.Optional(
        Type.Object(
          {
            mode: stringEnum(['persistent', 'non-persistent'], {
              description: '`non-persistent` cookies are deleted when the browser closes.',
            }),
          },
          { description: 'How the session cookie is kept by the browser.' },
        ),
      ),
      metadata: Type.Optional(freeForm('[Early Access] Metadata of the session (see `api.session.setMetadata`).')),
      actor: Type.Optional(freeForm('The acting party, for delegated sessions.')),
      session_transfer: Type.Optional(SessionTransfer),
    },
    { description: 'The current session. Fields other than `id` are Enterprise features in Auth0.' },
  ),
);

const RefreshToken = localType(
  'RefreshToken',
  Type.Object(
    {
      id: Type.String({ description: 'Id of the refresh token.' }),
      client_id: Type.Optional(Type.String({ description: 'Application the token was issued to.' })),
      user_id: Type.Optional(Type.String({ description: 'User the token belongs to.' })),
      session_id: Type.Optional(Type.String({ description: 'Session the token is bound to.' })),
      created_at: Type.String({ description: 'When the token was created (ISO 8601).' }),
      expires_at: iso('When the token expires absolutely'),
      idle_expires_at: iso('When the token expires if unused'),
      last_exchanged_at: iso('When the token was last exchanged'),
      rotating: Type.Optional(Type.Boolean({ description: 'Whether the token rotates on use.' })),
      device: Type.Optional(Device),
      resource_servers: Type.Optional(
        Type.Array(
          Type.Object(
            {
              audience: Type.String({ description: 'Audience (API identifier).' }),
              scopes: Type.String({ description: 'Space-separated scopes granted for it.' }),
            },
            { description: 'An API the token grants access to.' },
          ),
          { description: 'APIs the token grants access to.' },
        ),
      ),
      metadata: Type.Optional(freeForm('Metadata of the token (see `api.refreshToken.setMetadata`).')),
      session_transfer: Type.Optional(SessionTransfer),
    },
    { description: '[Enterprise] The refresh token being exchanged, on `oauth2-refresh-token` requests.' },
  ),
);

const SessionTransferToken = localType(
  'SessionTransferToken',
  Type.Object(
    {
      client_id: Type.String({ description: 'Application that issued the token.' }),
      scope: Type.Array(Type.String(), { description: 'Scopes requested when the token was issued.' }),
      request: Type.Object(
        {
          ip: Type.String({ description: 'IP address of the request that issued the token.' }),
          asn: Type.Optional(Type.String({ description: 'Autonomous system number of that request.' })),
          user_agent: Type.Optional(Type.String({ description: 'User agent of that request.' })),
          geoip: Type.Optional(GeoIp),
        },
        { description: 'The request that issued the token.' },
      ),
    },
    { description: '[Early Access] The session transfer token used for native-to-web SSO.' },
  ),
);

/** The post-login@v3 event. */
export const postLoginEvent = Type.Object(
  {
    user: User,
    client: Client,
    connection: Connection,
    request: InteractiveRequest,
    stats: Stats,
    transaction: Type.Optional(LoginTransaction),
    authentication: Type.Optional(Authentication),
    authorization: Type.Optional(Authorization),
    organization: Type.Optional(Organization),
    resource_server: Type.Optional(ResourceServer),
    session: Type.Optional(Session),
    refresh_token: Type.Optional(RefreshToken),
    prompt: Type.Optional(PromptData),
    security_context: Type.Optional(SecurityContext),
    session_transfer_token: Type.Optional(SessionTransferToken),
    agent: Type.Optional(Agent),
    ...baseEventProperties,
  },
  { description: 'Everything known about the login before tokens are issued.' },
);
