import type { Diagnostic } from '../../core/index.ts';

/** One installed npm package, as recorded in the install's package-lock.json. */
export interface ResolvedPackage {
  readonly name: string;
  readonly version: string;
  /** Subresource integrity of the tarball (`sha512-...`), as the registry published it. */
  readonly integrity: string;
}

/**
 * An action's npm dependencies installed in the content-addressed cache. Same declared
 * dependencies (and registry), same directory: installs are shared between actions and commits.
 */
export interface InstalledDependencies {
  /** Absolute install root: holds package.json, package-lock.json and `node_modules/`. Never written after install. */
  readonly dir: string;
  /** Every installed package, transitive ones included, sorted by name then version (for the manifest). */
  readonly resolved: readonly ResolvedPackage[];
}

/** What {@link bundleAction} needs: everything comes from the commit, nothing from the working tree. */
export interface BundleInput {
  /** Action name, e.g. `add-roles` (used in messages). */
  readonly name: string;
  /** The whole tree at a commit: repo-relative POSIX path → UTF-8 content. */
  readonly files: ReadonlyMap<string, string>;
  /** Repo-relative entry module, e.g. `actions/add-roles/index.ts`. */
  readonly entry: string;
  /** Exact npm versions declared in action.json. */
  readonly dependencies: Readonly<Record<string, string>>;
  /** The install of `dependencies`, from installDependencies(); undefined when there are none. */
  readonly deps: InstalledDependencies | undefined;
  /** Size budget in bytes: a warning above it (default 100 kB, Auth0's guideline). */
  readonly warnBytes?: number;
}

/** A bundle ready to be stored, or the reasons there is none. */
export type BundleResult =
  | {
      readonly ok: true;
      /** A script that, evaluated in a fresh global scope, defines `__actuate_action` (the module's exports). */
      readonly code: string;
      /** Source map (JSON) with repo-relative `sources` and their content. */
      readonly map: string;
      /** Bytes of `code` (UTF-8). */
      readonly size: number;
      /** Warnings only (size, esbuild warnings in the action's own files). */
      readonly diagnostics: Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };
