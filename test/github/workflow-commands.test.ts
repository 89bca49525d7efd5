import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/index.ts';
import { branchOf, pullRequestOf, readRunContext } from '../../src/github/context.ts';
import { getInput, readInputs } from '../../src/github/inputs.ts';
import { createWorkflowIO } from '../../src/github/workflow-commands.ts';
import { parseOutputs } from './run-action.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const workDir = () => tempDir('actuate-wf-');

describe('workflow commands', () => {
  it('writes outputs as heredocs the runner reads, multi-line values included', () => {
    const dir = workDir();
    const file = path.join(dir, 'out');
    writeFileSync(file, '');
    const io = createWorkflowIO({ GITHUB_OUTPUT: file }, () => undefined);
    io.setOutput('manifest', 'sha256:abc');
    io.setOutput('notes', 'line one\nline two');
    expect(parseOutputs(readFileSync(file, 'utf8'))).toEqual({ manifest: 'sha256:abc', notes: 'line one\nline two' });
    expect(readFileSync(file, 'utf8')).toMatch(/^manifest<<ghadelimiter_[0-9a-f-]{36}\nsha256:abc\nghadelimiter_[0-9a-f-]{36}\n/);
  });

  it('escapes annotation properties and messages as the runner decodes them', () => {
    const lines: string[] = [];
    const io = createWorkflowIO({}, (t) => lines.push(t));
    io.annotate('error', '100% broken\nsecond line', { title: 'E_X: a, b', file: 'dir/a,b.ts', line: 3, col: 5 });
    io.mask('s3cr3t');
    expect(lines).toEqual(['::error title=E_X%3A a%2C b,file=dir/a%2Cb.ts,line=3,col=5::100%25 broken%0Asecond line\n', '::add-mask::s3cr3t\n']);
  });

  it('appends to the job summary, and logs outputs and summary when run outside Actions', () => {
    const dir = workDir();
    const file = path.join(dir, 'summary.md');
    createWorkflowIO({ GITHUB_STEP_SUMMARY: file }, () => undefined).appendSummary('# one');
    createWorkflowIO({ GITHUB_STEP_SUMMARY: file }, () => undefined).appendSummary('# two\n');
    expect(readFileSync(file, 'utf8')).toBe('# one\n# two\n');
    const lines: string[] = [];
    const local = createWorkflowIO({}, (t) => lines.push(t));
    local.setOutput('commit', 'abc');
    local.appendSummary('plan');
    expect(lines).toEqual(['output commit=abc\n', 'plan\n']);
  });
});

describe('inputs and context', () => {
  it('reads inputs the way the runner passes them, and refuses bad values with the fix', () => {
    expect(getInput({ 'INPUT_REF-NAME': ' release/eu ' }, 'ref-name')).toBe('release/eu');
    expect(getInput({ INPUT_STORE: '' }, 'store')).toBeUndefined();
    expect(readInputs({ INPUT_MODE: 'publish', INPUT_COMMENT: 'false' })).toMatchObject({ mode: 'publish', directory: '.', comment: false, checkName: 'Actuate plan' });
    expect(() => readInputs({})).toThrow(/the input "mode" is required/);
    expect(() => readInputs({ INPUT_MODE: 'apply' })).toThrow(/the input "mode" is "apply"/);
    expect(() => readInputs({ INPUT_MODE: 'plan', INPUT_COMMENT: 'yes' })).toThrow(/the input "comment" is "yes"/);
  });

  it('reads the run context and the pull request from the event payload', () => {
    const dir = workDir();
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ number: 9, pull_request: { number: 9, base: { sha: 'a'.repeat(40), ref: 'main' }, head: { sha: 'b'.repeat(40) } } }));
    const env = { GITHUB_REPOSITORY: 'acme/x', GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: 'pull_request', GITHUB_SHA: 'c'.repeat(40), GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '2' };
    const ctx = readRunContext(env, dir);
    expect(ctx).toMatchObject({ owner: 'acme', repo: 'x', apiUrl: 'https://api.github.com', runUrl: 'https://github.com/acme/x/actions/runs/7/attempts/2', workspace: dir });
    expect(pullRequestOf(ctx)).toEqual({ number: 9, baseSha: 'a'.repeat(40), headSha: 'b'.repeat(40), baseRef: 'main' });
    expect(() => readRunContext({ ...env, GITHUB_REPOSITORY: '' }, dir)).toThrow(/GITHUB_REPOSITORY is not set/);
    const missing = (() => {
      try {
        readRunContext({ ...env, GITHUB_EVENT_PATH: path.join(dir, 'nope.json') }, dir);
      } catch (e) {
        return e;
      }
    })();
    expect(missing).toBeInstanceOf(UsageError);
    expect(branchOf('refs/heads/release/eu')).toBe('release/eu');
    expect(branchOf('refs/tags/v1')).toBeUndefined();
  });
});
