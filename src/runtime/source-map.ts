import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

/**
 * Maps QuickJS stack frames in a bundle (`at fn (bundle.js:1:234)`) back to the user's files
 * through the bundle's stored source map, so errors point at `actions/x/index.ts:12:5`.
 */
export function mapStack(stack: string, bundleFile: string, sourceMapJson: string | undefined): string {
  if (!sourceMapJson) return stack;
  let map: TraceMap;
  try {
    map = new TraceMap(sourceMapJson);
  } catch {
    return stack;
  }
  const escaped = bundleFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`${escaped}:(\\d+)(?::(\\d+))?`, 'g');
  return stack.replace(frame, (whole, line: string, column: string | undefined) => {
    const pos = originalPositionFor(map, { line: Number(line), column: Math.max(0, Number(column ?? 1) - 1) });
    if (pos.source === null || pos.line === null) return whole;
    return `${pos.source}:${pos.line}:${(pos.column ?? 0) + 1}`;
  });
}
