import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * The runner side of GitHub Actions, implemented here instead of depending on @actions/core: the
 * protocol is four documented formats (outputs and the job summary are files named by
 * `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY`; annotations, masks and groups are `::command::` lines on
 * stdout), @actions/core would add an HTTP client and OIDC code the Action never uses to what must
 * be installed at run time, and owning the formats lets the tests check them byte for byte.
 * See docs.github.com "Workflow commands for GitHub Actions".
 */
export interface WorkflowIO {
  /** Sets a step output (`steps.<id>.outputs.<name>`). */
  setOutput(name: string, value: string): void;
  /** Appends Markdown to the job summary. */
  appendSummary(markdown: string): void;
  /** An annotation on the run (and on the file and line, when given). */
  annotate(level: 'error' | 'warning' | 'notice', message: string, where?: AnnotationPlace): void;
  /** Hides a secret value in every later log line. */
  mask(value: string): void;
  /** Plain log lines. */
  info(message: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** Where a workflow-command annotation points. Lines and columns are 1-based. */
export interface AnnotationPlace {
  readonly title?: string | undefined;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly endLine?: number | undefined;
  readonly col?: number | undefined;
  readonly endColumn?: number | undefined;
}

/**
 * The protocol over an environment and a stdout. Without `GITHUB_OUTPUT` or `GITHUB_STEP_SUMMARY`
 * (a local run) outputs and the summary go to the log instead, so nothing is lost.
 */
export function createWorkflowIO(env: NodeJS.ProcessEnv, write: (text: string) => void): WorkflowIO {
  const command = (name: string, props: Record<string, string | number | undefined>, message: string): void => {
    const list = Object.entries(props)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
      .join(',');
    write(`::${name}${list ? ` ${list}` : ''}::${escapeData(message)}\n`);
  };
  return {
    setOutput(name, value) {
      const file = env['GITHUB_OUTPUT'];
      if (!file) return void write(`output ${name}=${value}\n`);
      const delimiter = `ghadelimiter_${randomUUID()}`;
      appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
    },
    appendSummary(markdown) {
      const file = env['GITHUB_STEP_SUMMARY'];
      if (!file) return void write(`${markdown}\n`);
      appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
    },
    annotate(level, message, where = {}) {
      command(level, { title: where.title, file: where.file, line: where.line, endLine: where.endLine, col: where.col, endColumn: where.endColumn }, message);
    },
    mask(value) {
      if (value !== '') write(`::add-mask::${escapeData(value)}\n`);
    },
    info(message) {
      write(`${message}\n`);
    },
    async group(title, fn) {
      write(`::group::${escapeData(title)}\n`);
      try {
        return await fn();
      } finally {
        write('::endgroup::\n');
      }
    },
  };
}

/** Escaping of a command's message, as the runner decodes it. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's `key=value` properties, which also may not contain `:` or `,`. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
