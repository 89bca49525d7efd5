import type { FlowResult } from './types.ts';

const JSON_TEXT = Symbol('actuate.flowResultJson');

/**
 * Parses a flow result received as JSON text (from a worker thread) and keeps the text with it, so
 * a caller that answers with the result (the daemon) sends that text rather than serialising the
 * object again. The text is a non-enumerable property: copies and serialisations never carry it.
 */
export function parseFlowResult(text: string): FlowResult {
  const result = JSON.parse(text) as FlowResult;
  Object.defineProperty(result, JSON_TEXT, { value: text });
  return result;
}

/** The JSON text `result` was parsed from, when it came from {@link parseFlowResult}; else undefined. */
export function flowResultJson(result: FlowResult): string | undefined {
  return (result as FlowResult & { [JSON_TEXT]?: string })[JSON_TEXT];
}
