/**
 * What `require('form-data')` gets in a bundle. The npm package's browser build is only the global
 * `FormData`, which has none of the Node methods Auth0 code calls: `axios.post(url, form, { headers:
 * form.getHeaders() })` (the usual way to post multipart to Mailgun or a CRM) threw "not a
 * function". This is the sandbox's FormData with form-data's Node API on top: `getHeaders`,
 * `getBoundary`/`setBoundary`, `getBuffer`, `getLengthSync`/`getLength`, and `append` taking
 * Buffers, numbers and `{ filename, contentType }`. The sandbox's fetch sends a form with the
 * boundary its `getBoundary()` gives, so the headers and the body agree, and `getBuffer()` is that
 * same encoding (the runtime's, through `__actuate_builtins.multipart`). Streams (`fs.createReadStream`) and `submit`/`pipe` need sockets
 * or files and throw, saying so.
 */
export const FORM_DATA_COMPAT = `var Base = globalThis.FormData;
var Buffer = require("buffer").Buffer;
function unavailable(what, why) { var e = new Error(what + " is not available in the sandbox: " + why); e.code = "ERR_ACTUATE_UNAVAILABLE"; return e; }
function randomHex(n) { var b = new Uint8Array(n); globalThis.crypto.getRandomValues(b); var s = ""; for (var i = 0; i < n; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16); return s; }
class FormData extends Base {
  constructor(options) { super(); this._boundary = undefined; }
  append(field, value, options) {
    if (typeof options === "string") options = { filename: options };
    options = options || {};
    if (typeof value === "number" || typeof value === "boolean") value = String(value);
    if (Array.isArray(value)) throw new Error("Arrays are not supported.");
    if (typeof value === "string") return super.append(field, value);
    var filename = options.filepath || options.filename || (value && typeof value.name === "string" ? value.name : undefined);
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      var bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      var blob = new Blob([bytes], { type: options.contentType || "application/octet-stream" });
      return filename === undefined ? super.append(field, blob) : super.append(field, blob, filename);
    }
    if (value instanceof Blob) return filename === undefined ? super.append(field, value) : super.append(field, value, filename);
    if (value && (typeof value.pipe === "function" || typeof value.on === "function")) {
      throw unavailable("form-data with a stream value", "append a Buffer or a string (actions have no files or sockets to stream from)");
    }
    return super.append(field, String(value));
  }
  getBoundary() { if (!this._boundary) this._boundary = "--------------------------" + randomHex(12); return this._boundary; }
  setBoundary(boundary) { if (typeof boundary !== "string") throw new TypeError("FormData boundary must be a string"); this._boundary = boundary; }
  getHeaders(userHeaders) {
    var headers = { "content-type": "multipart/form-data; boundary=" + this.getBoundary() };
    for (var k in userHeaders) if (Object.prototype.hasOwnProperty.call(userHeaders, k)) headers[k.toLowerCase()] = userHeaders[k];
    return headers;
  }
  /** The body fetch sends for this form (the runtime's own encoding), as a Buffer. */
  getBuffer() { return Buffer.from(globalThis.__actuate_builtins.multipart(this).bytes); }
  getLengthSync() { return this.getBuffer().length; }
  getLength(callback) { var n; try { n = this.getLengthSync(); } catch (e) { return callback(e); } callback(null, n); }
  hasKnownLength() { return true; }
  submit() { throw unavailable("form.submit()", "post the form with fetch or axios, with headers form.getHeaders()"); }
  pipe() { throw unavailable("form.pipe()", "post the form with fetch or axios, with headers form.getHeaders()"); }
  toString() { return "[object FormData]"; }
}
FormData.LINE_BREAK = "\\r\\n";
FormData.DEFAULT_CONTENT_TYPE = "application/octet-stream";
module.exports = FormData;
`;
