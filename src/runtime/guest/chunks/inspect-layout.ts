/**
 * Guest chunk `inspectlayout`: how Node 20's `util.inspect` lays the entries of one object out on
 * lines (chunk `inspect` formats the entries). An object goes on one line when it fits in
 * `breakLength` and holds at most `compact` inner levels; an array of more than 6 short entries
 * is grouped in aligned columns (numbers right-aligned); otherwise one entry per line.
 */
export const INSPECT_LAYOUT_CHUNK = String.raw`(function (I) {
'use strict';
function groupArrayElements(ctx, output, value) {
  let total = 0, maxLength = 0, outputLength = output.length;
  if (output.length > ctx.maxArrayLength) outputLength--; // the "... more items" entry (Node's test, extra keys included)
  const sep = 2, lengths = [];
  for (let i = 0; i < outputLength; i++) {
    const len = output[i].length;
    lengths.push(len);
    total += len + sep;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + sep;
  if (actualMax * 3 + ctx.indent < ctx.breakLength && (total / actualMax > 5 || maxLength <= 6)) {
    const averageBias = Math.sqrt(actualMax - total / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax), Math.floor((ctx.breakLength - ctx.indent) / actualMax), ctx.compact * 4, 15);
    if (columns <= 1) return output;
    const widths = [], grouped = [];
    for (let i = 0; i < columns; i++) {
      let w = 0;
      for (let j = i; j < output.length; j += columns) if (lengths[j] > w) w = lengths[j];
      widths.push(w + sep);
    }
    let padStart = value !== undefined;
    if (padStart) for (let i = 0; i < output.length; i++) if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') { padStart = false; break; }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let line = '', j = i;
      for (; j < max - 1; j++) line += padStart ? (output[j] + ', ').padStart(widths[j - i]) : (output[j] + ', ').padEnd(widths[j - i]);
      line += padStart ? output[j].padStart(widths[j - i] - sep) : output[j];
      grouped.push(line);
    }
    if (outputLength < output.length) grouped.push(output[outputLength]);
    return grouped;
  }
  return output;
}
function reduceToSingleString(ctx, output, base, braces, array, depth, value) {
  if (ctx.compact === true) {
    // Node's compact mode: one line when it fits, else every entry lined up after the brace.
    if (fitsOnLine(ctx, output, 0, base)) return braces[0] + (base ? ' ' + base : '') + ' ' + output.join(', ') + ' ' + braces[1];
    const pad = ' '.repeat(ctx.indent);
    const ln = base === '' && braces[0].length === 1 ? ' ' : (base ? ' ' + base : '') + '\n' + pad + '  ';
    return braces[0] + ln + output.join(',\n' + pad + '  ') + ' ' + braces[1];
  }
  if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
    const entries = output.length;
    if (array && entries > 6) output = groupArrayElements(ctx, output, value);
    if (ctx.currentDepth - depth < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indent + braces[0].length + base.length + 10;
      if (fitsOnLine(ctx, output, start, base)) {
        const joined = output.join(', ');
        if (joined.indexOf('\n') === -1) return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
      }
    }
  }
  const indentation = '\n' + ' '.repeat(ctx.indent);
  return (base ? base + ' ' : '') + braces[0] + indentation + '  ' + output.join(',' + indentation + '  ') + indentation + braces[1];
}
function fitsOnLine(ctx, output, start, base) {
  let total = output.length + start;
  if (total + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    total += output[i].length;
    if (total > ctx.breakLength) return false;
  }
  return base === '' || base.indexOf('\n') === -1;
}
return { reduceToSingleString };
})`;
