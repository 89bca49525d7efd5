/**
 * A fair readers–writer lock for one process. The git branch store needs it because its work tree
 * is shared between store operations (many at once are fine, as in the fs store) and git commands
 * that rewrite the tree (fetch-and-reset, commit-and-push), which must run alone.
 */
export interface RwLock {
  /** Runs `fn` alongside other shared holders, after any exclusive holder queued before it. */
  shared<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs `fn` alone. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

interface Waiter {
  readonly exclusive: boolean;
  readonly start: () => void;
}

/** Creates an {@link RwLock}. Waiters are served in arrival order, so writers are never starved. */
export function createRwLock(): RwLock {
  let readers = 0;
  let writer = false;
  const queue: Waiter[] = [];

  function pump(): void {
    while (queue.length > 0 && !writer) {
      const next = queue[0]!;
      if (next.exclusive && readers > 0) return;
      queue.shift();
      if (next.exclusive) writer = true;
      else readers++;
      next.start();
      if (next.exclusive) return;
    }
  }

  function run<T>(exclusive: boolean, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({
        exclusive,
        start: () => {
          fn().then(resolve, reject).finally(() => {
            if (exclusive) writer = false;
            else readers--;
            pump();
          });
        },
      });
      pump();
    });
  }

  return { shared: (fn) => run(false, fn), exclusive: (fn) => run(true, fn) };
}
