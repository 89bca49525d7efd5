/**
 * Text insertions into a user's file (type annotations the user did not write), and the mapping of
 * positions in the edited text back to the original, so diagnostics point at what the user sees.
 */
export interface Insertion {
  /** Offset in the original text where the inserted text goes. */
  readonly offset: number;
  readonly text: string;
}

export class EditedSource {
  readonly text: string;
  readonly #edits: readonly Insertion[];

  readonly original: string;

  constructor(original: string, insertions: readonly Insertion[]) {
    this.original = original;
    this.#edits = [...insertions].sort((a, b) => a.offset - b.offset);
    let out = '';
    let last = 0;
    for (const e of this.#edits) {
      out += original.slice(last, e.offset) + e.text;
      last = e.offset;
    }
    this.text = out + original.slice(last);
  }

  /** Maps an offset in the edited text to the original text (inside an insertion: its anchor). */
  toOriginal(offset: number): number {
    let shift = 0;
    for (const e of this.#edits) {
      const start = e.offset + shift;
      if (offset < start) break;
      if (offset < start + e.text.length) return e.offset;
      shift += e.text.length;
    }
    return offset - shift;
  }

  /** Maps an original offset into the edited text. */
  toEdited(offset: number): number {
    let shift = 0;
    for (const e of this.#edits) {
      if (e.offset > offset) break;
      shift += e.text.length;
    }
    return offset + shift;
  }
}
