/** Actuate's version: recorded in manifests and cache keys, so it changes whenever output may change. */
export const VERSION = '0.1.0';
