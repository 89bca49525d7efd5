/**
 * `--json` output: exactly one versioned envelope per command on stdout, so scripts can rely on its
 * shape (`version` changes only on breaking changes).
 */
export function jsonEnvelope(type: string, body: Record<string, unknown>): string {
  return JSON.stringify({ version: 1, type, ...body }, null, 2) + '\n';
}
