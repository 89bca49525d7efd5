// Create a contact in the CRM for every new user.
//
// Demonstrates: an async trigger (post-user-registration runs after the user exists and can
// never block the signup), `fetch` with a secret API key, and a request timeout with an
// AbortController. Throwing marks the execution failed; actuate queues async executions
// durably and retries them with backoff, so the request carries an idempotency key.

/** @import {Event, PostUserRegistrationAPI} from "@auth0/actions/post-user-registration/v2" */

const CRM_CONTACTS_URL = 'https://crm.example.com/api/v2/contacts';
const REQUEST_TIMEOUT_MS = 4000;

/**
 * Handler that will be called during the execution of a PostUserRegistration flow.
 *
 * @param {Event} event - Details about the context and user that has registered.
 * @param {PostUserRegistrationAPI} api - Methods and utilities to help change the behavior after a signup.
 */
exports.onExecutePostUserRegistration = async (event, api) => {
  const { user } = event;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(CRM_CONTACTS_URL, {
      method: 'POST',
      headers: {
        'Authorization': `Bearer ${event.secrets.CRM_API_KEY}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': user.user_id,
      },
      body: JSON.stringify({
        external_id: user.user_id,
        email: user.email,
        first_name: user.given_name,
        last_name: user.family_name,
        company: user.user_metadata.company,
        source: `auth0:${event.connection.name}`,
        signed_up_at: user.created_at,
      }),
      signal: controller.signal,
    });

    if (!response.ok) {
      const detail = (await response.text()).slice(0, 200);
      throw new Error(`CRM rejected contact for ${user.user_id}: HTTP ${response.status} ${detail}`);
    }
    console.log(`CRM contact created for ${user.user_id}`);
  } finally {
    clearTimeout(timer);
  }
};
