import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { getTrigger } from '../../triggers/index.ts';
import { eventSectionFields } from './action-event-reads.ts';
import { findEventReads } from './event-reads.ts';

const postLogin = getTrigger('post-login', 'v3')!;
const POST_LOGIN_SECTIONS = eventSectionFields(postLogin.event);
const POST_LOGIN_HANDLERS = [postLogin.handlers.execute, postLogin.handlers.continue!];

function reads(source: string, lang: 'js' | 'ts' = 'js', sections: ReadonlyMap<string, ReadonlySet<string> | undefined> = POST_LOGIN_SECTIONS): string[] | undefined {
  const kind = lang === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(`index.${lang}`, source, ts.ScriptTarget.ES2022, true, kind);
  return findEventReads(sf, POST_LOGIN_HANDLERS, sections);
}

type Case = readonly [title: string, source: string, expected: string[] | undefined];

function table(cases: readonly Case[], lang: 'js' | 'ts' = 'js'): void {
  test.each(cases)('%s', (_title, source, expected) => {
    expect(reads(source, lang)).toEqual(expected);
  });
}

describe('export shapes', () => {
  table([
    ['CommonJS exports.X arrow', 'exports.onExecutePostLogin = async (event, api) => { api.x(event.user.email); };', ['user.email']],
    ['CommonJS module.exports.X function expression', 'module.exports.onExecutePostLogin = async function (event, api) { return event.request.ip; };', ['request.ip']],
    ['module.exports object with a method', 'module.exports = { async onExecutePostLogin(event, api) { event.client.name; } };', ['client.name']],
    ['module.exports object with a shorthand to a local function', 'async function onExecutePostLogin(event) { event.user; }\nmodule.exports = { onExecutePostLogin };', ['user']],
    ['exports.X = local const', 'const h = async (e) => e.session;\nexports.onExecutePostLogin = h;', ['session']],
    ['ESM export const', 'export const onExecutePostLogin = async (event, api) => { event.secrets.API_KEY; };', ['secrets']],
    ['ESM export function', 'export async function onExecutePostLogin(event, api) { event.organization?.id; }', ['organization.id']],
    ['ESM export by reference with a rename', 'const run = async (event) => event.tenant.id;\nexport { run as onExecutePostLogin };', ['tenant.id']],
    ['a handler without parameters reads nothing', 'exports.onExecutePostLogin = async () => {};', []],
    ['no handler of the trigger in the file', 'exports.onExecuteCredentialsExchange = async (event) => event.client;', undefined],
    ['a file without handlers', 'const x = 1;', undefined],
    ['a handler exported as something other than a function', 'exports.onExecutePostLogin = wrap(async (event) => event.user);', undefined],
    ['a handler exported by reference to an import', "import { h } from './impl.js';\nexport { h as onExecutePostLogin };", undefined],
    ['an exported handler variable with no initializer', 'export let onExecutePostLogin;', undefined],
  ]);
});

describe('onContinue adds its own reads', () => {
  table([
    [
      'union of both handlers, sorted',
      'exports.onExecutePostLogin = async (event) => { event.user; event.request; };\nexports.onContinuePostLogin = async (event) => { event.secrets.S; event.user; };',
      ['request', 'secrets', 'user'],
    ],
    ['onContinue alone counts', 'export const onContinuePostLogin = async (e) => e.transaction;', ['transaction']],
    ['one unanalysable handler spoils the union', 'exports.onExecutePostLogin = async (e) => e.user;\nexports.onContinuePostLogin = async (e) => JSON.stringify(e);', undefined],
    ['a handler assigned twice counts both functions', 'exports.onExecutePostLogin = async (e) => e.user;\nexports.onExecutePostLogin = async (e) => e.client;', ['client', 'user']],
  ]);
});

describe('reads of an identifier event parameter', () => {
  table([
    ['property access', 'exports.onExecutePostLogin = (e) => e.user.email;', ['user.email']],
    ['optional chaining', 'exports.onExecutePostLogin = (e) => e?.user?.email ?? e?.["request"]?.ip;', ['request.ip', 'user.email']],
    ['string element access', "exports.onExecutePostLogin = (e) => e['user'] && e[`client`];", ['client', 'user']],
    ['event.secrets.API_KEY', 'exports.onExecutePostLogin = async (event) => fetch(u, { headers: { k: event.secrets.API_KEY } });', ['secrets']],
    ['destructuring declaration with renames and defaults', 'exports.onExecutePostLogin = (e) => { const { user, request: r, client = {} } = e; };', ['client', 'request', 'user']],
    ['string key in a destructuring declaration', "exports.onExecutePostLogin = (e) => { const { 'user': u } = e; };", ['user']],
    ['nested destructuring reads the field', 'exports.onExecutePostLogin = (e) => { const { user: { email } } = e; };', ['user.email']],
    ['writing a section counts as reading it', 'exports.onExecutePostLogin = (e) => { e.user = {}; e.request.ip = 1; };', ['request.ip', 'user']],
    ['delete of a section counts as reading it', 'exports.onExecutePostLogin = (e) => { delete e.user; };', ['user']],
    ['nested closures see the event', 'exports.onExecutePostLogin = (event) => items.forEach((x) => x === event.user.email);', ['user.email']],
    ['a nested function with its own parameter names', 'exports.onExecutePostLogin = (event) => { function f(a, b) { return event.client; } };', ['client']],
    ['a property named like the event on another object', 'exports.onExecutePostLogin = (event) => { x.event; ({ event: 1 }); event.user; };', ['user']],
    ['a label named like the event', 'exports.onExecutePostLogin = (e) => { e: for (;;) { break e; } return e.user; };', ['user']],
    ['a destructured key named like the event', 'exports.onExecutePostLogin = (e) => { const { e: x } = other; return e.user; };', ['user']],
    ['a second handler parameter default reads the event', 'exports.onExecutePostLogin = (e, api = e.client) => api;', ['client']],
  ]);
});

describe('field paths', () => {
  table([
    ['optional chaining after the section', 'exports.onExecutePostLogin = (e) => e.user?.email;', ['user.email']],
    ['optional chaining after the event', 'exports.onExecutePostLogin = (e) => e?.user.email;', ['user.email']],
    ['optional chaining at both', 'exports.onExecutePostLogin = (e) => e?.user?.email;', ['user.email']],
    ['optional element access at both', "exports.onExecutePostLogin = (e) => e?.['user']?.['email'];", ['user.email']],
    ['string element access at both levels', "exports.onExecutePostLogin = (e) => [e['user']['email'], e.request[`ip`], e.client[('name')]];", ['client.name', 'request.ip', 'user.email']],
    ['reads below the field', 'exports.onExecutePostLogin = (e) => e.user.app_metadata.roles.includes(x) || e.request.geoip?.countryCode;', ['request.geoip', 'user.app_metadata']],
    ['a method called on the field', 'exports.onExecutePostLogin = (e) => e.user.email.toLowerCase().endsWith(d);', ['user.email']],
    ['the field passed, returned and stored', 'exports.onExecutePostLogin = (e) => { send(e.user.email); const m = e.user.user_metadata; return e.user.name; };', ['user.email', 'user.name', 'user.user_metadata']],
    ['writes to a field', "exports.onExecutePostLogin = (e) => { e.user.email = 'x'; e.user.nickname += '!'; e.stats.logins_count++; e.user.app_metadata.plan = 'pro'; };", ['stats.logins_count', 'user.app_metadata', 'user.email', 'user.nickname']],
    ['delete of a field', 'exports.onExecutePostLogin = (e) => { delete e.user.picture; };', ['user.picture']],
    ['a field as a destructuring assignment target', 'exports.onExecutePostLogin = (e) => { ({ a: e.user.name } = x); };', ['user.name']],
    ['several fields of one section', 'exports.onExecutePostLogin = (e) => e.user.email_verified && e.user.email;', ['user.email', 'user.email_verified']],
    ['a name that is not a field of the section', 'exports.onExecutePostLogin = (e) => e.user.emial;', ['user']],
    ['a prototype method on the section', "exports.onExecutePostLogin = (e) => e.user.hasOwnProperty('email');", ['user']],
    ['toString on the section', 'exports.onExecutePostLogin = (e) => `${e.user.toString()}`;', ['user']],
    ['a field called as a method (this is the section)', 'exports.onExecutePostLogin = (e) => { e.user.name = function () { return this.email; }; return e.user.name(); };', ['user']],
    ['a field called through parentheses or optional call', 'exports.onExecutePostLogin = (e) => [(e.user.name)(), e.request.ip?.()];', ['request', 'user']],
    ['a field used as a template tag', 'exports.onExecutePostLogin = (e) => e.user.name`x`;', ['user']],
    ['a field constructed with new is still a field', 'exports.onExecutePostLogin = (e) => new e.user.name();', ['user.name']],
    ['a section without fixed fields', "exports.onExecutePostLogin = (e) => [e.secrets.API_KEY, e.configuration['x']];", ['configuration', 'secrets']],
    ['a field of an unknown section is still refused', 'exports.onExecutePostLogin = (e) => e.usr.email;', undefined],
    ['a field read next to an unanalysable use is still refused', 'exports.onExecutePostLogin = (e) => { e.user.email; return helper(e); };', undefined],
  ]);
});

describe('uses that read the whole section', () => {
  table([
    ['tested for truthiness', 'exports.onExecutePostLogin = (e) => { if (e.user) return e.user.email; };', ['user']],
    ['the bare section in a guard', 'exports.onExecutePostLogin = (e) => e.user && e.user.email;', ['user']],
    ['passed to a function', 'exports.onExecutePostLogin = (e) => send(e.user);', ['user']],
    ['compared', 'exports.onExecutePostLogin = (e) => e.organization === undefined;', ['organization']],
    ['stored in a variable', 'exports.onExecutePostLogin = (e) => { const u = e.user; return u.email; };', ['user']],
    ['spread', 'exports.onExecutePostLogin = (e) => ({ ...e.user });', ['user']],
    ['a computed key', 'exports.onExecutePostLogin = (e) => e.user[k];', ['user']],
    ['the in operator', "exports.onExecutePostLogin = (e) => 'email' in e.user;", ['user']],
    ['assigned', 'exports.onExecutePostLogin = (e) => { e.user = {}; };', ['user']],
    ['a numeric key', 'exports.onExecutePostLogin = (e) => e.user[0];', ['user']],
    ['a comma expression around the section', 'exports.onExecutePostLogin = (e) => (0, e.user).email;', ['user']],
    ['destructured whole', 'exports.onExecutePostLogin = (e) => { const { user } = e; return user.email; };', ['user']],
    ['the whole section wins over a field of the same handler', 'exports.onExecutePostLogin = (e) => { e.user.email; e.request.ip; send(e.user); };', ['request.ip', 'user']],
    ['the whole section wins whichever comes first', 'exports.onExecutePostLogin = (e) => { send(e.user); e.user.email; };', ['user']],
  ]);
});

describe('fields across handlers', () => {
  table([
    ['fields of both handlers', 'exports.onExecutePostLogin = (e) => e.user.email;\nexports.onContinuePostLogin = (e) => e.user.name;', ['user.email', 'user.name']],
    ['the whole section in one handler wins over fields in the other', 'exports.onExecutePostLogin = (e) => e.user.email;\nexports.onContinuePostLogin = (e) => log(e.user);', ['user']],
    ['the whole section destructured in the first handler wins too', 'exports.onExecutePostLogin = ({ user }) => user;\nexports.onContinuePostLogin = (e) => e.user.email;', ['user']],
  ]);
});

describe('nested destructuring', () => {
  table([
    ['fields with renames and defaults', "exports.onExecutePostLogin = (e) => { const { user: { email, app_metadata: meta = {} }, request: { ip } } = e; };", ['request.ip', 'user.app_metadata', 'user.email']],
    ['a string key in the inner pattern', "exports.onExecutePostLogin = (e) => { const { user: { 'email': m } } = e; };", ['user.email']],
    ['deeper patterns read the field', 'exports.onExecutePostLogin = (e) => { const { user: { app_metadata: { plan } } } = e; };', ['user.app_metadata']],
    ['a default for the section', 'exports.onExecutePostLogin = (e) => { const { user: { email } = {} } = e; };', ['user.email']],
    ['a default that reads another section', 'exports.onExecutePostLogin = (e) => { const { user: { email = e.client.name } } = e; };', ['client.name', 'user.email']],
    ['an inner rest element', 'exports.onExecutePostLogin = (e) => { const { user: { email, ...others } } = e; };', ['user']],
    ['an inner computed key', 'exports.onExecutePostLogin = (e) => { const { user: { [k]: v } } = e; };', ['user']],
    ['an inner key that is not a field', 'exports.onExecutePostLogin = (e) => { const { user: { toString } } = e; };', ['user']],
    ['an empty inner pattern (throws when the section is missing)', 'exports.onExecutePostLogin = (e) => { const { user: {} } = e; };', ['user']],
    ['an inner array pattern', 'exports.onExecutePostLogin = (e) => { const { user: [a] } = e; };', ['user']],
    ['a section without fixed fields', 'exports.onExecutePostLogin = (e) => { const { secrets: { API_KEY } } = e; };', ['secrets']],
    ['the parameter', 'exports.onExecutePostLogin = async ({ user: { email, name = "" }, request: { geoip: { countryCode } } }, api) => {};', ['request.geoip', 'user.email', 'user.name']],
    ['the parameter with an inner rest element', 'exports.onExecutePostLogin = async ({ user: { email, ...rest }, client: { name } }) => {};', ['client.name', 'user']],
    ['the parameter with an unknown inner key', 'exports.onExecutePostLogin = async ({ user: { hasOwnProperty } }) => {};', ['user']],
    ['a top-level rest element is still refused', 'exports.onExecutePostLogin = (e) => { const { user: { email }, ...rest } = e; };', undefined],
  ]);
});

describe('the sections map decides what a field is', () => {
  const src = "exports.onExecutePostLogin = (e) => [e.user.email, e.user['x.y'], e.request.ip];";
  test('a section with undefined fields is read whole', () => {
    expect(reads(src, 'js', new Map([['user', new Set(['x.y'])], ['request', undefined]]))).toEqual(['request', 'user']);
  });
  test('only the listed fields are fields', () => {
    expect(reads(src, 'js', new Map([['user', new Set(['email'])], ['request', new Set(['ip'])]]))).toEqual(['request.ip', 'user']);
  });
  test('a section name with a dot is refused (it would read as a field path)', () => {
    expect(reads("exports.onExecutePostLogin = (e) => e['a.b'];", 'js', new Map([['a.b', undefined]]))).toBeUndefined();
  });
});

describe('uses of the event that cannot be analysed', () => {
  table([
    ['passed as an argument', 'exports.onExecutePostLogin = (e, api) => helper(e);', undefined],
    ['spread into an object', 'exports.onExecutePostLogin = (e) => ({ ...e });', undefined],
    ['computed key', 'exports.onExecutePostLogin = (e) => e[k];', undefined],
    ['Object.keys', 'exports.onExecutePostLogin = (e) => Object.keys(e);', undefined],
    ['JSON.stringify', 'exports.onExecutePostLogin = (e) => console.log(JSON.stringify(e));', undefined],
    ['in operator', "exports.onExecutePostLogin = (e) => 'user' in e;", undefined],
    ['returned', 'exports.onExecutePostLogin = (e) => { return e; };', undefined],
    ['aliased', 'exports.onExecutePostLogin = (e) => { const x = e; return x.user; };', undefined],
    ['shorthand property', 'exports.onExecutePostLogin = (e) => ({ e });', undefined],
    ['reassigned', 'exports.onExecutePostLogin = (e) => { e = {}; };', undefined],
    ['compared', 'exports.onExecutePostLogin = (e) => e === undefined;', undefined],
    ['destructuring assignment (not a declaration)', 'exports.onExecutePostLogin = (e) => { let user; ({ user } = e); };', undefined],
    ['destructuring with a rest element', 'exports.onExecutePostLogin = (e) => { const { user, ...rest } = e; };', undefined],
    ['destructuring with a computed key', "exports.onExecutePostLogin = (e) => { const { ['user']: u } = e; };", undefined],
    ['array destructuring', 'exports.onExecutePostLogin = (e) => { const [a] = e; };', undefined],
    ['for…of over the event', 'exports.onExecutePostLogin = (e) => { for (const { user } of e) {} };', undefined],
    ['a prototype method', "exports.onExecutePostLogin = (e) => e.hasOwnProperty('user');", undefined],
    ['constructor', 'exports.onExecutePostLogin = (e) => e.constructor;', undefined],
    ['a name that is not a section (typo)', 'exports.onExecutePostLogin = (e) => e.usr;', undefined],
    ['numeric element access', 'exports.onExecutePostLogin = (e) => e[0];', undefined],
  ]);
});

describe('shadowing and unsafe syntax', () => {
  table([
    ['a nested parameter with the same name', 'exports.onExecutePostLogin = (event) => { event.user; list.map((event) => event.user); };', undefined],
    ['a local variable with the same name', 'exports.onExecutePostLogin = (event) => { if (x) { let event = 1; } return 1; };', undefined],
    ['a var redeclaring the parameter', 'exports.onExecutePostLogin = function (event) { var event; return event.user; };', undefined],
    ['a function declaration with the same name', 'exports.onExecutePostLogin = (event) => { function event() {} };', undefined],
    ['a class with the same name', 'exports.onExecutePostLogin = (event) => { class event {} };', undefined],
    ['a catch binding with the same name', 'exports.onExecutePostLogin = (event) => { try { x(); } catch (event) { log(event); } };', undefined],
    ['a destructured binding with the same name', 'exports.onExecutePostLogin = (e) => { const { e: { x } } = y, { a: e2 } = z; const { q: e } = w; };', undefined],
    ['arguments in the handler', 'exports.onExecutePostLogin = function (event) { return arguments[0].user; };', undefined],
    ['arguments in a nested function', 'exports.onExecutePostLogin = async (event) => { function f() { return arguments.length; } return event.user; };', undefined],
    ['arguments in a handler with no parameters', 'exports.onExecutePostLogin = function () { return arguments[0]; };', undefined],
    ['with statement', 'exports.onExecutePostLogin = function (event) { with (event) { user; } };', undefined],
    ['direct eval', "exports.onExecutePostLogin = (event) => eval('event.user');", undefined],
    ['eval elsewhere in the file', "const x = eval('1');\nexports.onExecutePostLogin = (event) => event.user;", undefined],
    ['new Function elsewhere in the file', "const f = new Function('return 1');\nexports.onExecutePostLogin = (event) => event.user;", undefined],
    ['Function( elsewhere in the file', "const f = Function('return 1');\nexports.onExecutePostLogin = (event) => event.user;", undefined],
    ['a parameter named like the event but in another function outside the handler', 'function helper(event) { return event; }\nexports.onExecutePostLogin = (event) => event.user;', ['user']],
    ['arguments outside the handler', 'function log() { console.log.apply(console, arguments); }\nexports.onExecutePostLogin = (event) => event.user;', ['user']],
  ]);
});

describe('destructured event parameter', () => {
  table([
    ['keys', 'exports.onExecutePostLogin = async ({ user, request }, api) => {};', ['request', 'user']],
    ['nested pattern and defaults', "exports.onExecutePostLogin = async ({ user: { email }, client = {}, 'secrets': s }, api) => {};", ['client', 'secrets', 'user.email']],
    ['a rest element', 'exports.onExecutePostLogin = async ({ user, ...rest }) => {};', undefined],
    ['a computed key', 'exports.onExecutePostLogin = async ({ [k]: v }) => {};', undefined],
    ['a key that is not a section', 'exports.onExecutePostLogin = async ({ toString }) => {};', undefined],
    ['an array pattern', 'exports.onExecutePostLogin = async ([a]) => {};', undefined],
    ['a rest parameter', 'exports.onExecutePostLogin = async (...args) => args[0].user;', undefined],
    ['arguments with a destructured parameter', 'exports.onExecutePostLogin = function ({ user }) { return arguments[0].client; };', undefined],
  ]);
});

describe('TypeScript', () => {
  table(
    [
      ['annotated parameters', "import type { Event, PostLoginAPI } from '@auth0/actions/post-login/v3';\nexport const onExecutePostLogin = async (event: Event, api: PostLoginAPI): Promise<void> => { event.user; };", ['user']],
      ['as any', 'export const onExecutePostLogin = async (event: Event) => (event as any).user;', ['user']],
      ['satisfies, non-null, angle-bracket assertion and parentheses', 'export const onExecutePostLogin = async (event: Event) => [(event satisfies object).client, event!.request, (<any>event).user, ((event)).secrets];', ['client', 'request', 'secrets', 'user']],
      ['a cast or non-null assertion on the section keeps the field', 'export const onExecutePostLogin = async (event: Event) => [(event.user as any).email, event.request!.ip, (<any>event.client).name];', ['client.name', 'request.ip', 'user.email']],
      ['the field named in a type position only', 'export const onExecutePostLogin = async (event: Event) => { const m: typeof event.user.email = event.user.name; };', ['user.name']],
      ['as any with a computed key', 'export const onExecutePostLogin = async (event: Event) => (event as any)[k];', undefined],
      ['destructuring a cast', 'export const onExecutePostLogin = async (event: Event) => { const { user } = event as Event; };', ['user']],
      ['the event named in a type position', 'export const onExecutePostLogin = async (event: Event) => { const u: typeof event.user = event.user; type T = typeof event; };', ['user']],
      ['interface members named like the event', 'export function onExecutePostLogin(event: Event) { interface X { event: string } return event.user; }', ['user']],
      ['a `this` parameter is not the event', 'export function onExecutePostLogin(this: void, event: Event) { return event.client; }', ['client']],
      ['the event extended by a class', 'export function onExecutePostLogin(event: any) { class A extends event {} }', undefined],
      ['overload signatures cannot be analysed', 'export function onExecutePostLogin(event: Event): void;\nexport function onExecutePostLogin(event: any) { event.user; }', undefined],
    ],
    'ts',
  );
});

describe('exports that findHandlers cannot see', () => {
  table([
    ['export * may bring in onContinue', "export * from './continue.js';\nexport const onExecutePostLogin = (e) => e.user;", undefined],
    ['a handler re-exported from another module', "export { onContinuePostLogin } from './continue.js';\nexport const onExecutePostLogin = (e) => e.user;", undefined],
    ['a non-handler re-export is fine', "export { helper } from './helper.js';\nexport const onExecutePostLogin = (e) => e.user;", ['user']],
    ['exported destructuring', 'export const { onContinuePostLogin } = impl;\nexport const onExecutePostLogin = (e) => e.user;', undefined],
    ['a reassigned live binding', 'export let onExecutePostLogin = (e) => e.user;\nonExecutePostLogin = (e) => JSON.parse(x)(e);', undefined],
    ['a reassigned local exported by reference', 'let h = (e) => e.user;\nh = (e) => send(e);\nexports.onExecutePostLogin = h;', undefined],
    ['a local reassigned by destructuring', 'let h = (e) => e.user;\n[h] = [(e) => send(e)];\nexports.onExecutePostLogin = h;', undefined],
    ['a local declared twice', 'var h = (e) => e.user;\nvar h = (e) => e.client;\nexports.onExecutePostLogin = h;', undefined],
    ['a var redeclared in a nested block', 'var h = (e) => e.user;\nif (x) { var h = (e) => send(e); }\nexports.onExecutePostLogin = h;', undefined],
    ['a var and a function declaration of the same name (the var wins at run time)', 'var h = (e) => send(e);\nfunction h(e) { return e.user; }\nexports.onExecutePostLogin = h;', undefined],
    ['Object.assign onto exports', 'exports.onExecutePostLogin = (e) => e.user;\nObject.assign(module.exports, require("./continue"));', undefined],
    ['module.exports = require', 'exports.onExecutePostLogin = (e) => e.user;\nmodule.exports = require("./impl");', undefined],
    ['a spread in module.exports', 'const onExecutePostLogin = (e) => e.user;\nmodule.exports = { ...base, onExecutePostLogin };', undefined],
    ['a string key in module.exports', "module.exports = { onExecutePostLogin: (e) => e.user, 'onContinuePostLogin': (e) => send(e) };", undefined],
    ['a getter in module.exports', 'module.exports = { onExecutePostLogin: (e) => e.user, get onContinuePostLogin() { return (e) => send(e); } };', undefined],
    ['a computed key in module.exports', 'module.exports = { onExecutePostLogin: (e) => e.user, [name]: (e) => send(e) };', undefined],
    ['an element write to exports', "exports.onExecutePostLogin = (e) => e.user;\nexports['onContinuePostLogin'] = (e) => send(e);", undefined],
    ['a handler assigned inside a function', 'exports.onExecutePostLogin = (e) => e.user;\nfunction later() { exports.onContinuePostLogin = (e) => send(e); }', undefined],
    ['a handler written to top-level this', 'exports.onExecutePostLogin = (e) => e.user;\nthis.onContinuePostLogin = (e) => send(e);', undefined],
    ['exports aliased', 'const out = exports;\nout.onExecutePostLogin = (e) => send(e);\nexports.onExecutePostLogin = (e) => e.user;', undefined],
    ['reading exports and writing other names is fine', 'exports.count = 0;\nexports.onExecutePostLogin = (e) => { exports.count++; return exports.helper(e.user); };\nexports.helper = (u) => u;', ['user']],
    ['a this inside a method is fine', 'module.exports = { helper() { return this.x; }, onExecutePostLogin(event) { return this.helper(event.user); } };', ['user']],
  ]);
});

describe('the example actions', () => {
  const root = path.resolve(import.meta.dirname, '../../../actions-example/actions');
  const expected: Record<string, string[]> = {
    'accept-terms-redirect': ['request.hostname', 'secrets', 'transaction', 'user.app_metadata'],
    'add-role-claims': ['authorization.roles', 'transaction.metadata', 'user.user_metadata'],
    'block-disposable-emails': ['request.body', 'request.geoip', 'user.email'],
    'deny-unverified-email': ['client.client_id', 'user.email_verified'],
    'm2m-plan-claims': ['accessToken.scope', 'client.metadata'],
    'notify-password-changed': ['request', 'secrets', 'user'],
    'password-reset-step-up': ['authorization.roles', 'user.enrolledFactors'],
    'require-mfa-for-admins': ['authentication.methods', 'authorization.roles', 'transaction.protocol'],
    'send-sms-via-provider': ['message_options', 'secrets'],
    'sync-user-to-crm': ['connection.name', 'secrets', 'user'],
  };
  test('every example action is covered', () => {
    expect(readdirSync(root).sort()).toEqual(Object.keys(expected).sort());
  });
  test.each(Object.entries(expected))('%s', (name, sections) => {
    const dir = path.join(root, name);
    const action = JSON.parse(readFileSync(path.join(dir, 'action.json'), 'utf8')) as { trigger: string; version: string };
    const trigger = getTrigger(action.trigger, action.version)!;
    const entry = readdirSync(dir).find((f) => f === 'index.ts' || f === 'index.js')!;
    const isTs = entry.endsWith('.ts');
    const sf = ts.createSourceFile(entry, readFileSync(path.join(dir, entry), 'utf8'), ts.ScriptTarget.ES2022, true, isTs ? ts.ScriptKind.TS : ts.ScriptKind.JS);
    const handlers = [trigger.handlers.execute, trigger.handlers.continue].filter((h): h is string => h !== undefined);
    expect(findEventReads(sf, handlers, eventSectionFields(trigger.event))).toEqual(sections);
  });
});
