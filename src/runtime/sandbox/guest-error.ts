import type { FailureKind, GuestError } from './types.ts';

/** Longest error message kept; a guest can throw a megabyte of text. */
const MAX_MESSAGE_CHARS = 4_096;
/** Stack frames kept; a stack overflow produces thousands of identical ones. */
const MAX_FRAMES = 50;

/**
 * Normalises what the guest reported (`errorInfo` in the prelude: name, message and QuickJS's
 * frame list) into a {@link GuestError} whose `stack` reads like Node's: a `Name: message` line,
 * then at most {@link MAX_FRAMES} frames. Later work source-maps the frames.
 */
export function toGuestError(raw: { name?: unknown; message?: unknown; stack?: unknown }): GuestError {
  const name = typeof raw.name === 'string' && raw.name !== '' ? raw.name.slice(0, 200) : 'Error';
  let message = typeof raw.message === 'string' ? raw.message : '';
  if (message.length > MAX_MESSAGE_CHARS) message = `${message.slice(0, MAX_MESSAGE_CHARS)}… [${message.length - MAX_MESSAGE_CHARS} more characters]`;
  const frames = (typeof raw.stack === 'string' ? raw.stack : '').split('\n').filter((l) => /^\s+at /.test(l) && !l.includes('actuate:prelude.js'));
  // The prelude calls the handler through Function.prototype.call/apply: drop those trailing frames.
  while (frames.length > 0 && /^\s+at (call|apply) \(native\)$/.test(frames[frames.length - 1] ?? '')) frames.pop();
  const kept = frames.length > MAX_FRAMES ? [...frames.slice(0, MAX_FRAMES), `    ... ${frames.length - MAX_FRAMES} more frames`] : frames;
  return { name, message, stack: [`${name}${message === '' ? '' : `: ${message}`}`, ...kept].join('\n') };
}

/** A host-made error (budgets, bad input), with the frames of the guest error it replaces if any. */
export function hostError(name: string, message: string, frames?: GuestError): GuestError {
  return toGuestError({ name, message, stack: frames?.stack ?? '' });
}

/** Maps QuickJS's own InternalErrors to failure kinds; anything else the action threw is `error`. */
export function classifyGuestError(e: GuestError): FailureKind {
  if (e.name === 'InternalError') {
    if (e.message === 'out of memory') return 'memory';
    if (e.message === 'stack overflow') return 'stack';
    if (e.message === 'interrupted') return 'timeout';
  }
  return 'error';
}

/**
 * The failure reported when a host exception escaped QuickJS (the module is poisoned by then). The
 * one common cause is guest recursion overflowing the host's stack because the QuickJS stack limit
 * is set too high for the thread (runtime.md §2), which is reported as `stack`.
 */
export function crashError(e: unknown): { kind: FailureKind; error: GuestError } {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (e instanceof RangeError && /call stack size/i.test(e.message)) {
    return { kind: 'stack', error: hostError('RangeError', `the action overflowed the host stack (${message}); lower the stack limit`) };
  }
  return { kind: 'crash', error: hostError('Error', `the QuickJS sandbox crashed: ${message}`) };
}
