/**
 * Everything that runs INSIDE QuickJS, as source text. The host (src/runtime/sandbox) evaluates
 * {@link PRELUDE_SOURCE} once per context and serves the chunks on demand (op `sys.chunk`), so a
 * context only compiles the web APIs its action actually touches.
 */
import { BASE64_CHUNK } from './chunks/base64.ts';
import { BLOB_CHUNK } from './chunks/blob.ts';
import { CLONE_CHUNK } from './chunks/clone.ts';
import { CONSOLE_CHUNK } from './chunks/console.ts';
import { ENCODING_CHUNK } from './chunks/encoding.ts';
import { EVENTS_CHUNK } from './chunks/events.ts';
import { FETCH_CHUNK } from './chunks/fetch.ts';
import { FORMAT_CHUNK } from './chunks/format.ts';
import { INTL_CHUNK } from './chunks/intl.ts';
import { INSPECT_CHUNK } from './chunks/inspect.ts';
import { INSPECT_LAYOUT_CHUNK } from './chunks/inspect-layout.ts';
import { NODE_CIPHER_CHUNK } from './chunks/node-cipher.ts';
import { NODE_CRYPTO_CHUNK } from './chunks/node-crypto.ts';
import { streamsChunk } from './chunks/streams.ts';
import { TIMERS_CHUNK } from './chunks/timers.ts';
import { URL_CHUNK } from './chunks/url.ts';
import { WEBCRYPTO_CHUNK } from './chunks/webcrypto.ts';
import { XHR_CHUNK } from './chunks/xhr.ts';
import { ZLIB_CHUNK } from './chunks/zlib.ts';

export { PRELUDE_SOURCE } from './prelude.ts';

/**
 * Lazily compiled guest chunks by name. Each is a function expression `(internals) => exports`;
 * the prelude's `load(name)` evaluates it on first use and caches the frozen exports per context.
 */
export const GUEST_CHUNKS: Readonly<Record<string, string>> = Object.freeze({
  base64: BASE64_CHUNK,
  blob: BLOB_CHUNK,
  clone: CLONE_CHUNK,
  console: CONSOLE_CHUNK,
  encoding: ENCODING_CHUNK,
  events: EVENTS_CHUNK,
  fetch: FETCH_CHUNK,
  format: FORMAT_CHUNK,
  inspect: INSPECT_CHUNK,
  inspectlayout: INSPECT_LAYOUT_CHUNK,
  intl: INTL_CHUNK,
  nodecipher: NODE_CIPHER_CHUNK,
  nodecrypto: NODE_CRYPTO_CHUNK,
  get streams() {
    return streamsChunk();
  },
  timers: TIMERS_CHUNK,
  url: URL_CHUNK,
  webcrypto: WEBCRYPTO_CHUNK,
  xhr: XHR_CHUNK,
  zlib: ZLIB_CHUNK,
});
