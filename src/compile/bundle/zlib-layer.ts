/**
 * The compatibility layer's `zlib`: Node's API over the runtime's engine
 * (`__actuate_builtins.zlib`, the host's own zlib). Sync functions, callbacks, promisify-able
 * functions and streams (`createGzip()`, `pipe`, `pipeline`) behave as Node's; a stream
 * collects its input and compresses it whole when it ends, so a stream's output arrives at its
 * end rather than chunk by chunk. Dictionaries and explicit flushes are not supported.
 * The constants are Node 20's, written out so a bundle does not depend on the compiler's Node.
 */
export const ZLIB_LAYER = String.raw`var Buffer = require("buffer").Buffer;
var Transform = require("stream").Transform;
var constants = Object.freeze(Object.assign({"Z_NO_FLUSH":0,"Z_PARTIAL_FLUSH":1,"Z_SYNC_FLUSH":2,"Z_FULL_FLUSH":3,"Z_FINISH":4,"Z_BLOCK":5,"Z_OK":0,"Z_STREAM_END":1,"Z_NEED_DICT":2,"Z_ERRNO":-1,"Z_STREAM_ERROR":-2,"Z_DATA_ERROR":-3,"Z_MEM_ERROR":-4,"Z_BUF_ERROR":-5,"Z_VERSION_ERROR":-6,"Z_NO_COMPRESSION":0,"Z_BEST_SPEED":1,"Z_BEST_COMPRESSION":9,"Z_DEFAULT_COMPRESSION":-1,"Z_FILTERED":1,"Z_HUFFMAN_ONLY":2,"Z_RLE":3,"Z_FIXED":4,"Z_DEFAULT_STRATEGY":0,"ZLIB_VERNUM":4880,"DEFLATE":1,"INFLATE":2,"GZIP":3,"GUNZIP":4,"DEFLATERAW":5,"INFLATERAW":6,"UNZIP":7,"BROTLI_DECODE":8,"BROTLI_ENCODE":9,"Z_MIN_WINDOWBITS":8,"Z_MAX_WINDOWBITS":15,"Z_DEFAULT_WINDOWBITS":15,"Z_MIN_CHUNK":64,"Z_MAX_CHUNK":"Infinity","Z_DEFAULT_CHUNK":16384,"Z_MIN_MEMLEVEL":1,"Z_MAX_MEMLEVEL":9,"Z_DEFAULT_MEMLEVEL":8,"Z_MIN_LEVEL":-1,"Z_MAX_LEVEL":9,"Z_DEFAULT_LEVEL":-1,"BROTLI_OPERATION_PROCESS":0,"BROTLI_OPERATION_FLUSH":1,"BROTLI_OPERATION_FINISH":2,"BROTLI_OPERATION_EMIT_METADATA":3,"BROTLI_PARAM_MODE":0,"BROTLI_MODE_GENERIC":0,"BROTLI_MODE_TEXT":1,"BROTLI_MODE_FONT":2,"BROTLI_DEFAULT_MODE":0,"BROTLI_PARAM_QUALITY":1,"BROTLI_MIN_QUALITY":0,"BROTLI_MAX_QUALITY":11,"BROTLI_DEFAULT_QUALITY":11,"BROTLI_PARAM_LGWIN":2,"BROTLI_MIN_WINDOW_BITS":10,"BROTLI_MAX_WINDOW_BITS":24,"BROTLI_LARGE_MAX_WINDOW_BITS":30,"BROTLI_DEFAULT_WINDOW":22,"BROTLI_PARAM_LGBLOCK":3,"BROTLI_MIN_INPUT_BLOCK_BITS":16,"BROTLI_MAX_INPUT_BLOCK_BITS":24,"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING":4,"BROTLI_PARAM_SIZE_HINT":5,"BROTLI_PARAM_LARGE_WINDOW":6,"BROTLI_PARAM_NPOSTFIX":7,"BROTLI_PARAM_NDIRECT":8,"BROTLI_DECODER_RESULT_ERROR":0,"BROTLI_DECODER_RESULT_SUCCESS":1,"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT":2,"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT":3,"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION":0,"BROTLI_DECODER_PARAM_LARGE_WINDOW":1,"BROTLI_DECODER_NO_ERROR":0,"BROTLI_DECODER_SUCCESS":1,"BROTLI_DECODER_NEEDS_MORE_INPUT":2,"BROTLI_DECODER_NEEDS_MORE_OUTPUT":3,"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE":-1,"BROTLI_DECODER_ERROR_FORMAT_RESERVED":-2,"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE":-3,"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET":-4,"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME":-5,"BROTLI_DECODER_ERROR_FORMAT_CL_SPACE":-6,"BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE":-7,"BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT":-8,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1":-9,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2":-10,"BROTLI_DECODER_ERROR_FORMAT_TRANSFORM":-11,"BROTLI_DECODER_ERROR_FORMAT_DICTIONARY":-12,"BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS":-13,"BROTLI_DECODER_ERROR_FORMAT_PADDING_1":-14,"BROTLI_DECODER_ERROR_FORMAT_PADDING_2":-15,"BROTLI_DECODER_ERROR_FORMAT_DISTANCE":-16,"BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET":-19,"BROTLI_DECODER_ERROR_INVALID_ARGUMENTS":-20,"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES":-21,"BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS":-22,"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP":-25,"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1":-26,"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2":-27,"BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES":-30,"BROTLI_DECODER_ERROR_UNREACHABLE":-31}, { Z_MAX_CHUNK: Infinity }));
function engine() {
  var b = globalThis.__actuate_builtins;
  if (!b || !b.zlib) throw new Error("node:zlib is provided by the Actuate runtime, which is not present (globalThis.__actuate_builtins.zlib is missing)");
  return b.zlib;
}
function bytes(data, name) {
  if (typeof data === "string") return Buffer.from(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  var e = new TypeError('The "buffer" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer.' + (data === undefined ? " Received undefined" : ""));
  e.code = "ERR_INVALID_ARG_TYPE";
  throw e;
}
function options(o) {
  if (o === undefined || o === null) return undefined;
  var out = {};
  ["level", "windowBits", "memLevel", "strategy", "chunkSize", "maxOutputLength"].forEach(function (k) { if (typeof o[k] === "number") out[k] = o[k]; });
  if (o.params && typeof o.params === "object") { out.params = {}; Object.keys(o.params).forEach(function (k) { out.params[k] = o.params[k]; }); }
  if (o.dictionary !== undefined) throw new Error("zlib dictionaries are not supported in the sandbox");
  return out;
}
function runEngine(method, data, opts) {
  var input = bytes(data);
  try { return Buffer.from(engine().run(method, input, options(opts))); }
  catch (e) { if (/incorrect header|invalid|unexpected end|too far back|unknown compression/i.test(e.message)) e.code = e.code || "Z_DATA_ERROR"; if (e.message.indexOf("maxOutputLength") !== -1 || /output length/i.test(e.message)) e.code = "ERR_BUFFER_TOO_LARGE"; throw e; }
}
var METHODS = { gzip: "Gzip", gunzip: "Gunzip", deflate: "Deflate", inflate: "Inflate", deflateRaw: "DeflateRaw", inflateRaw: "InflateRaw", unzip: "Unzip", brotliCompress: "BrotliCompress", brotliDecompress: "BrotliDecompress" };
function ZlibStream(method, opts) {
  Transform.call(this, opts);
  this._method = method; this._zlibOptions = opts; this._chunks = []; this.bytesWritten = 0;
}
Object.setPrototypeOf(ZlibStream.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibStream, Transform);
ZlibStream.prototype._transform = function (chunk, encoding, callback) {
  var b = typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
  this._chunks.push(b); this.bytesWritten += b.length; callback();
};
ZlibStream.prototype._flush = function (callback) {
  var out;
  try { out = runEngine(this._method, Buffer.concat(this._chunks), this._zlibOptions); } catch (e) { callback(e); return; }
  this._chunks = [];
  callback(null, out);
};
ZlibStream.prototype.close = function (callback) { if (callback) require("process").nextTick(callback); this.destroy(); };
ZlibStream.prototype.flush = function (kind, callback) { var cb = typeof kind === "function" ? kind : callback; if (cb) require("process").nextTick(cb); };
ZlibStream.prototype.params = function (level, strategy, callback) { if (callback) require("process").nextTick(callback); };
ZlibStream.prototype.reset = function () { this._chunks = []; };
Object.keys(METHODS).forEach(function (method) {
  var name = METHODS[method];
  var C = { [name]: function (opts) { if (!(this instanceof C)) return new C(opts); ZlibStream.call(this, method, opts); } }[name];
  Object.setPrototypeOf(C.prototype, ZlibStream.prototype);
  Object.setPrototypeOf(C, ZlibStream);
  exports[name] = C;
  exports["create" + name] = function (opts) { return new C(opts); };
  exports[method + "Sync"] = function (data, opts) { return runEngine(method, data, opts); };
  exports[method] = function (data, opts, callback) {
    if (typeof opts === "function") { callback = opts; opts = undefined; }
    if (typeof callback !== "function") { var e = new TypeError('The "callback" argument must be of type function. Received ' + typeof callback); e.code = "ERR_INVALID_ARG_TYPE"; throw e; }
    var result, error = null;
    try { result = runEngine(method, data, opts); } catch (err) { error = err; }
    require("process").nextTick(function () { if (error) callback(error); else callback(null, result); });
  };
});
exports.crc32 = function (data, value) { return engine().crc32(bytes(data), value === undefined ? 0 : value); };
exports.constants = constants;
Object.keys(constants).forEach(function (k) { if (k.indexOf("Z_") === 0 || k === "ZLIB_VERNUM") Object.defineProperty(exports, k, { value: constants[k], enumerable: false }); });
exports.codes = Object.freeze({ Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  "0": "Z_OK", "1": "Z_STREAM_END", "2": "Z_NEED_DICT", "-1": "Z_ERRNO", "-2": "Z_STREAM_ERROR", "-3": "Z_DATA_ERROR", "-4": "Z_MEM_ERROR", "-5": "Z_BUF_ERROR", "-6": "Z_VERSION_ERROR" });
`;
