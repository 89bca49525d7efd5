/** Small builders for fixture actions repos (file maps for gitRepo). */
export function action(
  name: string,
  meta: Record<string, unknown>,
  code: string,
  file = 'index.js',
): Record<string, string> {
  return {
    [`actions/${name}/action.json`]: JSON.stringify(meta, null, 2) + '\n',
    [`actions/${name}/${file}`]: code,
  };
}

export function flow(trigger: string, actions: string[]): Record<string, string> {
  return { [`flows/${trigger}.json`]: JSON.stringify({ actions }, null, 2) + '\n' };
}

/** A clean one-action post-login repo in JavaScript, Auth0 style. */
export function minimalRepo(): Record<string, string> {
  return {
    ...action('add-claim', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('https://example.com/email', event.user.email);\n};\n`),
    ...flow('post-login', ['add-claim']),
  };
}
