/**
 * The sandbox's local time is UTC, whatever the host's time zone. QuickJS asks Emscripten's
 * `localtime` and `tzset` imports, which read the host's `Date`: on a daemon host set to
 * Asia/Tokyo an action's `new Date().getHours()` was Tokyo's hour, while Auth0 (and the sandbox's
 * `Intl`, host-intl.ts) run in UTC. Each import that reads a time-zone offset runs with a `Date`
 * whose local fields are its UTC ones.
 *
 * The imports are found by what they read (`getTimezoneOffset` in their source), not by their
 * minified names, so a rebuilt QuickJS keeps working; guest-intl.test.ts checks the result.
 */

/** A `Date` whose local time is UTC: what the wrapped imports see while they run. */
class UtcDate extends Date {
  constructor(...args: unknown[]) {
    if (args.length >= 2) super(Date.UTC(...(args as Parameters<typeof Date.UTC>)));
    else super(...(args as []));
  }
  override getTimezoneOffset(): number {
    return 0;
  }
}
// Each local getter answers what its UTC twin does.
for (const field of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'] as const) {
  const utc = Date.prototype[`getUTC${field}`];
  Object.defineProperty(UtcDate.prototype, `get${field}`, { value: function (this: Date) { return utc.call(this); }, writable: true, configurable: true });
}

type Imports = Record<string, Record<string, unknown>>;

/**
 * Wraps, in place, every import function that reads the host's time-zone offset so it runs with
 * {@link UtcDate} as the global `Date`. Returns how many were wrapped (0 means this build reads
 * time zones some other way).
 */
export function pinLocalTimeToUtc(imports: Imports): number {
  let wrapped = 0;
  for (const ns of Object.values(imports)) {
    for (const [name, f] of Object.entries(ns)) {
      if (typeof f !== 'function' || !Function.prototype.toString.call(f).includes('getTimezoneOffset')) continue;
      ns[name] = function (this: unknown, ...args: unknown[]) {
        const g = globalThis as { Date: DateConstructor };
        const saved = g.Date;
        g.Date = UtcDate as unknown as DateConstructor;
        try {
          return (f as (...a: unknown[]) => unknown).apply(this, args);
        } finally {
          g.Date = saved;
        }
      };
      wrapped++;
    }
  }
  return wrapped;
}
