/**
 * Reads the block-style YAML subset that action.yml and the example workflow use (nested maps,
 * lists of maps or scalars, plain and quoted scalars, comments, flow lists like `[main]`), so tests
 * can run them the way GitHub would without a YAML dependency. Anything outside the subset throws,
 * so a workflow edited beyond it fails loudly rather than being misread.
 */
export type Yaml = string | Yaml[] | { [key: string]: Yaml };

interface Line {
  readonly indent: number;
  readonly text: string;
  readonly n: number;
}

export function parseYaml(source: string): Yaml {
  const lines: Line[] = [];
  source.split('\n').forEach((raw, i) => {
    const text = stripComment(raw).trimEnd();
    if (text.trim() === '' || text.trim() === '---') return;
    lines.push({ indent: text.length - text.trimStart().length, text: text.trim(), n: i + 1 });
  });
  let pos = 0;

  function block(indent: number): Yaml {
    const first = lines[pos];
    if (!first || first.indent < indent) return '';
    return first.text.startsWith('- ') || first.text === '-' ? list(first.indent) : map(first.indent);
  }

  function map(indent: number): { [key: string]: Yaml } {
    const out: { [key: string]: Yaml } = {};
    while (pos < lines.length && lines[pos]!.indent === indent && !lines[pos]!.text.startsWith('- ')) {
      const line = lines[pos++]!;
      const [key, rest] = splitKey(line);
      out[key] = rest === '' ? block(indent + 1) : scalar(rest, line);
    }
    return out;
  }

  function list(indent: number): Yaml[] {
    const out: Yaml[] = [];
    while (pos < lines.length && lines[pos]!.indent === indent && lines[pos]!.text.startsWith('-')) {
      const line = lines[pos]!;
      const rest = line.text.slice(1).trim();
      if (rest === '') {
        pos++;
        out.push(block(indent + 1));
      } else if (/^[\w.-]+:(\s|$)/.test(rest)) {
        // "- key: value" starts a map whose keys sit two columns further in.
        lines[pos] = { indent: indent + 2, text: rest, n: line.n };
        out.push(map(indent + 2));
      } else {
        pos++;
        out.push(scalar(rest, line));
      }
    }
    return out;
  }

  const result = block(0);
  if (pos < lines.length) throw new Error(`mini-yaml: unexpected indentation at line ${lines[pos]!.n}: ${lines[pos]!.text}`);
  return result;
}

function splitKey(line: Line): [string, string] {
  const m = /^([\w./-]+|"[^"]*"|'[^']*'):(?:\s+(.*))?$/.exec(line.text);
  if (!m) throw new Error(`mini-yaml: expected "key: value" at line ${line.n}: ${line.text}`);
  return [m[1]!.replace(/^["']|["']$/g, ''), m[2] ?? ''];
}

function scalar(text: string, line: Line): Yaml {
  if (text === '|' || text === '>' || text.startsWith('&') || text.startsWith('*')) throw new Error(`mini-yaml: unsupported syntax at line ${line.n}`);
  if (text.startsWith('[') && text.endsWith(']')) return text.slice(1, -1).split(',').map((s) => unquote(s.trim())).filter((s) => s !== '');
  return unquote(text);
}

function unquote(text: string): string {
  if (text.length >= 2 && ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))) return text.slice(1, -1);
  return text;
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[,-]/.test(line[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) {
      return line.slice(0, i);
    }
  }
  return line;
}
