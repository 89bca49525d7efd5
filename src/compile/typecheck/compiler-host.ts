import path from 'node:path';
import ts from 'typescript';

/** Where the project's files live in the in-memory file system the type-checker sees. */
export const PROJECT_ROOT = '/project';
/** Where generated declarations live in that file system. */
export const DECLARATIONS_ROOT = '/actuate';

const libDir = path.dirname(ts.getDefaultLibFilePath({}));
/**
 * Parsed standard-library files, shared by every program in this process: parsing lib.es2023 is the
 * largest fixed cost of a check and the files never change for a given TypeScript version.
 */
const libCache = new Map<string, ts.SourceFile>();

/**
 * A compiler host over in-memory files (the snapshot, never the disk) plus TypeScript's own lib
 * files. Module resolution only ever sees the project's committed files and our declarations.
 */
export function createMemoryHost(files: ReadonlyMap<string, string>): ts.CompilerHost {
  const dirs = new Set<string>();
  for (const f of files.keys()) for (let d = path.posix.dirname(f); d !== '/' && !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
  const isLib = (f: string) => f.startsWith(libDir + path.sep) || f.startsWith(libDir + '/');
  return {
    getSourceFile(fileName, languageVersion) {
      const text = files.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
      if (!isLib(fileName)) return undefined;
      const key = `${fileName}:${String(languageVersion)}`;
      let sf = libCache.get(key);
      if (!sf) {
        const libText = ts.sys.readFile(fileName);
        if (libText === undefined) return undefined;
        sf = ts.createSourceFile(fileName, libText, languageVersion, false);
        libCache.set(key, sf);
      }
      return sf;
    },
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    getDefaultLibLocation: () => libDir,
    writeFile: () => {},
    getCurrentDirectory: () => PROJECT_ROOT,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => files.has(f) || (isLib(f) && ts.sys.fileExists(f)),
    readFile: (f) => files.get(f) ?? (isLib(f) ? ts.sys.readFile(f) : undefined),
    directoryExists: (d) => dirs.has(d) || d === PROJECT_ROOT || d === DECLARATIONS_ROOT || isLib(d + '/x'),
    getDirectories: () => [],
    realpath: (f) => f,
  };
}
