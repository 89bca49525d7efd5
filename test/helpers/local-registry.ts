/**
 * A tiny npm registry on 127.0.0.1 for tests: it serves packuments and tarballs made with
 * `npm pack` from fixture package folders, so installs are real npm installs without the network.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LocalRegistry {
  /** Base URL, e.g. `http://127.0.0.1:40123/`. */
  readonly url: string;
  /** Number of requests served so far (tarballs and packuments). */
  readonly requests: () => number;
  close(): Promise<void>;
}

interface Version {
  readonly manifest: Record<string, unknown>;
  readonly tarball: Buffer;
  readonly file: string;
  readonly integrity: string;
  readonly shasum: string;
}

/** Packs each fixture folder (a package.json plus files) and serves them all. */
export async function startLocalRegistry(packageDirs: readonly string[]): Promise<LocalRegistry> {
  const packDir = await mkdtemp(path.join(tmpdir(), 'actuate-registry-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const packages = new Map<string, Map<string, Version>>();
  const packed = await Promise.all(
    packageDirs.map(async (dir) => {
      const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: dir, env });
      const [info] = JSON.parse(stdout) as { filename: string; integrity: string; shasum: string }[];
      const manifest = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      return { manifest, tarball: await readFile(path.join(packDir, info!.filename)), file: info!.filename, integrity: info!.integrity, shasum: info!.shasum };
    }),
  );
  for (const v of packed) {
    const name = v.manifest.name as string;
    if (!packages.has(name)) packages.set(name, new Map());
    packages.get(name)!.set(v.manifest.version as string, v);
  }

  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    const tar = /^(.+)\/-\/(.+\.tgz)$/.exec(pathname);
    if (tar) {
      const version = [...(packages.get(tar[1]!)?.values() ?? [])].find((v) => v.file === tar[2]);
      if (!version) return notFound(res);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': version.tarball.length });
      return res.end(version.tarball);
    }
    const versions = packages.get(pathname);
    if (!versions) return notFound(res);
    const body = JSON.stringify(packument(pathname, versions, url));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    requests: () => count,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(packDir, { recursive: true, force: true });
    },
  };
}

function packument(name: string, versions: Map<string, Version>, base: string): Record<string, unknown> {
  const all = [...versions.keys()];
  return {
    name,
    'dist-tags': { latest: all[all.length - 1] },
    versions: Object.fromEntries(
      [...versions].map(([version, v]) => [
        version,
        { ...v.manifest, _id: `${name}@${version}`, dist: { tarball: `${base}${name}/-/${v.file}`, integrity: v.integrity, shasum: v.shasum } },
      ]),
    ),
  };
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end('{"error":"not_found"}');
}
