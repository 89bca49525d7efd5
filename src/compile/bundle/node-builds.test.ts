import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { COMPAT_SOURCES, NODE_BUILDS, compatModule, nodeBuildFile } from './node-builds.ts';

const root = mkdtempSync(path.join(tmpdir(), 'actuate-node-builds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, content = ''): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

write('node_modules/joi/package.json', JSON.stringify({ name: 'joi', main: 'lib/index.js', browser: 'dist/joi-browser.min.js' }));
write('node_modules/joi/lib/index.js');
const joiBrowser = write('node_modules/joi/dist/joi-browser.min.js');
// A copy nested under another package, whose `main` names a directory.
write('node_modules/app/node_modules/@hapi/joi/package.json', JSON.stringify({ name: '@hapi/joi', main: 'lib', browser: 'dist/joi-browser.min.js' }));
write('node_modules/app/node_modules/@hapi/joi/lib/index.js');
const nestedBrowser = write('node_modules/app/node_modules/@hapi/joi/dist/joi-browser.min.js');
write('node_modules/base32.js/package.json', JSON.stringify({ name: 'base32.js', main: 'index.js', browser: 'base32.js' }));
write('node_modules/base32.js/index.js');
const base32 = write('node_modules/base32.js/base32.js');
const awsBrowserParser = write('node_modules/aws-sdk/lib/xml/browser_parser.js');
write('node_modules/aws-sdk/lib/xml/node_parser.js');

describe('packages given their Node build', () => {
  test('every entry says why', () => {
    for (const b of NODE_BUILDS) expect(b.why.length, b.package).toBeGreaterThan(40);
  });

  test("the package itself resolves to its main, also nested and scoped, and with main naming a directory", async () => {
    expect(await nodeBuildFile('joi', joiBrowser)).toBe(path.join(root, 'node_modules/joi/lib/index.js'));
    expect(await nodeBuildFile('@hapi/joi', nestedBrowser)).toBe(path.join(root, 'node_modules/app/node_modules/@hapi/joi/lib/index.js'));
  });

  test('only the bare import of the package: its own files and subpaths resolve as esbuild resolved them', async () => {
    // base32.js's index.js requires "./base32", which is the file its browser field names.
    expect(await nodeBuildFile('./base32', base32)).toBeUndefined();
    expect(await nodeBuildFile('base32.js', base32)).toBe(path.join(root, 'node_modules/base32.js/index.js'));
    expect(await nodeBuildFile('joi/dist/joi-browser.min.js', joiBrowser)).toBeUndefined();
    expect(await nodeBuildFile('lodash', path.join(root, 'node_modules/lodash/lodash.js'))).toBeUndefined();
  });

  test('a replaced file is replaced wherever it is imported from', async () => {
    expect(await nodeBuildFile('./xml/browser_parser', awsBrowserParser)).toBe(path.join(root, 'node_modules/aws-sdk/lib/xml/node_parser.js'));
  });

  test('a package without a readable main keeps its browser build', async () => {
    write('node_modules/qrcode/package.json', '{ not json');
    const browser = write('node_modules/qrcode/lib/browser.js');
    expect(await nodeBuildFile('qrcode', browser)).toBeUndefined();
  });

  test("form-data's browser file is replaced by a module of the layer, wherever it is installed", () => {
    expect(compatModule(path.join(root, 'node_modules/form-data/lib/browser.js'))).toBe('form-data');
    expect(compatModule(path.join(root, 'node_modules/axios/node_modules/form-data/lib/browser.js'))).toBe('form-data');
    expect(compatModule(path.join(root, 'node_modules/form-data/lib/form_data.js'))).toBeUndefined();
    expect(Object.keys(COMPAT_SOURCES)).toEqual(['form-data']);
  });
});
