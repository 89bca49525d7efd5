/**
 * Declarations of the sandbox's WHATWG streams, events and `XMLHttpRequest` (guest chunks
 * `streams`, `events` and `xhr`), subsets of lib.dom's limited to what the sandbox implements, and
 * of the minimal `process` the bundler gives code that uses one (polyfills.ts). Part of the global
 * declarations (sandbox-globals.ts).
 */
export const SANDBOX_STREAM_APIS = `/**
 * A minimal process with no access to the host: \`env\` is empty but for NODE_ENV, which reads
 * "production"; \`platform\` is "browser", \`version\` is empty; nextTick, hrtime and uptime work;
 * \`stdout\` and \`stderr\` write to the action's console.
 */
declare var process: {
  readonly env: Record<string, string | undefined>;
  readonly argv: string[];
  readonly platform: string;
  readonly version: string;
  readonly versions: Record<string, string | undefined>;
  readonly browser: boolean;
  nextTick(callback: (...args: any[]) => void, ...args: any[]): void;
  hrtime: { (previous?: [number, number]): [number, number]; bigint(): bigint };
  uptime(): number;
  cwd(): string;
  emitWarning(warning: string | Error, ...args: any[]): void;
  /** Writes go to the action's console: a line per write (one trailing newline dropped); never a terminal. */
  readonly stdout: { readonly isTTY: false; readonly fd: 1; write(chunk: string | Uint8Array, encoding?: string | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean };
  /** Like \`stdout\`, as console.error. */
  readonly stderr: { readonly isTTY: false; readonly fd: 2; write(chunk: string | Uint8Array, encoding?: string | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean };
};

interface Event {
  readonly type: string;
  readonly target: any;
  readonly currentTarget: any;
  readonly defaultPrevented: boolean;
  readonly timeStamp: number;
  preventDefault(): void;
  stopPropagation(): void;
  stopImmediatePropagation(): void;
}
declare var Event: { prototype: Event; new (type: string, init?: { bubbles?: boolean; cancelable?: boolean; composed?: boolean }): Event };
type EventListenerLike = ((event: any) => any) | { handleEvent(event: any): any };
interface EventTarget {
  addEventListener(type: string, listener: EventListenerLike | null, options?: boolean | { once?: boolean; capture?: boolean; signal?: AbortSignal }): void;
  removeEventListener(type: string, listener: EventListenerLike | null, options?: boolean | { capture?: boolean }): void;
  dispatchEvent(event: Event): boolean;
}
declare var EventTarget: { prototype: EventTarget; new (): EventTarget };

interface QueuingStrategy<T = any> {
  highWaterMark?: number;
  size?(chunk: T): number;
}
declare var CountQueuingStrategy: { prototype: QueuingStrategy; new (init: { highWaterMark: number }): QueuingStrategy };
declare var ByteLengthQueuingStrategy: { prototype: QueuingStrategy<ArrayBufferView>; new (init: { highWaterMark: number }): QueuingStrategy<ArrayBufferView> };
type ReadableStreamReadResult<T> = { done: false; value: T } | { done: true; value?: undefined };
interface ReadableStreamDefaultReader<R = any> {
  readonly closed: Promise<undefined>;
  read(): Promise<ReadableStreamReadResult<R>>;
  releaseLock(): void;
  cancel(reason?: any): Promise<void>;
}
interface ReadableStreamDefaultController<R = any> {
  readonly desiredSize: number | null;
  enqueue(chunk?: R): void;
  close(): void;
  error(e?: any): void;
}
interface UnderlyingSource<R = any> {
  start?(controller: ReadableStreamDefaultController<R>): any;
  pull?(controller: ReadableStreamDefaultController<R>): void | PromiseLike<void>;
  cancel?(reason?: any): void | PromiseLike<void>;
}
interface StreamPipeOptions {
  preventAbort?: boolean;
  preventCancel?: boolean;
  preventClose?: boolean;
  signal?: AbortSignal;
}
interface ReadableWritablePair<R = any, W = any> {
  readable: ReadableStream<R>;
  writable: WritableStream<W>;
}
interface ReadableStream<R = any> {
  readonly locked: boolean;
  cancel(reason?: any): Promise<void>;
  getReader(): ReadableStreamDefaultReader<R>;
  pipeThrough<T>(transform: ReadableWritablePair<T, R>, options?: StreamPipeOptions): ReadableStream<T>;
  pipeTo(destination: WritableStream<R>, options?: StreamPipeOptions): Promise<void>;
  tee(): [ReadableStream<R>, ReadableStream<R>];
  values(options?: { preventCancel?: boolean }): AsyncIterableIterator<R>;
  [Symbol.asyncIterator](options?: { preventCancel?: boolean }): AsyncIterableIterator<R>;
}
/** WHATWG streams (web-streams-polyfill); compiled in a context the first time one is made (≈15 ms). */
declare var ReadableStream: {
  prototype: ReadableStream;
  new <R = any>(source?: UnderlyingSource<R>, strategy?: QueuingStrategy<R>): ReadableStream<R>;
  from<R>(iterable: Iterable<R> | AsyncIterable<R>): ReadableStream<R>;
};
interface WritableStreamDefaultController {
  readonly signal: AbortSignal;
  error(e?: any): void;
}
interface UnderlyingSink<W = any> {
  start?(controller: WritableStreamDefaultController): any;
  write?(chunk: W, controller: WritableStreamDefaultController): void | PromiseLike<void>;
  close?(): void | PromiseLike<void>;
  abort?(reason?: any): void | PromiseLike<void>;
}
interface WritableStreamDefaultWriter<W = any> {
  readonly closed: Promise<undefined>;
  readonly desiredSize: number | null;
  readonly ready: Promise<undefined>;
  abort(reason?: any): Promise<void>;
  close(): Promise<void>;
  releaseLock(): void;
  write(chunk?: W): Promise<void>;
}
interface WritableStream<W = any> {
  readonly locked: boolean;
  abort(reason?: any): Promise<void>;
  close(): Promise<void>;
  getWriter(): WritableStreamDefaultWriter<W>;
}
declare var WritableStream: { prototype: WritableStream; new <W = any>(sink?: UnderlyingSink<W>, strategy?: QueuingStrategy<W>): WritableStream<W> };
interface TransformStreamDefaultController<O = any> {
  readonly desiredSize: number | null;
  enqueue(chunk?: O): void;
  error(reason?: any): void;
  terminate(): void;
}
interface Transformer<I = any, O = any> {
  start?(controller: TransformStreamDefaultController<O>): any;
  transform?(chunk: I, controller: TransformStreamDefaultController<O>): void | PromiseLike<void>;
  flush?(controller: TransformStreamDefaultController<O>): void | PromiseLike<void>;
}
interface TransformStream<I = any, O = any> {
  readonly readable: ReadableStream<O>;
  readonly writable: WritableStream<I>;
}
declare var TransformStream: {
  prototype: TransformStream;
  new <I = any, O = any>(transformer?: Transformer<I, O>, writableStrategy?: QueuingStrategy<I>, readableStrategy?: QueuingStrategy<O>): TransformStream<I, O>;
};
interface TextEncoderStream extends TransformStream<string, Uint8Array> {
  readonly encoding: string;
}
declare var TextEncoderStream: { prototype: TextEncoderStream; new (): TextEncoderStream };
interface TextDecoderStream extends TransformStream<ArrayBufferView | ArrayBuffer, string> {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
}
declare var TextDecoderStream: { prototype: TextDecoderStream; new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoderStream };

interface ProgressEvent extends Event {
  readonly lengthComputable: boolean;
  readonly loaded: number;
  readonly total: number;
}
declare var ProgressEvent: { prototype: ProgressEvent; new (type: string, init?: { lengthComputable?: boolean; loaded?: number; total?: number }): ProgressEvent };
interface XMLHttpRequestEventTarget extends EventTarget {
  onabort: ((ev: ProgressEvent) => any) | null;
  onerror: ((ev: ProgressEvent) => any) | null;
  onload: ((ev: ProgressEvent) => any) | null;
  onloadend: ((ev: ProgressEvent) => any) | null;
  onloadstart: ((ev: ProgressEvent) => any) | null;
  onprogress: ((ev: ProgressEvent) => any) | null;
  ontimeout: ((ev: ProgressEvent) => any) | null;
}
interface XMLHttpRequest extends XMLHttpRequestEventTarget {
  onreadystatechange: ((ev: Event) => any) | null;
  readonly readyState: number;
  readonly response: any;
  readonly responseText: string;
  responseType: '' | 'arraybuffer' | 'blob' | 'json' | 'text';
  readonly responseURL: string;
  readonly status: number;
  readonly statusText: string;
  timeout: number;
  readonly upload: XMLHttpRequestEventTarget;
  withCredentials: boolean;
  abort(): void;
  getAllResponseHeaders(): string;
  getResponseHeader(name: string): string | null;
  /** Asynchronous only: passing false for async throws an InvalidAccessError. */
  open(method: string, url: string | URL, async?: boolean, username?: string | null, password?: string | null): void;
  overrideMimeType(mime: string): void;
  send(body?: BodyInit | null): void;
  setRequestHeader(name: string, value: string): void;
  readonly UNSENT: 0;
  readonly OPENED: 1;
  readonly HEADERS_RECEIVED: 2;
  readonly LOADING: 3;
  readonly DONE: 4;
}
/** Over the sandbox's fetch (egress policy, timeouts and size caps apply). */
declare var XMLHttpRequest: { prototype: XMLHttpRequest; new (): XMLHttpRequest; readonly UNSENT: 0; readonly OPENED: 1; readonly HEADERS_RECEIVED: 2; readonly LOADING: 3; readonly DONE: 4 };
`;
