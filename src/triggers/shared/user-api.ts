import { Type } from '@sinclair/typebox';
import type { ApiNamespace } from '../types.ts';

/**
 * `api.user.setAppMetadata` / `setUserMetadata`, shared by post-login and pre-user-registration.
 * Calls from all actions are merged and applied once at the end of the flow (or before a redirect),
 * and later actions see them in `event.user` at once.
 */
export function userMetadataApi(when: string): ApiNamespace {
  const params = (kind: string) => [
    { name: 'key', schema: Type.String(), description: `Top-level key of ${kind} to set.` },
    {
      name: 'value',
      schema: Type.Unknown(),
      description: 'Any JSON value; `null` removes the key.',
    },
  ];
  const semantics =
    `Changes from all actions are merged and saved once ${when}; later actions see them in \`event.user\` at once. ` +
    'Do not call it from callbacks that outlive the handler.';
  return {
    name: 'user',
    description: 'Change the metadata of the user.',
    methods: [
      {
        name: 'setAppMetadata',
        description: `Sets \`app_metadata[key]\` of the user. ${semantics}`,
        params: params('`app_metadata`'),
        returns: { kind: 'api' },
      },
      {
        name: 'setUserMetadata',
        description: `Sets \`user_metadata[key]\` of the user. ${semantics}`,
        params: params('`user_metadata`'),
        returns: { kind: 'api' },
      },
    ],
  };
}
