/**
 * The JSON text each action of a flow receives as its event.
 *
 * Parsing JSON inside QuickJS costs about 18 µs per KB on this machine, and an Auth0 event is 3–6 KB,
 * so the event is the largest part of a warm invocation. The compiler records which top-level
 * properties an action's handlers read (`eventReads` in the manifest, found conservatively; absent
 * when it could not tell), and such an action receives only those sections. Sections are serialised
 * once per version of the flow's event and shared by every action that reads them.
 */
export class EventJson {
  readonly #event: Readonly<Record<string, unknown>>;
  #full: string | undefined;
  readonly #sections = new Map<string, string | undefined>();

  constructor(event: Readonly<Record<string, unknown>>) {
    this.#event = event;
  }

  /**
   * The event an action receives, with its own `secrets` (JSON text) added: the whole event, or
   * only `reads` (the sections its handlers read) when the build found them.
   */
  forAction(reads: readonly string[] | undefined, secretsJson: string): string {
    const body = reads === undefined ? this.#wholeBody() : this.#partialBody(reads);
    return body === '' ? `{"secrets":${secretsJson}}` : `{${body},"secrets":${secretsJson}}`;
  }

  /** The whole event's JSON without its braces ('' when it has no properties). */
  #wholeBody(): string {
    this.#full ??= JSON.stringify(this.#event).slice(1, -1);
    return this.#full;
  }

  #partialBody(reads: readonly string[]): string {
    let body = '';
    for (const key of reads) {
      if (key === 'secrets') continue;
      const value = this.#section(key);
      if (value === undefined) continue;
      body += `${body === '' ? '' : ','}${JSON.stringify(key)}:${value}`;
    }
    return body;
  }

  #section(key: string): string | undefined {
    if (this.#sections.has(key)) return this.#sections.get(key);
    const value = Object.hasOwn(this.#event, key) ? (JSON.stringify(this.#event[key]) as string | undefined) : undefined;
    this.#sections.set(key, value);
    return value;
  }
}
