import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/compile/check-project.ts';
import type { Diagnostic } from '../src/core/index.ts';
import { readRepo } from '../src/repo/index.ts';
import { action, flow, minimalRepo } from './helpers/actions.ts';
import { gitRepo } from './helpers/git-repo.ts';

async function check(files: Record<string, string>, commit = 'HEAD'): Promise<Diagnostic[]> {
  const repo = gitRepo(files);
  return checkProject(await readRepo({ dir: repo.dir, commit })).diagnostics.filter((d) => d.severity !== 'info');
}

const pick = (d: Diagnostic) => ({ code: d.code, file: d.file, line: d.line, column: d.column });

describe('actuate check', () => {
  it('accepts Auth0-style JavaScript, TypeScript and ESM handlers with no annotations', async () => {
    const diagnostics = await check({
      ...action('js-cjs', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api) => {\n  if (!event.user.email_verified) api.access.deny('verify your email');\n  api.accessToken.setCustomClaim('https://x/roles', event.authorization?.roles ?? []);\n};\n`),
      ...action('ts-esm', { trigger: 'post-login', version: 'v3' }, `export const onExecutePostLogin = async (event, api) => {\n  const roles: string[] = event.authorization?.roles ?? [];\n  api.idToken.setCustomClaim('https://x/roles', roles);\n};\n`, 'index.ts'),
      ...action('js-fn', { trigger: 'credentials-exchange' }, `async function onExecuteCredentialsExchange(event, api) {\n  if (event.client.client_id === 'bad') api.access.deny('invalid_scope', 'blocked');\n}\nmodule.exports = { onExecuteCredentialsExchange };\n`),
      ...action('ts-decl', { trigger: 'pre-user-registration' }, `export async function onExecutePreUserRegistration(event, api) {\n  api.user.setUserMetadata('plan', 'free');\n}\n`, 'index.ts'),
      ...action('ts-cjs', { trigger: 'post-login' }, `const crypto = require('crypto');\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('h', crypto.createHash('sha256').update(event.user.user_id).digest('hex'));\n};\n`, 'index.ts'),
      ...flow('post-login', ['js-cjs', 'ts-esm', 'ts-cjs']),
      ...flow('credentials-exchange', ['js-fn']),
      ...flow('pre-user-registration', ['ts-decl']),
    });
    expect(diagnostics).toEqual([]);
  });

  it('types handlers documented with Auth0 dashboard JSDoc ({Event}, {PostLoginAPI})', async () => {
    const code = `/**\n * @param {Event} event - Details about the user.\n * @param {PostLoginAPI} api - Methods to change the login.\n */\nexports.onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim('x', event.user.email);\n  api.acess.deny('no');\n};\n`;
    const diagnostics = await check({ ...action('a', { trigger: 'post-login' }, code), ...flow('post-login', ['a']) });
    expect(diagnostics.map(pick)).toEqual([{ code: 'E_TYPECHECK', file: 'actions/a/index.js', line: 7, column: 7 }]);
    expect(diagnostics[0]!.message).toContain("Property 'acess' does not exist");
  });

  it('reports JSON syntax and schema errors at file:line:col', async () => {
    const diagnostics = await check({
      'actions/a/action.json': '{\n  "trigger": "post-login",\n  "secrets": ["A"],\n  "dependancies": {}\n}\n',
      'actions/a/index.js': 'exports.onExecutePostLogin = async () => {};\n',
      'actions/b/action.json': '{ "trigger": "post-login", }\n',
      'actions/b/index.js': 'exports.onExecutePostLogin = async () => {};\n',
      'flows/post-login.json': '{ "actions": ["a", 3] }\n',
    });
    expect(diagnostics.map(pick)).toEqual([
      { code: 'E_SCHEMA', file: 'actions/a/action.json', line: 4, column: 3 },
      { code: 'E_JSON_SYNTAX', file: 'actions/b/action.json', line: 1, column: 28 },
      { code: 'E_SCHEMA', file: 'flows/post-login.json', line: 1, column: 20 },
    ]);
    expect(diagnostics[0]!.message).toContain('unknown property "dependancies"');
    expect(diagnostics[0]!.hint).toContain('Did you mean "dependencies"?');
    expect(diagnostics[2]!.message).toMatch(/\/actions\/1 must be a string, got a number/);
  });

  it('reports an unknown trigger with a suggestion, and an unknown version', async () => {
    const diagnostics = await check({
      'actions/a/action.json': '{\n  "trigger": "post-logn"\n}\n',
      'actions/a/index.js': 'exports.onExecutePostLogin = async () => {};\n',
      'actions/b/action.json': '{ "trigger": "post-login", "version": "v9" }\n',
      'actions/b/index.js': 'exports.onExecutePostLogin = async () => {};\n',
    });
    expect(diagnostics.map(pick)).toEqual([
      { code: 'E_UNKNOWN_TRIGGER', file: 'actions/a/action.json', line: 2, column: 14 },
      { code: 'E_UNKNOWN_TRIGGER_VERSION', file: 'actions/b/action.json', line: 1, column: 39 },
    ]);
    expect(diagnostics[0]!.hint).toContain('Did you mean "post-login"?');
  });

  it('reports flows naming missing, wrong-trigger and duplicate actions', async () => {
    const diagnostics = await check({
      ...minimalRepo(),
      ...action('m2m', { trigger: 'credentials-exchange' }, 'exports.onExecuteCredentialsExchange = async () => {};\n'),
      'flows/post-login.json': '{\n  "actions": [\n    "add-claim",\n    "add-clam",\n    "m2m",\n    "add-claim"\n  ]\n}\n',
      'flows/post-logins.json': '{ "actions": [] }\n',
    });
    expect(diagnostics.map(pick)).toEqual([
      { code: 'E_FLOW_MISSING_ACTION', file: 'flows/post-login.json', line: 4, column: 5 },
      { code: 'E_FLOW_WRONG_TRIGGER', file: 'flows/post-login.json', line: 5, column: 5 },
      { code: 'E_FLOW_DUPLICATE', file: 'flows/post-login.json', line: 6, column: 5 },
      { code: 'E_FLOW_UNKNOWN_TRIGGER', file: 'flows/post-logins.json', line: 1, column: 1 },
    ]);
    expect(diagnostics[0]!.hint).toBe('Did you mean "add-claim"?');
  });

  it('reports type errors in TypeScript and JavaScript at the user\'s position', async () => {
    const diagnostics = await check({
      ...action('ts', { trigger: 'post-login' }, `export const onExecutePostLogin = async (event, api) => {\n  api.acessToken.setCustomClaim('a', 1);\n  const e: string = event.user.emial;\n};\n`, 'index.ts'),
      ...action('js', { trigger: 'credentials-exchange' }, `exports.onExecuteCredentialsExchange = async (event, api) => {\n  api.access.deny();\n};\n`),
      ...flow('post-login', ['ts']),
      ...flow('credentials-exchange', ['js']),
    });
    expect(diagnostics.map(pick)).toEqual([
      { code: 'E_TYPECHECK', file: 'actions/js/index.js', line: 2, column: 14 },
      { code: 'E_TYPECHECK', file: 'actions/ts/index.ts', line: 2, column: 7 },
      { code: 'E_TYPECHECK', file: 'actions/ts/index.ts', line: 3, column: 32 },
    ]);
    expect(diagnostics[1]!.message).toContain("Property 'acessToken' does not exist");
    expect(diagnostics[2]!.message).toContain("Property 'emial' does not exist");
  });

  it('reports a wrong handler signature and a missing handler', async () => {
    const diagnostics = await check({
      ...action('three', { trigger: 'post-login' }, `exports.onExecutePostLogin = async (event, api, extra) => {\n  extra.x();\n};\n`),
      ...action('none', { trigger: 'post-login' }, `exports.onExecutePostLogn = async (event, api) => {};\n`),
      ...flow('post-login', ['three', 'none']),
    });
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('E_HANDLER_SIGNATURE');
    const missing = diagnostics.find((d) => d.code === 'E_MISSING_HANDLER')!;
    expect(pick(missing)).toEqual({ code: 'E_MISSING_HANDLER', file: 'actions/none/index.js', line: 1, column: 1 });
    expect(missing.hint).toContain('onExecutePostLogn');
    const sig = diagnostics.find((d) => d.code === 'E_HANDLER_SIGNATURE')!;
    expect(pick(sig)).toEqual({ code: 'E_HANDLER_SIGNATURE', file: 'actions/three/index.js', line: 1, column: 9 });
  });

  it('reports undeclared packages and unsupported built-ins, naming the package', async () => {
    const diagnostics = await check({
      ...action('a', { trigger: 'post-login', dependencies: { ms: '2.1.3' } }, `const ms = require('ms');\nconst _ = require('lodash');\nconst fs = require('fs');\nconst crypto = require('crypto');\nexports.onExecutePostLogin = async () => {};\n`),
      ...flow('post-login', ['a']),
    });
    expect(diagnostics.map(pick)).toEqual([
      { code: 'E_UNDECLARED_PACKAGE', file: 'actions/a/index.js', line: 2, column: 19 },
      { code: 'E_UNSUPPORTED_BUILTIN', file: 'actions/a/index.js', line: 3, column: 20 },
    ]);
    expect(diagnostics[0]!.message).toContain('"lodash"');
  });

  it('type-checks sibling modules and reports missing relative imports', async () => {
    const diagnostics = await check({
      ...action('a', { trigger: 'post-login' }, `import { claim } from './claims.ts';\nimport { nope } from './missing';\nexport const onExecutePostLogin = async (event, api) => {\n  api.idToken.setCustomClaim(claim, event.user.user_id);\n};\n`, 'index.ts'),
      'actions/a/claims.ts': 'export const claim: string = 42;\n',
      ...flow('post-login', ['a']),
    });
    expect(diagnostics.map(pick)).toEqual([
      { code: 'E_TYPECHECK', file: 'actions/a/claims.ts', line: 1, column: 14 },
      { code: 'E_IMPORT_NOT_FOUND', file: 'actions/a/index.ts', line: 2, column: 22 },
    ]);
  });

  it('checks a past commit while the working tree differs', async () => {
    const repo = gitRepo(minimalRepo());
    repo.commit({ 'actions/add-claim/index.js': 'exports.onExecutePostLogin = async (event, api) => { api.nope(); };\n' });
    repo.write({ 'actions/add-claim/index.js': 'this is not javascript (' });
    const past = checkProject(await readRepo({ dir: repo.dir, commit: 'HEAD~1' }));
    expect(past.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const head = checkProject(await readRepo({ dir: repo.dir, commit: 'HEAD' }));
    expect(head.diagnostics.map((d) => d.code)).toEqual(['E_TYPECHECK']);
    const work = checkProject(await readRepo({ dir: repo.dir }));
    expect(work.diagnostics.some((d) => d.code === 'E_TYPECHECK' && d.message.includes("')' expected"))).toBe(true);
  });
});
