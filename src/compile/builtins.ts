import { SANDBOX_BUILTINS, builtinName, unsupportedBuiltinHint } from './bundle/builtins.ts';
import type { ImportRules } from './typecheck/index.ts';

export { SANDBOX_BUILTINS };

/** The import rules of the sandbox, shared by the type-checker and the bundler (one list of built-ins). */
export const SANDBOX_IMPORT_RULES: ImportRules = {
  supportedBuiltins: SANDBOX_BUILTINS,
  builtinName,
  unsupportedHint: unsupportedBuiltinHint,
};
