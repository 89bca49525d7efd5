export { createDiagnostic, hasErrors, sortDiagnostics, uniqueDiagnostics } from './diagnostics.ts';
export type { Diagnostic, Severity } from './diagnostics.ts';
export { LineIndex } from './position.ts';
export type { Position } from './position.ts';
export { ExitCode, UsageError, InternalError, IntegrityError } from './errors.ts';
export { parseCommitSha, parseDigest, digestOf, digestHex } from './ids.ts';
export type { CommitSha, Digest } from './ids.ts';
export { canonicalJson } from './canonical-json.ts';
export { closestMatch } from './suggest.ts';
