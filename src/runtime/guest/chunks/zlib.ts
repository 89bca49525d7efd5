/**
 * Guest chunk `zlib`: what the compatibility layer's `zlib` module (bundled into actions that
 * import it) calls through `__actuate_builtins.zlib`: whole-buffer compression and decompression
 * by the host's zlib (op `sys.zlib`, sandbox/host-zlib.ts). Streams and callbacks are the layer's.
 */
export const ZLIB_CHUNK = String.raw`(function (I) {
'use strict';
function run(method, bytes, options) {
  return I.b64decode(I.call('sys.zlib', [method, I.b64encode(bytes, false), options === undefined ? null : options]));
}
function crc32(bytes, initial) { return I.call('sys.zlib', ['crc32', I.b64encode(bytes, false), initial === undefined ? null : initial]); }
return { run, crc32 };
})`;
