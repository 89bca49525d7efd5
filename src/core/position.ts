/**
 * Offsets and 1-based line/column positions. TypeScript reports 0-based lines and characters,
 * jsonc-parser reports offsets and esbuild 1-based lines with 0-based columns; everything converts
 * to the 1-based form of {@link Diagnostic} through these helpers.
 */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Precomputed line starts of a text, for repeated offset → position lookups. */
export class LineIndex {
  readonly #starts: number[];

  readonly text: string;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
    this.#starts = starts;
  }

  /** 1-based position of a 0-based character offset. */
  positionAt(offset: number): Position {
    const starts = this.#starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.#starts[line - 1];
    if (start === undefined) return '';
    const next = this.#starts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}
