export { readRepo } from './read-repo.ts';
export type { ReadRepoOptions } from './read-repo.ts';
export type { RepoSnapshot } from './types.ts';
