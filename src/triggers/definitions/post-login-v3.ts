import type { TriggerDefinition } from '../types.ts';
import { postLoginApi } from './post-login-v3-api.ts';
import { postLoginEvent } from './post-login-v3-event.ts';

/** post-login@v3: runs after the user authenticated, before tokens are issued; can redirect and resume. */
export const postLoginV3: TriggerDefinition = {
  id: 'post-login',
  version: 'v3',
  mode: 'sync',
  description:
    'Runs after a user authenticates and before tokens are issued: on every login, sign-up login, silent ' +
    'authentication and refresh-token exchange. Can deny the login, add claims, require MFA, or redirect the ' +
    'user and resume in `onContinuePostLogin`.',
  typeName: 'PostLogin',
  handlers: { execute: 'onExecutePostLogin', continue: 'onContinuePostLogin' },
  event: postLoginEvent,
  api: postLoginApi,
  maxActionsPerFlow: 20,
};
