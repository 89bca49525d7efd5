// Make a password reset prove more than access to the mailbox.
//
// Demonstrates: the password-reset-post-challenge trigger (runs after the user followed the
// reset link, before they choose a new password), `event.user.enrolledFactors`,
// `api.authentication.challengeWith` with fallback factors, and `api.access.deny`.

const MAILBOX_FACTORS = ['email'];

export const onExecutePostChallenge = async (event, api) => {
  const enrolled = event.user.enrolledFactors ?? [];
  const factors = enrolled.filter((factor) => !MAILBOX_FACTORS.includes(factor.type));

  if (factors.length === 0) {
    // Whoever controls an administrator's mailbox must not be able to take over the account.
    if (event.authorization?.roles.includes('admin')) {
      api.access.deny('Administrator passwords can only be reset through IT support.');
    }
    return;
  }

  // Factors the user has not enrolled are skipped, so list every one we accept.
  api.authentication.challengeWith(
    { type: 'otp' },
    {
      additionalFactors: [
        { type: 'push-notification' },
        { type: 'phone', options: { preferredMethod: 'sms' } },
        { type: 'webauthn-roaming' },
        { type: 'webauthn-platform' },
      ],
    },
  );
};
