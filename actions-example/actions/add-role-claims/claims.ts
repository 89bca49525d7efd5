// Claim names and role logic shared by the handler in index.ts.

// Custom claims must be namespaced with a URL you control, so they never collide with
// standard OIDC claims or with claims Auth0 reserves.
const CLAIM_NAMESPACE = 'https://acme.example.com';

export type Tier = 'admin' | 'member' | 'viewer';

// `roles` becomes `https://acme.example.com/roles`.
export function claim(name: string): string {
  return `${CLAIM_NAMESPACE}/${name}`;
}

// Collapse the user's roles into the single tier the front end uses to pick a layout.
export function tierOf(roles: readonly string[]): Tier {
  if (roles.some((role) => role === 'admin' || role.endsWith('-admin'))) {
    return 'admin';
  }
  return roles.length > 0 ? 'member' : 'viewer';
}
