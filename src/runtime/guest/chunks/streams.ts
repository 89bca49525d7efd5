import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Guest chunk `streams`: the WHATWG streams (`ReadableStream`, `WritableStream`,
 * `TransformStream`, their readers, writers and controllers, the queuing strategies) from
 * web-streams-polyfill, a spec-complete implementation tested against the web-platform tests,
 * plus `TextEncoderStream` and `TextDecoderStream` on top of it. The AWS SDK v3 and other
 * fetch-based clients reference `ReadableStream` and read `response.body` as one.
 *
 * The polyfill is 64 KB of minified JavaScript, about 12 ms for QuickJS to compile, so it is
 * read from the package on first request and compiled only by contexts that touch a stream; the
 * prelude's globals for it are cheap stand-ins until then (`typeof ReadableStream` costs nothing).
 */
let source: string | undefined;

/** The chunk's source, read once per thread. */
export function streamsChunk(): string {
  source ??= build();
  return source;
}

function build(): string {
  const ponyfill = readFileSync(createRequire(import.meta.url).resolve('web-streams-polyfill/dist/ponyfill.js'), 'utf8');
  return `(function (I) {
const W = (function () { var module = { exports: {} }, exports = module.exports;
${ponyfill}
;return module.exports; })();
${TEXT_STREAMS}
})`;
}

/** TextEncoderStream and TextDecoderStream as the Encoding standard defines them. */
const TEXT_STREAMS = String.raw`'use strict';
const enc = I.load('encoding');
const pairs = new WeakMap();
function pair(self, name) {
  const p = self !== null && typeof self === 'object' ? pairs.get(self) : undefined;
  if (p === undefined) throw new TypeError('Illegal invocation: not a ' + name);
  return p;
}
class TextEncoderStream {
  constructor() {
    let pending = '';
    pairs.set(this, new W.TransformStream({
      transform(chunk, controller) {
        let s = pending + String(chunk);
        pending = '';
        const last = s.charCodeAt(s.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) { pending = s.slice(-1); s = s.slice(0, -1); }
        if (s !== '') controller.enqueue(enc.utf8encode(s));
      },
      flush(controller) { if (pending !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd])); },
    }));
  }
  get encoding() { pair(this, 'TextEncoderStream'); return 'utf-8'; }
  get readable() { return pair(this, 'TextEncoderStream').readable; }
  get writable() { return pair(this, 'TextEncoderStream').writable; }
}
const decoders = new WeakMap();
class TextDecoderStream {
  constructor(label = 'utf-8', options = {}) {
    const decoder = new TextDecoder(label, options);
    decoders.set(this, decoder);
    pairs.set(this, new W.TransformStream({
      transform(chunk, controller) {
        const bytes = chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : null;
        if (bytes === null) throw new TypeError('TextDecoderStream chunks must be ArrayBuffer or ArrayBufferView');
        const s = decoder.decode(bytes, { stream: true });
        if (s !== '') controller.enqueue(s);
      },
      flush(controller) { const s = decoder.decode(); if (s !== '') controller.enqueue(s); },
    }));
  }
  get encoding() { pair(this, 'TextDecoderStream'); return decoders.get(this).encoding; }
  get fatal() { pair(this, 'TextDecoderStream'); return decoders.get(this).fatal; }
  get ignoreBOM() { pair(this, 'TextDecoderStream'); return decoders.get(this).ignoreBOM; }
  get readable() { return pair(this, 'TextDecoderStream').readable; }
  get writable() { return pair(this, 'TextDecoderStream').writable; }
}
/** A ReadableStream of one chunk of bytes (bodies and blobs: the sandbox holds them whole). */
function bytesStream(bytes, onRead) {
  let sent = false;
  return new W.ReadableStream({
    pull(controller) {
      if (!sent) { sent = true; if (onRead) onRead(); if (bytes.byteLength > 0) controller.enqueue(bytes.slice()); }
      controller.close();
    },
    cancel() { sent = true; if (onRead) onRead(); },
  }, { highWaterMark: 0 });
}
/** Reads a whole ReadableStream of byte chunks (a body given as a stream). */
async function readAll(stream) {
  const reader = stream.getReader(), parts = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return enc.concatBytes(parts);
    const b = typeof value === 'string' ? enc.utf8encode(value) : value instanceof ArrayBuffer ? new Uint8Array(value) : ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : null;
    if (b === null) throw new TypeError('body stream chunks must be Uint8Array, ArrayBuffer or string');
    parts.push(b);
  }
}
return Object.freeze(Object.assign({}, W, { TextEncoderStream, TextDecoderStream, bytesStream, readAll }));
`;
