// Tell users when their password changes, so an unexpected change gets noticed quickly.
//
// Demonstrates: the post-change-password trigger (async: it runs after the change and cannot
// undo it), `fetch` to an internal service with a secret, and `limits.timeoutMs` in
// action.json bounding the whole execution, outbound call included.

const NOTIFY_URL = 'https://notify.example.com/v1/messages';

export const onExecutePostChangePassword = async (event, api) => {
  const { user, request } = event;
  if (!user.email) {
    return;
  }

  const location = [request.geoip.cityName, request.geoip.countryName].filter(Boolean).join(', ');

  const response = await fetch(NOTIFY_URL, {
    method: 'POST',
    headers: {
      'Authorization': `Bearer ${event.secrets.NOTIFY_API_KEY}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      template: 'password-changed',
      to: user.email,
      data: {
        changed_at: user.last_password_reset,
        ip: request.ip,
        location: location || 'an unknown location',
        user_agent: request.user_agent,
      },
    }),
  });

  if (!response.ok) {
    throw new Error(`Notification service answered HTTP ${response.status}`);
  }
};
