/**
 * Declarations of the Node built-in modules the sandbox's compatibility layer provides (`crypto`,
 * `buffer`, `events`, `util`, `url`, `querystring`, each also as `node:<name>`). Deliberately loose
 * where Node's own types are intricate: the aim is that common action code type-checks and that a
 * module the sandbox does not have (`fs`, `http`) is an error.
 */

const CRYPTO = `declare module "crypto" {
  type BinaryLike = string | ArrayBufferView;
  type BinaryToTextEncoding = 'hex' | 'base64' | 'base64url' | 'latin1';
  interface Hash {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Hash;
    digest(): Buffer;
    digest(encoding: BinaryToTextEncoding): string;
    copy(): Hash;
  }
  interface Hmac {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Hmac;
    digest(): Buffer;
    digest(encoding: BinaryToTextEncoding): string;
  }
  /** A key held by the host. */
  interface KeyObject {
    readonly type: 'secret' | 'public' | 'private';
    readonly asymmetricKeyType?: string;
    readonly symmetricKeySize?: number;
    export(options?: { format?: 'pem' | 'der' | 'jwk'; type?: string }): Buffer | string | JsonWebKey;
    equals(other: KeyObject): boolean;
  }
  type KeyLike = string | Buffer | KeyObject;
  type KeyInput = KeyLike | { key: KeyLike | JsonWebKey; format?: 'pem' | 'der' | 'jwk'; type?: string; passphrase?: string };
  interface SignKeyInput {
    key: KeyLike;
    passphrase?: string;
    padding?: number;
    saltLength?: number;
    dsaEncoding?: 'der' | 'ieee-p1363';
  }
  interface Sign {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Sign;
    sign(privateKey: KeyLike | SignKeyInput): Buffer;
    sign(privateKey: KeyLike | SignKeyInput, outputFormat: BinaryToTextEncoding): string;
  }
  interface Verify {
    update(data: BinaryLike, inputEncoding?: BufferEncoding): Verify;
    verify(key: KeyLike | SignKeyInput, signature: ArrayBufferView): boolean;
    verify(key: KeyLike | SignKeyInput, signature: string, signatureEncoding?: BinaryToTextEncoding): boolean;
  }
  function createHash(algorithm: string): Hash;
  function createHmac(algorithm: string, key: BinaryLike | KeyObject): Hmac;
  function createSign(algorithm: string): Sign;
  function createVerify(algorithm: string): Verify;
  function sign(algorithm: string | null | undefined, data: ArrayBufferView, key: KeyLike | SignKeyInput): Buffer;
  function verify(
    algorithm: string | null | undefined,
    data: ArrayBufferView,
    key: KeyLike | SignKeyInput,
    signature: ArrayBufferView,
  ): boolean;
  function createSecretKey(key: ArrayBufferView | string, encoding?: BufferEncoding): KeyObject;
  function createPublicKey(key: KeyInput): KeyObject;
  function createPrivateKey(key: KeyInput): KeyObject;
  function randomBytes(size: number): Buffer;
  function randomBytes(size: number, callback: (error: Error | null, bytes: Buffer) => void): void;
  function randomUUID(): string;
  function randomInt(max: number): number;
  function randomInt(min: number, max: number): number;
  function timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean;
  function pbkdf2Sync(password: BinaryLike, salt: BinaryLike, iterations: number, keylen: number, digest: string): Buffer;
  function pbkdf2(
    password: BinaryLike,
    salt: BinaryLike,
    iterations: number,
    keylen: number,
    digest: string,
    callback: (error: Error | null, derivedKey: Buffer) => void,
  ): void;
  function getHashes(): string[];
  type CipherKey = BinaryLike | KeyObject;
  interface CipherOptions {
    authTagLength?: number;
  }
  /** What a cipher and a decipher share: update() returns what is ready, final() the rest. */
  interface CipherBase<Self, Input> {
    update(data: Input): Buffer;
    update(data: string, inputEncoding: BufferEncoding): Buffer;
    update(data: ArrayBufferView, inputEncoding: undefined, outputEncoding: BufferEncoding): string;
    update(data: string, inputEncoding: BufferEncoding | undefined, outputEncoding: BufferEncoding): string;
    final(): Buffer;
    final(outputEncoding: BufferEncoding): string;
    setAutoPadding(autoPadding?: boolean): Self;
    setAAD(buffer: ArrayBufferView, options?: { plaintextLength: number }): Self;
  }
  interface Cipher extends CipherBase<Cipher, BinaryLike> {
    getAuthTag(): Buffer;
  }
  interface Decipher extends CipherBase<Decipher, ArrayBufferView> {
    setAuthTag(buffer: ArrayBufferView | string, encoding?: BufferEncoding): Decipher;
  }
  function createCipheriv(algorithm: string, key: CipherKey, iv: BinaryLike | null, options?: CipherOptions): Cipher;
  function createDecipheriv(algorithm: string, key: CipherKey, iv: BinaryLike | null, options?: CipherOptions): Decipher;
  function getCiphers(): string[];
  interface ScryptOptions {
    N?: number;
    r?: number;
    p?: number;
    cost?: number;
    blockSize?: number;
    parallelization?: number;
    maxmem?: number;
  }
  function scryptSync(password: BinaryLike, salt: BinaryLike, keylen: number, options?: ScryptOptions): Buffer;
  function scrypt(password: BinaryLike, salt: BinaryLike, keylen: number, callback: (error: Error | null, derivedKey: Buffer) => void): void;
  function scrypt(password: BinaryLike, salt: BinaryLike, keylen: number, options: ScryptOptions, callback: (error: Error | null, derivedKey: Buffer) => void): void;
  function hkdfSync(digest: string, ikm: BinaryLike | KeyObject, salt: BinaryLike, info: BinaryLike, keylen: number): ArrayBuffer;
  function hkdf(digest: string, ikm: BinaryLike | KeyObject, salt: BinaryLike, info: BinaryLike, keylen: number, callback: (error: Error | null, derivedKey: ArrayBuffer) => void): void;
  type KeyPairType = 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'ed448' | 'x25519' | 'x448';
  interface KeyEncoding {
    type?: 'pkcs1' | 'spki' | 'pkcs8' | 'sec1';
    format: 'pem' | 'der' | 'jwk';
    cipher?: string;
    passphrase?: string;
  }
  /** RSA up to 4096 bits in the sandbox (generation runs on the host's thread). */
  interface KeyPairOptions {
    modulusLength?: number;
    publicExponent?: number;
    namedCurve?: string;
    hashAlgorithm?: string;
    mgf1HashAlgorithm?: string;
    saltLength?: number;
    publicKeyEncoding?: KeyEncoding;
    privateKeyEncoding?: KeyEncoding;
  }
  function generateKeyPairSync(
    type: KeyPairType,
    options: KeyPairOptions & { publicKeyEncoding: { format: 'pem' }; privateKeyEncoding: { format: 'pem' } },
  ): { publicKey: string; privateKey: string };
  function generateKeyPairSync(type: KeyPairType, options?: KeyPairOptions & { publicKeyEncoding?: undefined; privateKeyEncoding?: undefined }): { publicKey: KeyObject; privateKey: KeyObject };
  function generateKeyPairSync(type: KeyPairType, options?: KeyPairOptions): { publicKey: any; privateKey: any };
  function generateKeyPair(type: KeyPairType, options: KeyPairOptions | undefined, callback: (error: Error | null, publicKey: any, privateKey: any) => void): void;
  function getRandomValues<T extends ArrayBufferView>(array: T): T;
  const webcrypto: Crypto;
  const subtle: SubtleCrypto;
}`;

const BUFFER = `declare module "buffer" {
  type Buffer = globalThis.Buffer;
  const Buffer: typeof globalThis.Buffer;
  const kMaxLength: number;
  const constants: { readonly MAX_LENGTH: number; readonly MAX_STRING_LENGTH: number };
  function atob(data: string): string;
  function btoa(data: string): string;
}`;

const EVENTS = `declare module "events" {
  type Listener = (...args: any[]) => void;
  class EventEmitter {
    constructor(options?: { captureRejections?: boolean });
    static defaultMaxListeners: number;
    static once(emitter: EventEmitter, eventName: string | symbol): Promise<any[]>;
    addListener(eventName: string | symbol, listener: Listener): this;
    on(eventName: string | symbol, listener: Listener): this;
    once(eventName: string | symbol, listener: Listener): this;
    prependListener(eventName: string | symbol, listener: Listener): this;
    prependOnceListener(eventName: string | symbol, listener: Listener): this;
    off(eventName: string | symbol, listener: Listener): this;
    removeListener(eventName: string | symbol, listener: Listener): this;
    removeAllListeners(eventName?: string | symbol): this;
    emit(eventName: string | symbol, ...args: any[]): boolean;
    listeners(eventName: string | symbol): Listener[];
    listenerCount(eventName: string | symbol): number;
    eventNames(): (string | symbol)[];
    setMaxListeners(n: number): this;
    getMaxListeners(): number;
  }
  import self = require("events");
  namespace EventEmitter {
    export { self as EventEmitter };
  }
  export = EventEmitter;
}`;

const UTIL = `declare module "util" {
  function promisify(fn: (...args: any[]) => void): (...args: any[]) => Promise<any>;
  function callbackify(fn: (...args: any[]) => Promise<any>): (...args: any[]) => void;
  function inherits(constructor: Function, superConstructor: Function): void;
  interface InspectOptions {
    depth?: number | null;
    showHidden?: boolean;
    colors?: boolean;
    customInspect?: boolean;
    showProxy?: boolean;
    maxArrayLength?: number | null;
    maxStringLength?: number | null;
    breakLength?: number;
    compact?: boolean | number;
    sorted?: boolean | ((a: string, b: string) => number);
    getters?: boolean | 'get' | 'set';
    numericSeparator?: boolean;
  }
  function inspect(value: unknown, options?: InspectOptions): string;
  function inspect(value: unknown, showHidden?: boolean, depth?: number | null, color?: boolean): string;
  namespace inspect {
    const custom: unique symbol;
    let defaultOptions: InspectOptions;
  }
  function format(format?: any, ...params: any[]): string;
  function formatWithOptions(inspectOptions: InspectOptions, format?: any, ...params: any[]): string;
  function isDeepStrictEqual(a: unknown, b: unknown): boolean;
  function deprecate<T extends Function>(fn: T, message: string, code?: string): T;
  const types: {
    isDate(value: unknown): value is Date;
    isRegExp(value: unknown): value is RegExp;
    isPromise(value: unknown): value is Promise<unknown>;
    isNativeError(value: unknown): value is Error;
    isUint8Array(value: unknown): value is Uint8Array;
    isArrayBuffer(value: unknown): value is ArrayBuffer;
    isTypedArray(value: unknown): boolean;
    isAsyncFunction(value: unknown): boolean;
  };
  const TextEncoder: typeof globalThis.TextEncoder;
  type TextEncoder = globalThis.TextEncoder;
  const TextDecoder: typeof globalThis.TextDecoder;
  type TextDecoder = globalThis.TextDecoder;
}`;

const URL_MODULE = `declare module "url" {
  const URL: typeof globalThis.URL;
  type URL = globalThis.URL;
  const URLSearchParams: typeof globalThis.URLSearchParams;
  type URLSearchParams = globalThis.URLSearchParams;
  interface UrlObject {
    protocol?: string | null;
    slashes?: boolean | null;
    auth?: string | null;
    host?: string | null;
    hostname?: string | null;
    port?: string | number | null;
    pathname?: string | null;
    search?: string | null;
    query?: string | null | Record<string, any>;
    hash?: string | null;
    href?: string | null;
  }
  interface Url {
    protocol: string | null;
    slashes: boolean | null;
    auth: string | null;
    host: string | null;
    hostname: string | null;
    port: string | null;
    pathname: string | null;
    search: string | null;
    query: string | null | Record<string, string | string[] | undefined>;
    hash: string | null;
    href: string;
    path: string | null;
  }
  function parse(url: string, parseQueryString?: boolean): Url;
  function format(url: string | UrlObject | globalThis.URL): string;
  function resolve(from: string, to: string): string;
}`;

const QUERYSTRING = `declare module "querystring" {
  interface ParsedUrlQuery {
    [key: string]: string | string[] | undefined;
  }
  type ParsedUrlQueryInput = Record<
    string,
    string | number | boolean | readonly string[] | readonly number[] | readonly boolean[] | null | undefined
  >;
  function parse(str: string, sep?: string, eq?: string, options?: { maxKeys?: number }): ParsedUrlQuery;
  function stringify(obj?: ParsedUrlQueryInput, sep?: string, eq?: string): string;
  function escape(str: string): string;
  function unescape(str: string): string;
  const decode: typeof parse;
  const encode: typeof stringify;
}`;

const NODE_PREFIXED = ['buffer', 'crypto', 'querystring', 'url', 'util']
  .map((m) => `declare module "node:${m}" {\n  export * from "${m}";\n}`)
  .concat(['declare module "node:events" {\n  import events = require("events");\n  export = events;\n}'])
  .join('\n');

/** All module declarations, as one block of `.d.ts` text. */
export const SANDBOX_NODE_MODULES = [
  '// Node built-in modules of the Actuate sandbox (also with the `node:` prefix).',
  CRYPTO,
  BUFFER,
  EVENTS,
  UTIL,
  URL_MODULE,
  QUERYSTRING,
  NODE_PREFIXED,
  '',
].join('\n');
