// A short list of throwaway-mailbox providers. Real deployments use a maintained list;
// this one only needs to be long enough to show the idea.

// Built once per sandbox context and reused across executions (the action is "warm").
const DISPOSABLE_DOMAINS = new Set([
  '10minutemail.com',
  'dispostable.com',
  'fakeinbox.com',
  'getnada.com',
  'guerrillamail.com',
  'mailinator.com',
  'maildrop.cc',
  'sharklasers.com',
  'temp-mail.org',
  'throwawaymail.com',
  'trashmail.com',
  'yopmail.com',
]);

// True for a listed domain and for any of its subdomains (`eu.mailinator.com`).
export function isDisposable(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    if (DISPOSABLE_DOMAINS.has(labels.slice(i).join('.'))) {
      return true;
    }
  }
  return false;
}
