/**
 * Stand-ins for Node's async-context modules, for packages that import them (undici, tracing
 * libraries): diagnostics_channel works whole; async_hooks has no async context (stubs.ts warns).
 */
/**
 * Node's diagnostics_channel, whole: named channels with subscribers, within the action (undici,
 * fastify and tracing libraries publish on them at every request and test \`hasSubscribers\` first).
 */
export const DIAGNOSTICS_CHANNEL = `var channels = new Map();
function Channel(name) { this.name = name; this._subscribers = []; this._stores = new Map(); }
Object.defineProperty(Channel.prototype, "hasSubscribers", { get: function () { return this._subscribers.length > 0 || this._stores.size > 0; } });
Channel.prototype.subscribe = function (fn) { this._subscribers = this._subscribers.concat([fn]); };
Channel.prototype.unsubscribe = function (fn) { var i = this._subscribers.indexOf(fn); if (i < 0) return false; this._subscribers = this._subscribers.slice(0, i).concat(this._subscribers.slice(i + 1)); return true; };
Channel.prototype.publish = function (message) {
  var subs = this._subscribers;
  for (var i = 0; i < subs.length; i++) {
    try { subs[i](message, this.name); } catch (e) { setTimeout(function () { throw e; }, 0); }
  }
};
Channel.prototype.bindStore = function (store, transform) { this._stores.set(store, transform); };
Channel.prototype.unbindStore = function (store) { return this._stores.delete(store); };
Channel.prototype.runStores = function (message, fn, thisArg) {
  var args = Array.prototype.slice.call(arguments, 3), self = this, run = function () { self.publish(message); return fn.apply(thisArg, args); };
  this._stores.forEach(function (transform, store) { var inner = run; run = function () { return store.run(transform ? transform(message) : message, inner); }; });
  return run();
};
function channel(name) { var c = channels.get(name); if (!c) { c = new Channel(name); channels.set(name, c); } return c; }
var TRACING_EVENTS = ["start", "end", "asyncStart", "asyncEnd", "error"];
function tracingChannel(name) {
  var t = name;
  if (typeof name === "string") { t = {}; TRACING_EVENTS.forEach(function (k) { t[k] = channel("tracing:" + name + ":" + k); }); }
  Object.defineProperty(t, "hasSubscribers", { get: function () { return TRACING_EVENTS.some(function (k) { return t[k].hasSubscribers; }); } });
  t.subscribe = function (h) { TRACING_EVENTS.forEach(function (k) { if (h[k]) t[k].subscribe(h[k]); }); };
  t.unsubscribe = function (h) { var ok = true; TRACING_EVENTS.forEach(function (k) { if (h[k]) ok = t[k].unsubscribe(h[k]) && ok; }); return ok; };
  t.traceSync = function (fn, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 3); context = context || {};
    t.start.publish(context);
    try { context.result = fn.apply(thisArg, args); return context.result; } catch (e) { context.error = e; t.error.publish(context); throw e; } finally { t.end.publish(context); }
  };
  t.tracePromise = function (fn, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 3); context = context || {};
    t.start.publish(context);
    try {
      return Promise.resolve(fn.apply(thisArg, args)).then(
        function (r) { context.result = r; t.asyncStart.publish(context); t.asyncEnd.publish(context); return r; },
        function (e) { context.error = e; t.error.publish(context); t.asyncStart.publish(context); t.asyncEnd.publish(context); throw e; });
    } catch (e) { context.error = e; t.error.publish(context); throw e; } finally { t.end.publish(context); }
  };
  t.traceCallback = function (fn, position, context, thisArg) {
    var args = Array.prototype.slice.call(arguments, 4); context = context || {};
    var at = position < 0 ? args.length + position : position, callback = args[at];
    args[at] = function (err, res) {
      if (err) { context.error = err; t.error.publish(context); } else context.result = res;
      t.asyncStart.publish(context);
      try { return callback.apply(this, arguments); } finally { t.asyncEnd.publish(context); }
    };
    return t.traceSync.apply(null, [fn, context, thisArg].concat(args));
  };
  return t;
}
module.exports = {
  channel: channel, hasSubscribers: function (name) { var c = channels.get(name); return !!c && c.hasSubscribers; },
  subscribe: function (name, fn) { channel(name).subscribe(fn); }, unsubscribe: function (name, fn) { return channel(name).unsubscribe(fn); },
  tracingChannel: tracingChannel, Channel: Channel
};
`;

/**
 * async_hooks without the engine's async context: \`AsyncResource\` runs functions as Node's does, and
 * \`AsyncLocalStorage\` holds its store while the function given to \`run()\` runs synchronously
 * (not after an \`await\` inside it; the build's warning says so). Hooks never fire.
 */
export const ASYNC_HOOKS = `function AsyncResource(type) { this.type = type; }
AsyncResource.prototype.runInAsyncScope = function (fn, thisArg) { return fn.apply(thisArg, Array.prototype.slice.call(arguments, 2)); };
AsyncResource.prototype.bind = function (fn, thisArg) { var self = this; return function () { return self.runInAsyncScope.apply(self, [fn, thisArg === undefined ? this : thisArg].concat(Array.prototype.slice.call(arguments))); }; };
AsyncResource.prototype.emitDestroy = function () { return this; };
AsyncResource.prototype.asyncId = function () { return 1; };
AsyncResource.prototype.triggerAsyncId = function () { return 0; };
AsyncResource.bind = function (fn, type, thisArg) { return new AsyncResource(type || "bound-anonymous-fn").bind(fn, thisArg); };
function AsyncLocalStorage() { this._enabled = false; this._store = undefined; }
AsyncLocalStorage.prototype.getStore = function () { return this._enabled ? this._store : undefined; };
AsyncLocalStorage.prototype.run = function (store, fn) {
  var args = Array.prototype.slice.call(arguments, 2), prev = this._store, wasEnabled = this._enabled;
  this._enabled = true; this._store = store;
  try { return fn.apply(undefined, args); } finally { this._store = prev; this._enabled = wasEnabled; }
};
AsyncLocalStorage.prototype.exit = function (fn) {
  var args = Array.prototype.slice.call(arguments, 1), prev = this._enabled;
  this._enabled = false;
  try { return fn.apply(undefined, args); } finally { this._enabled = prev; }
};
AsyncLocalStorage.prototype.enterWith = function (store) { this._enabled = true; this._store = store; };
AsyncLocalStorage.prototype.disable = function () { this._enabled = false; this._store = undefined; };
AsyncLocalStorage.bind = function (fn) { return fn; };
AsyncLocalStorage.snapshot = function () { return function (fn) { return fn.apply(undefined, Array.prototype.slice.call(arguments, 1)); }; };
function createHook() { return { enable: function () { return this; }, disable: function () { return this; } }; }
module.exports = {
  AsyncResource: AsyncResource, AsyncLocalStorage: AsyncLocalStorage, createHook: createHook,
  executionAsyncId: function () { return 1; }, triggerAsyncId: function () { return 0; }, executionAsyncResource: function () { return {}; },
  asyncWrapProviders: {}
};
`;
