/**
 * Guest chunk `events`: minimal `DOMException`, `Event`, `CustomEvent`, `EventTarget`,
 * `AbortSignal` and `AbortController`. Packages need these at load time (SDKs build an
 * AbortController per request) and fetch needs them for aborts, so they follow the DOM shapes
 * closely enough for feature detection, without capture/bubble phases (there is no tree).
 *
 * An exception thrown by a listener is reported as uncaught and fails the invocation, as it would
 * crash a Node process; it does not stop the other listeners.
 */
export const EVENTS_CHUNK = String.raw`(function (I) {
'use strict';
const CODES = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18,
  NetworkError: 19, AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
  InvalidNodeTypeError: 24, DataCloneError: 25 };
class DOMException extends Error {
  #name; #code;
  constructor(message = '', options = 'Error') {
    super(String(message));
    this.#name = options !== null && typeof options === 'object' ? String(options.name === undefined ? 'Error' : options.name) : String(options);
    this.#code = CODES[this.#name] || 0;
    if (options !== null && typeof options === 'object' && 'cause' in options) Object.defineProperty(this, 'cause', { value: options.cause, writable: true, configurable: true });
  }
  get name() { return this.#name; }
  get code() { return this.#code; }
}
for (const k in CODES) {
  const key = k.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/_ERROR$/, '_ERR');
  Object.defineProperty(DOMException, key, { value: CODES[k], enumerable: true });
}

const stopped = new WeakSet();
class Event {
  #type; #bubbles; #cancelable; #composed; #defaultPrevented = false; #timeStamp = Date.now();
  #target = null; #currentTarget = null; #stopProp = false;
  constructor(type, init = {}) {
    if (arguments.length === 0) throw new TypeError('The "type" argument must be specified');
    this.#type = String(type);
    this.#bubbles = Boolean(init && init.bubbles);
    this.#cancelable = Boolean(init && init.cancelable);
    this.#composed = Boolean(init && init.composed);
  }
  get type() { return this.#type; }
  get bubbles() { return this.#bubbles; }
  get cancelable() { return this.#cancelable; }
  get composed() { return this.#composed; }
  get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
  get returnValue() { return !this.defaultPrevented; }
  get timeStamp() { return this.#timeStamp; }
  get target() { return this.#target; }
  get srcElement() { return this.#target; }
  get currentTarget() { return this.#currentTarget; }
  get eventPhase() { return this.#currentTarget === null ? 0 : 2; }
  get isTrusted() { return false; }
  get cancelBubble() { return this.#stopProp; }
  set cancelBubble(v) { if (v) this.#stopProp = true; }
  composedPath() { return this.#currentTarget === null ? [] : [this.#currentTarget]; }
  preventDefault() { this.#defaultPrevented = true; }
  stopPropagation() { this.#stopProp = true; }
  stopImmediatePropagation() { this.#stopProp = true; stopped.add(this); }
  static { Event.prototype.NONE = 0; Event.prototype.AT_TARGET = 2; }
  static _setTargets(e, target, current) { e.#target = target; e.#currentTarget = current; }
}
const setTargets = Event._setTargets;
delete Event._setTargets;

class CustomEvent extends Event {
  #detail;
  constructor(type, init = {}) { super(type, init); this.#detail = init && init.detail !== undefined ? init.detail : null; }
  get detail() { return this.#detail; }
}

const listenersOf = new WeakMap();
class EventTarget {
  constructor() { listenersOf.set(this, new Map()); }
  addEventListener(type, listener, options) {
    if (listener === null || listener === undefined) return;
    const map = listenersOf.get(this);
    if (map === undefined) throw new TypeError('Illegal invocation');
    const opts = typeof options === 'object' && options !== null ? options : { capture: Boolean(options) };
    const signal = opts.signal;
    if (signal && signal.aborted) return;
    type = String(type);
    let list = map.get(type);
    if (list === undefined) map.set(type, (list = []));
    const capture = Boolean(opts.capture);
    if (list.some((l) => l.listener === listener && l.capture === capture)) return;
    const entry = { listener, capture, once: Boolean(opts.once), removed: false };
    list.push(entry);
    if (signal) signal.addEventListener('abort', () => this.removeEventListener(type, listener, { capture }), { once: true });
  }
  removeEventListener(type, listener, options) {
    const map = listenersOf.get(this);
    const list = map && map.get(String(type));
    if (!list) return;
    const capture = typeof options === 'object' && options !== null ? Boolean(options.capture) : Boolean(options);
    const i = list.findIndex((l) => l.listener === listener && l.capture === capture);
    if (i !== -1) { list[i].removed = true; list.splice(i, 1); }
  }
  dispatchEvent(event) {
    if (!(event instanceof Event)) throw new TypeError('The "event" argument must be an instance of Event');
    const map = listenersOf.get(this);
    setTargets(event, this, this);
    const list = map && map.get(event.type);
    if (list) {
      for (const l of list.slice()) {
        if (l.removed) continue;
        if (l.once) this.removeEventListener(event.type, l.listener, { capture: l.capture });
        try {
          if (typeof l.listener === 'function') l.listener.call(this, event);
          else if (l.listener && typeof l.listener.handleEvent === 'function') l.listener.handleEvent(event);
        } catch (e) { I.reportUncaught(e); }
        if (stopped.has(event)) break;
      }
    }
    setTargets(event, this, null);
    return !event.defaultPrevented;
  }
}

const signalState = new WeakMap();
const privateKey = {};
class AbortSignal extends EventTarget {
  constructor(key) {
    if (key !== privateKey) throw new TypeError('Illegal constructor');
    super();
    signalState.set(this, { aborted: false, reason: undefined, onabort: null });
  }
  get aborted() { return signalState.get(this).aborted; }
  get reason() { return signalState.get(this).reason; }
  get onabort() { return signalState.get(this).onabort; }
  set onabort(fn) {
    const s = signalState.get(this);
    if (s.onabort) this.removeEventListener('abort', s.onabort);
    s.onabort = typeof fn === 'function' ? fn : null;
    if (s.onabort) this.addEventListener('abort', s.onabort);
  }
  throwIfAborted() { const s = signalState.get(this); if (s.aborted) throw s.reason; }
  static abort(reason) { const s = new AbortSignal(privateKey); abortSignal(s, reason); return s; }
  static timeout(ms) {
    const s = new AbortSignal(privateKey);
    setTimeout(() => abortSignal(s, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
    return s;
  }
  static any(signals) {
    const s = new AbortSignal(privateKey);
    for (const x of signals) if (x.aborted) { abortSignal(s, x.reason); return s; }
    for (const x of signals) x.addEventListener('abort', () => abortSignal(s, x.reason), { once: true });
    return s;
  }
}
function abortSignal(signal, reason) {
  const s = signalState.get(signal);
  if (s.aborted) return;
  s.aborted = true;
  s.reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
  signal.dispatchEvent(new Event('abort'));
}
class AbortController {
  #signal = new AbortSignal(privateKey);
  get signal() { return this.#signal; }
  abort(reason) { abortSignal(this.#signal, reason); }
}
return { DOMException, Event, CustomEvent, EventTarget, AbortSignal, AbortController };
})`;
