import { Type } from '@sinclair/typebox';
import { described, freeForm, sharedType, stringEnum } from './schema.ts';

/**
 * `event.authentication`: the methods completed so far and the risk signals Auth0 computed
 * (Adaptive MFA assessments, and Akamai signals forwarded through the supplemental block).
 */

/** One completed authentication method. */
export const AuthenticationMethod = sharedType(
  'AuthenticationMethod',
  Type.Object(
    {
      name: Type.String({
        description:
          'The method: `federated` (social or enterprise login), `pwd` (password), `passkey`, `sms` or `email` ' +
          '(passwordless), `phone_number` (password reset by phone), `mock` (testing), `mfa` (a second factor), ' +
          'or an http(s) URL of a custom method recorded with `api.authentication.recordMethod`.',
      }),
      timestamp: Type.String({ description: 'When the method was completed (ISO 8601).' }),
      type: Type.Optional(Type.String({ description: 'For `mfa`: which kind of factor was used, e.g. `otp`.' })),
    },
    { description: 'An authentication method the user completed in this session.' },
  ),
);

const confidence = stringEnum(['low', 'medium', 'high', 'neutral'], {
  description: 'How confident the assessment is that the login is legitimate.',
});

/** Signals forwarded from Akamai (Auth0 Early Access); present only with the Akamai integration. */
export const SupplementalRiskAssessment = sharedType(
  'SupplementalRiskAssessment',
  Type.Object(
    {
      akamai: Type.Optional(
        Type.Object(
          {
            akamaiBot: Type.Optional(
              Type.Object(
                {
                  type: Type.Optional(Type.String({ description: 'Type of the Bot Manager result.' })),
                  action: Type.Optional(Type.String({ description: 'Action Bot Manager took.' })),
                  botCategory: Type.Optional(Type.Array(Type.String(), { description: 'Bot categories detected.' })),
                  botScore: Type.Optional(Type.Number({ description: 'Bot score.' })),
                  botScoreResponseSegment: Type.Optional(Type.String({ description: 'Response segment of the bot score.' })),
                  botnetId: Type.Optional(Type.String({ description: 'Id of the botnet, when one was recognised.' })),
                },
                { description: 'Bot detection results forwarded by Akamai Bot Manager.' },
              ),
            ),
            akamaiUserRisk: Type.Optional(
              Type.Object(
                {
                  action: Type.Optional(Type.String({ description: 'Action of the user-risk assessment.' })),
                  allow: Type.Optional(Type.Number({ description: 'Whether the request was allowed (1) or not (0).' })),
                  emailDomain: Type.Optional(Type.String({ description: 'Email domain of the user.' })),
                  general: Type.Optional(freeForm('General risk indicators.')),
                  ouid: Type.Optional(Type.String({ description: 'OUID of the user.' })),
                  requestid: Type.Optional(Type.String({ description: 'Akamai request id.' })),
                  risk: Type.Optional(freeForm('Risk indicators.')),
                  score: Type.Optional(Type.Number({ description: 'User-risk score.' })),
                  status: Type.Optional(Type.Number({ description: 'Status of the assessment.' })),
                  trust: Type.Optional(freeForm('Trust indicators.')),
                  username: Type.Optional(Type.String({ description: 'Username Akamai saw.' })),
                  uuid: Type.Optional(Type.String({ description: 'UUID of the assessment.' })),
                },
                { description: 'User-risk results forwarded by Akamai Account Protector.' },
              ),
            ),
          },
          { description: 'Signals from Akamai.' },
        ),
      ),
    },
    { description: '[Early Access] Risk signals from third parties (Akamai), when that integration is enabled.' },
  ),
);

/** Adaptive MFA's assessment of the login, with optional third-party signals. */
export const RiskAssessment = sharedType(
  'RiskAssessment',
  Type.Object(
    {
      confidence: described(confidence, 'Overall confidence that this login is legitimate.'),
      version: Type.String({ description: 'Version of the assessment model, e.g. `1`.' }),
      assessments: Type.Object(
        {
          ImpossibleTravel: Type.Optional(
            Type.Object(
              {
                code: stringEnum(
                  [
                    'minimal_travel_from_last_login',
                    'travel_from_last_login',
                    'substantial_travel_from_last_login',
                    'impossible_travel_from_last_login',
                    'invalid_travel',
                    'missing_geoip',
                    'anonymous_proxy',
                    'unknown_location',
                    'initial_login',
                    'location_history_not_found',
                    'assessment_not_available',
                  ],
                  { description: 'Outcome of the check.' },
                ),
                confidence,
              },
              { description: 'Whether the location implies impossible travel since the last login.' },
            ),
          ),
          NewDevice: Type.Optional(
            Type.Object(
              {
                code: stringEnum(
                  ['match', 'partial_match', 'no_match', 'initial_login', 'unknown_device', 'no_device_history', 'assessment_not_available'],
                  { description: 'Outcome of the check.' },
                ),
                confidence,
                details: Type.Optional(
                  Type.Object(
                    {
                      device: Type.Optional(stringEnum(['known', 'unknown'], { description: 'Whether the device is known.' })),
                      useragent: Type.Optional(
                        stringEnum(['known', 'unknown'], { description: 'Whether the user agent is known.' }),
                      ),
                    },
                    { description: 'What matched.' },
                  ),
                ),
              },
              { description: 'Whether the user logs in from a device seen before.' },
            ),
          ),
          UntrustedIP: Type.Optional(
            Type.Object(
              {
                code: stringEnum(['not_found_on_deny_list', 'found_on_deny_list', 'invalid_ip_address', 'assessment_not_available'], {
                  description: 'Outcome of the check.',
                }),
                confidence,
                details: Type.Optional(
                  Type.Object(
                    {
                      category: Type.Optional(Type.String({ description: 'Category of the deny list entry.' })),
                      ip: Type.Optional(Type.String({ description: 'The IP address that was checked.' })),
                      matches: Type.Optional(Type.String({ description: 'What matched.' })),
                      source: Type.Optional(Type.String({ description: 'Source of the deny list.' })),
                    },
                    { description: 'What matched.' },
                  ),
                ),
              },
              { description: 'Whether the IP address is on Auth0’s list of low-reputation addresses.' },
            ),
          ),
          AgentDetection: Type.Optional(
            Type.Object(
              {
                code: Type.String({ description: 'Outcome of the check.' }),
                confidence,
                details: Type.Optional(freeForm('Details of the detection.')),
              },
              { description: 'Whether the request appears to come from an automated agent.' },
            ),
          ),
        },
        { description: 'The individual assessments.' },
      ),
      supplemental: Type.Optional(SupplementalRiskAssessment),
    },
    { description: 'Risk assessment of this login (Adaptive MFA).' },
  ),
);

/** `event.authentication` where only third-party risk signals are sent (registration, password change). */
export const RiskSignals = sharedType(
  'RiskSignals',
  Type.Object(
    {
      riskAssessment: Type.Optional(
        Type.Object(
          { supplemental: Type.Optional(SupplementalRiskAssessment) },
          { description: 'Risk signals for this transaction.' },
        ),
      ),
    },
    { description: 'Supplemental authentication signals obtained during the flow.' },
  ),
);
