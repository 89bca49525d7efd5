export { bundleAction, BUNDLE_GLOBAL, DEFAULT_WARN_BYTES } from './bundle-action.ts';
export { bundlerFingerprint } from './fingerprint.ts';
export { installDependencies, isExactVersion } from './install-dependencies.ts';
export type { InstallOptions, InstallResult } from './install-dependencies.ts';
export { SANDBOX_BUILTINS, UNSUPPORTED_BUILTINS, builtinName, unsupportedBuiltinHint } from './builtins.ts';
export type { BundleInput, BundleResult, InstalledDependencies, ResolvedPackage } from './types.ts';
