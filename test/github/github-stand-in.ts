import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One API call the stand-in received. */
export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly authorization: string | undefined;
}

export interface StandInComment {
  id: number;
  body: string;
  user: { login: string };
}

export interface StandInCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | undefined;
  output: { title?: string; summary?: string };
  annotations: Record<string, unknown>[];
}

/** The parts of the GitHub REST API the Action uses, on 127.0.0.1, recording every call. */
export interface GitHubStandIn {
  readonly url: string;
  readonly calls: RecordedCall[];
  /** Comments per issue number (pre-seed to test pagination). */
  readonly comments: Map<number, StandInComment[]>;
  readonly checkRuns: StandInCheckRun[];
  /** Answers 403 like GitHub does for a token without the permission (`checks` or `pull_requests`). */
  deny(area: 'checks' | 'pull_requests'): void;
  close(): Promise<void>;
}

/** GitHub's real limits, enforced so the Action is tested against them. */
const COMMENT_MAX = 65_536;
const ANNOTATIONS_MAX = 50;

/**
 * Starts a stand-in for api.github.com: issue comments (list with Link pagination, create,
 * update) and check runs (create, update with appended annotations), with GitHub's validation of
 * body length and annotation count, its 403 shape for missing permissions, and token checks.
 */
export async function startGitHubStandIn(options: { token: string; owner: string; repo: string }): Promise<GitHubStandIn> {
  const calls: RecordedCall[] = [];
  const comments = new Map<number, StandInComment[]>();
  const checkRuns: StandInCheckRun[] = [];
  const denied = new Set<string>();
  let nextId = 1000;
  const prefix = `/repos/${options.owner}/${options.repo}`;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const raw = await readBody(req);
    const body = raw === '' ? undefined : JSON.parse(raw);
    const call: RecordedCall = { method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), body, authorization: req.headers.authorization };
    calls.push(call);
    if (req.headers.authorization !== `token ${options.token}` && req.headers.authorization !== `Bearer ${options.token}`) {
      return send(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    const deny = (area: string) => {
      send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' }, { 'x-accepted-github-permissions': `${area}=write` });
    };
    let m: RegExpMatchArray | null;
    if ((m = url.pathname.match(new RegExp(`^${prefix}/issues/(\\d+)/comments$`)))) {
      const list = comments.get(Number(m[1])) ?? [];
      comments.set(Number(m[1]), list);
      if (req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const headers: Record<string, string> = {};
        if (page < last) {
          const next = new URL(url.href.replace('http://stand-in', `http://${req.headers.host}`));
          next.searchParams.set('page', String(page + 1));
          headers['link'] = `<${next.href}>; rel="next"`;
        }
        return send(res, 200, list.slice((page - 1) * perPage, page * perPage), headers);
      }
      if (req.method === 'POST') {
        if (denied.has('pull_requests')) return deny('pull_requests');
        const text = String(body?.body ?? '');
        if (text.length > COMMENT_MAX) return send(res, 422, { message: 'Validation Failed', errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] });
        const comment = { id: nextId++, body: text, user: { login: 'github-actions[bot]' } };
        list.push(comment);
        return send(res, 201, { ...comment, html_url: `https://github.com/${options.owner}/${options.repo}/pull/${m[1]}#issuecomment-${comment.id}` });
      }
    }
    if ((m = url.pathname.match(new RegExp(`^${prefix}/issues/comments/(\\d+)$`))) && req.method === 'PATCH') {
      if (denied.has('pull_requests')) return deny('pull_requests');
      const comment = [...comments.values()].flat().find((c) => c.id === Number(m![1]));
      if (!comment) return send(res, 404, { message: 'Not Found' });
      const text = String(body?.body ?? '');
      if (text.length > COMMENT_MAX) return send(res, 422, { message: 'Validation Failed' });
      comment.body = text;
      return send(res, 200, { ...comment, html_url: `https://github.com/${options.owner}/${options.repo}/pull/1#issuecomment-${comment.id}` });
    }
    if (url.pathname === `${prefix}/check-runs` && req.method === 'POST') {
      if (denied.has('checks')) return deny('checks');
      const annotations = (body?.output?.annotations ?? []) as Record<string, unknown>[];
      if (annotations.length > ANNOTATIONS_MAX) return send(res, 422, { message: 'Only 50 annotations are allowed per request' });
      const run: StandInCheckRun = {
        id: nextId++, name: body.name, head_sha: body.head_sha, status: body.status, conclusion: body.conclusion,
        output: { title: body.output?.title, summary: body.output?.summary }, annotations: [...annotations],
      };
      checkRuns.push(run);
      return send(res, 201, { ...run, html_url: `https://github.com/${options.owner}/${options.repo}/runs/${run.id}` });
    }
    if ((m = url.pathname.match(new RegExp(`^${prefix}/check-runs/(\\d+)$`))) && req.method === 'PATCH') {
      if (denied.has('checks')) return deny('checks');
      const run = checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return send(res, 404, { message: 'Not Found' });
      const annotations = (body?.output?.annotations ?? []) as Record<string, unknown>[];
      if (annotations.length > ANNOTATIONS_MAX) return send(res, 422, { message: 'Only 50 annotations are allowed per request' });
      run.annotations.push(...annotations);
      return send(res, 200, { ...run, html_url: `https://github.com/${options.owner}/${options.repo}/runs/${run.id}` });
    }
    send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    comments,
    checkRuns,
    deny: (area) => void denied.add(area),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
