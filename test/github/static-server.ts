import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

/** A plain static file server over `root` on 127.0.0.1, as nginx or a bucket would serve a store. */
export async function staticServer(root: string): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return void res.writeHead(403).end();
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/store`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

