import { Type } from '@sinclair/typebox';
import { freeForm, sharedType } from './schema.ts';

/**
 * `event.request` in its three shapes. Every trigger gets the caller's network facts; triggers that
 * run on a browser or token request also get the POST body, and the interactive ones the
 * `/authorize` query as well. Auth0 issues a new `event.request` each time a suspended flow resumes.
 */

/** Location Auth0 derives from the caller's IP address; every field may be missing. */
export const GeoIp = sharedType(
  'GeoIp',
  Type.Object(
    {
      cityName: Type.Optional(Type.String({ description: 'City name, e.g. `Berlin`.' })),
      continentCode: Type.Optional(Type.String({ description: 'Two-letter continent code, e.g. `EU`.' })),
      countryCode: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-2 country code, e.g. `DE`.' })),
      countryCode3: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-3 country code, e.g. `DEU`.' })),
      countryName: Type.Optional(Type.String({ description: 'Country name in English, e.g. `Germany`.' })),
      latitude: Type.Optional(Type.Number({ description: 'Approximate latitude in decimal degrees.' })),
      longitude: Type.Optional(Type.Number({ description: 'Approximate longitude in decimal degrees.' })),
      subdivisionCode: Type.Optional(
        Type.String({ description: 'ISO 3166-2 code of the state or region, without the country prefix, e.g. `BE`.' }),
      ),
      subdivisionName: Type.Optional(Type.String({ description: 'Name of the state or region, e.g. `Land Berlin`.' })),
      timeZone: Type.Optional(Type.String({ description: 'IANA time zone, e.g. `Europe/Berlin`.' })),
    },
    { description: 'Geographic location of the request, looked up from its IP address. Any field may be absent.' },
  ),
);

const requestCore = {
  ip: Type.String({ description: 'IP address the request came from (IPv4 or IPv6).' }),
  hostname: Type.Optional(
    Type.String({ description: 'Host name used for the flow: the tenant domain or a custom domain.' }),
  ),
  method: Type.String({ description: 'HTTP method of the request, e.g. `GET` or `POST`.' }),
  language: Type.Optional(
    Type.String({ description: 'Language the browser asked for (from `Accept-Language`), e.g. `en-US`.' }),
  ),
  user_agent: Type.Optional(Type.String({ description: 'Value of the `User-Agent` header that started the transaction.' })),
  asn: Type.Optional(Type.String({ description: 'Autonomous system number of the network the request came from.' })),
  geoip: GeoIp,
};

const body = freeForm(
  'Parsed body of the POST request: present for token requests (refresh token, client credentials) and ' +
    'form posts such as custom sign-up fields (`ulp-*`). Keys are chosen by the caller.',
);

/** A request with no body or query, for triggers that run after the fact (async triggers, phone messages). */
export const Request = sharedType(
  'Request',
  Type.Object(requestCore, { description: 'Details about the request that started the transaction.' }),
);

/** A request with its POST body: client credentials exchange and sign-up. */
export const RequestWithBody = sharedType(
  'RequestWithBody',
  Type.Object(
    { ...requestCore, body },
    { description: 'Details about the request that started the transaction, including its POST body.' },
  ),
);

/** A browser or token request with both the `/authorize` query and the POST body (login, password reset). */
export const InteractiveRequest = sharedType(
  'InteractiveRequest',
  Type.Object(
    {
      ...requestCore,
      query: freeForm('Query string parameters of the authorization request, e.g. `{ "prompt": "login" }`.'),
      body,
    },
    {
      description:
        'Details about the request that started (or resumed) the transaction, including query and POST body. ' +
        'A new request object is issued each time a suspended flow resumes.',
    },
  ),
);
