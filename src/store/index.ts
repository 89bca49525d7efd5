export type { Store, StoreReader, PutResult } from './types.ts';
export { createFsStore } from './fs-store.ts';
export { createMemoryStore } from './memory-store.ts';
export type { MemoryStoreInit } from './memory-store.ts';
export { verifyStore } from './verify-store.ts';
export type { StoreVerification } from './verify-store.ts';
export { refNameProblem, assertRefName } from './ref-name.ts';
export { objectKey, commitKey, refKey } from './layout.ts';
