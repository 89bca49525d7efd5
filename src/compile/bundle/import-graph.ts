/**
 * The import edges seen while bundling, kept so an error deep inside a dependency can be reported
 * as the chain of modules that led to it (`actions/a/index.js -> node_modules/got/dist/index.js ->
 * http`): the person reading it needs to know which of *their* imports pulled it in.
 */
export interface ImportEdge {
  readonly to: string;
  /** The specifier as written in the importing file. */
  readonly specifier: string;
}

/** Import edges between display names (repo paths, `node_modules/...`, built-in names). */
export class ImportGraph {
  readonly #edges = new Map<string, Map<string, ImportEdge>>();

  /** Records that `from` imports `to` through `specifier` (first specifier wins per pair). */
  add(from: string, to: string, specifier: string): void {
    let out = this.#edges.get(from);
    if (!out) this.#edges.set(from, (out = new Map()));
    if (!out.has(to)) out.set(to, { to, specifier });
  }

  /**
   * The shortest chain of modules from `start` to `target`, both included; ties are broken by name
   * so the same build always reports the same chain. Undefined when `target` is not reachable.
   */
  chain(start: string, target: string): string[] | undefined {
    const parent = new Map<string, string>([[start, start]]);
    let frontier = [start];
    while (frontier.length > 0 && !parent.has(target)) {
      const next: string[] = [];
      for (const node of frontier) {
        const out = this.#edges.get(node);
        if (!out) continue;
        for (const to of [...out.keys()].sort()) {
          if (parent.has(to)) continue;
          parent.set(to, node);
          next.push(to);
        }
      }
      frontier = next.sort();
    }
    if (!parent.has(target)) return undefined;
    const chain = [target];
    for (let node = target; node !== start; ) {
      node = parent.get(node)!;
      chain.push(node);
    }
    return chain.reverse();
  }

  /** The specifier `from` used to import `to`, if that edge was seen. */
  specifier(from: string, to: string): string | undefined {
    return this.#edges.get(from)?.get(to)?.specifier;
  }
}
