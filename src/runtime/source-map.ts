import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

/**
 * Maps QuickJS stack frames in a bundle (`at fn (bundle.js:1:234)`) back to the user's files
 * through the bundle's stored source map, so errors point at `actions/x/index.ts:12:5`. It maps any
 * text an action produces (its errors, and console lines that print an error's stack), with the
 * source map parsed once, on the first text that names the bundle: text without a frame costs one
 * substring search.
 */
export function createStackMapper(bundleFile: string, sourceMapJson: string | undefined): (text: string) => string {
  if (!sourceMapJson) return (text) => text;
  const escaped = bundleFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`${escaped}:(\\d+)(?::(\\d+))?`, 'g');
  let map: TraceMap | null | undefined;
  return (text) => {
    if (!text.includes(bundleFile)) return text;
    if (map === undefined) {
      try {
        map = new TraceMap(sourceMapJson);
      } catch {
        map = null;
      }
    }
    const m = map;
    if (m === null) return text;
    return text.replace(frame, (whole, line: string, column: string | undefined) => {
      const pos = originalPositionFor(m, { line: Number(line), column: Math.max(0, Number(column ?? 1) - 1) });
      if (pos.source === null || pos.line === null) return whole;
      return `${pos.source}:${pos.line}:${(pos.column ?? 0) + 1}`;
    });
  };
}
