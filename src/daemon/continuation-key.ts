import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/index.ts';

/**
 * The key that seals continuation states, kept in `<data>/continuation.key` (32 random bytes,
 * base64, mode 0600) and created on first start. Restarts keep it, so a user redirected before a
 * restart can still come back; replicas that must resume each other's flows share the file or set
 * ACTUATE_CONTINUATION_SECRET instead (the CLI reads it).
 * @throws UsageError when the file exists but holds less than 16 bytes of key.
 */
export async function loadContinuationKey(dataDir: string): Promise<Uint8Array> {
  const file = path.join(dataDir, 'continuation.key');
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  if (text !== undefined) {
    const key = Buffer.from(text.trim(), 'base64');
    if (key.length < 16) throw new UsageError(`${file} does not hold a key (expected 32 random bytes, base64)`, 'delete it to have a new one generated (users in the middle of a redirect must then start again)');
    return key;
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
    if (e.code === 'EEXIST') return; // written by a concurrent start: read it below
    throw e;
  });
  await chmod(file, 0o600);
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
}
