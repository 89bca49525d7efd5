// Deliver MFA enrollment and challenge codes through a Twilio-compatible HTTP API.
//
// Demonstrates: the send-phone-message trigger (the action itself delivers the message
// described by `event.message_options`), HTTP basic auth built with Buffer from two secrets,
// a form-encoded `fetch`, an npm dependency declared in action.json (`ms`), and `api.cache`
// used as a per-number send limit, a cheap defence against SMS pumping fraud. Throwing fails
// the delivery, and with it the enrollment or challenge.

const ms = require('ms');

// Twilio's REST API layout; the demo provider lives on sms.example.com (see actuate.json egress).
const PROVIDER_API = 'https://sms.example.com/2010-04-01';
const MAX_MESSAGES_PER_NUMBER = 5;
const LIMIT_WINDOW = '15m';

/**
 * Handler that will be called during the execution of a SendPhoneMessage flow.
 *
 * @param {Event} event - Details about the user and the context in which they are logging in.
 * @param {SendPhoneMessageAPI} api - Methods and utilities to help change the behavior of sending a phone message.
 */
exports.onExecuteSendPhoneMessage = async (event, api) => {
  const { recipient, text, message_type, action } = event.message_options;

  const key = `sent:${recipient}`;
  const record = api.cache.get(key);
  const sent = record ? Number(record.value) : 0;
  if (sent >= MAX_MESSAGES_PER_NUMBER) {
    throw new Error(`Refusing to send: ${MAX_MESSAGES_PER_NUMBER} messages to this number in ${LIMIT_WINDOW} already`);
  }
  // Keep the window's first expiry, so every message does not extend it.
  const lifetime = record ? { expires_at: record.expires_at } : { ttl: ms(LIMIT_WINDOW) };
  api.cache.set(key, String(sent + 1), lifetime);

  const { SMS_ACCOUNT_SID, SMS_AUTH_TOKEN, SMS_FROM_NUMBER } = event.secrets;
  const credentials = Buffer.from(`${SMS_ACCOUNT_SID}:${SMS_AUTH_TOKEN}`).toString('base64');

  const isVoice = message_type === 'voice';
  const form = new URLSearchParams({ To: recipient, From: SMS_FROM_NUMBER });
  if (isVoice) {
    form.set('Twiml', `<Response><Say>${escapeXml(text)}</Say></Response>`);
  } else {
    form.set('Body', text);
  }

  const resource = isVoice ? 'Calls' : 'Messages';
  const response = await fetch(`${PROVIDER_API}/Accounts/${SMS_ACCOUNT_SID}/${resource}.json`, {
    method: 'POST',
    headers: {
      'Authorization': `Basic ${credentials}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: form.toString(),
  });

  if (!response.ok) {
    const detail = (await response.text()).slice(0, 200);
    throw new Error(`SMS provider answered HTTP ${response.status}: ${detail}`);
  }

  const { sid } = await response.json();
  console.log(`${action}: ${message_type} queued as ${sid}`);
};

function escapeXml(value) {
  return value.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
