import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * One temp directory for the whole run: TMPDIR points into it, so every temp dir the tests, their
 * workers and the processes they spawn (the CLI, git, npm) create lands there, and the run removes
 * it at the end. Directories kept for a whole test file (`beforeAll` fixtures) used to be removed in
 * a process 'exit' handler that vitest's workers never run, and each run left dozens behind.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'actuate-tests-'));
  process.env['TMPDIR'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
