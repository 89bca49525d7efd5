// Keep throwaway mailboxes out of the user base and capture the signup form's extra field.
//
// Demonstrates: the pre-user-registration trigger (runs before a database or passwordless
// user is created), `api.access.deny(reason, userMessage)` (the reason goes to the logs, the
// message to the user), `api.validation.error` for a bad form field, custom Universal Login
// signup fields in `event.request.body` (`ulp-*`), and `api.user.setUserMetadata` /
// `setAppMetadata`, which are stored on the user when it is created.

import { isDisposable } from './disposable-domains.ts';

const MAX_COMPANY_LENGTH = 100;

export const onExecutePreUserRegistration = async (event, api) => {
  const email = event.user.email;
  if (email) {
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (isDisposable(domain)) {
      api.access.deny(`Disposable email domain: ${domain}`, 'Please sign up with a permanent email address.');
      return;
    }
  }

  const company = event.request.body['ulp-company'];
  if (typeof company === 'string' && company.trim() !== '') {
    if (company.length > MAX_COMPANY_LENGTH) {
      api.validation.error('invalid_company', `The company name can be at most ${MAX_COMPANY_LENGTH} characters.`);
      return;
    }
    api.user.setUserMetadata('company', company.trim());
  }

  const country = event.request.geoip.countryCode;
  if (country) {
    api.user.setAppMetadata('signup_country', country);
  }
};
