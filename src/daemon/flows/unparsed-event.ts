const UNPARSED: unique symbol = Symbol('actuate.unparsedEvent');

/**
 * A flow request's body the HTTP layer kept as text instead of parsing it on the daemon's main
 * thread: an executor that parses events itself (the worker pool) gets the text as it came, and the
 * 3 KB parse of a typical login event (about 20 µs, and the garbage it makes) leaves the thread
 * every request passes through. `parse()` is the HTTP layer's own parse, with its errors: whoever
 * needs the value, or must tell a malformed body from an invalid event, calls it.
 */
export interface UnparsedEvent {
  readonly [UNPARSED]: true;
  /** The body as received. */
  readonly text: string;
  /** The event, parsed as the HTTP layer parses bodies; throws the error the request is answered with (a 400). */
  parse(): unknown;
}

export function unparsedEvent(text: string, parse: () => unknown): UnparsedEvent {
  return { [UNPARSED]: true, text, parse };
}

export function isUnparsedEvent(value: unknown): value is UnparsedEvent {
  return typeof value === 'object' && value !== null && (value as Partial<UnparsedEvent>)[UNPARSED] === true;
}
