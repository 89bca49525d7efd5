import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unparsedEvent } from '../flows/unparsed-event.ts';

const RAW = Symbol('actuate.rawJsonBody');

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes an event body unparsed (see {@link keepRawJsonBodies}). */
    deferJsonBody?: boolean;
  }
}

/**
 * Parses JSON bodies exactly as fastify does (same parser, same prototype-poisoning refusal, same
 * errors) and keeps each body's text on its request. A flow's event then reaches a worker thread as
 * the text the client sent, instead of being parsed here and serialised again for the crossing
 * (about 20 µs of the daemon's main thread per 3 KB event).
 *
 * On a route configured with `deferJsonBody`, a body that can only be an object free of prototype
 * keys (it opens with `{` and never spells `__proto__` or `constructor`, the keys fastify's parser
 * must look for) is not parsed at all: the route gets an {@link unparsedEvent} whose `parse()` is
 * this same parse, errors included, for when the value is needed (see FlowService.run).
 */
export function keepRawJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string; // parseAs: 'string'
    if (request.routeOptions.config.deferJsonBody === true && mayDefer(text)) {
      return done(null, unparsedEvent(text, () => parseNow(parse, request, text)));
    }
    (request as FastifyRequest & { [RAW]?: string })[RAW] = text;
    parse(request, text, done);
  });
}

/** The text of the request's JSON body, when {@link keepRawJsonBodies} read it. */
export function rawJsonBody(request: FastifyRequest): string | undefined {
  return (request as FastifyRequest & { [RAW]?: string })[RAW];
}

type BodyParser = ReturnType<FastifyInstance['getDefaultJsonParser']>;

/** Runs fastify's parser (it answers synchronously) and returns its value or throws its error. */
function parseNow(parse: BodyParser, request: FastifyRequest, text: string): unknown {
  let outcome: { error: Error | null; value?: unknown } | undefined;
  void parse(request, text, (error, value) => (outcome = { error, value }));
  if (outcome === undefined) throw new Error('the JSON body parser did not answer synchronously');
  if (outcome.error) throw outcome.error;
  return outcome.value;
}

/** A `\u` escape of a letter of `__proto__` or `constructor` (secure-json-parse looks for those too). */
const ESCAPED_KEY_LETTER = /\\u00(?:5[Ff]|6[3EeFf]|7[02-5])/;

/**
 * True when the body, if it is JSON at all, is an object that fastify's parser would return as
 * `JSON.parse` does: it starts with `{` after JSON whitespace (so no byte-order mark either), and
 * cannot hold a `__proto__` or `constructor` key, which the parser must inspect and may refuse:
 * neither word appears, nor a `\u` escape of one of their letters (those bodies are parsed here).
 */
export function mayDefer(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return text.charCodeAt(i) === 0x7b && !text.includes('__proto__') && !text.includes('constructor') && !ESCAPED_KEY_LETTER.test(text);
}
