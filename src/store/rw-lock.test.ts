import { describe, expect, it } from 'vitest';
import { createRwLock } from './rw-lock.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createRwLock', () => {
  it('runs shared holders together and an exclusive holder alone, in arrival order', async () => {
    const lock = createRwLock();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const hold = (name: string, exclusive: boolean, wait?: Promise<void>) =>
      (exclusive ? lock.exclusive : lock.shared)(async () => {
        log.push(`start ${name}`);
        await (wait ?? tick());
        log.push(`end ${name}`);
      });
    const gate = new Promise<void>((resolve) => (release = resolve));
    const all = [hold('r1', false, gate), hold('r2', false), hold('w', true), hold('r3', false)];
    await tick();
    await tick();
    expect(log).toEqual(['start r1', 'start r2', 'end r2']); // the writer waits for r1; r3 queues behind the writer
    release();
    await Promise.all(all);
    expect(log).toEqual(['start r1', 'start r2', 'end r2', 'end r1', 'start w', 'end w', 'start r3', 'end r3']);
  });

  it('passes results and errors through and keeps working after a failure', async () => {
    const lock = createRwLock();
    await expect(lock.exclusive(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await lock.shared(async () => 42)).toBe(42);
    expect(await lock.exclusive(async () => 'ok')).toBe('ok');
  });
});
