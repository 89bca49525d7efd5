/**
 * Dependency direction (../shared/DESIGN.md "Pipeline" and "Layout"), enforced in `npm test`.
 * Read a rule as: modules matching `from` may not import modules matching `to`.
 */
module.exports = {
  forbidden: [
    {
      name: 'nothing-imports-cli',
      comment: 'src/cli is the composition root and the only place that exits the process.',
      severity: 'error',
      from: { pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'nothing-imports-github',
      comment: 'src/github is a thin shell for the GitHub Action; the library never depends on it.',
      severity: 'error',
      from: { pathNot: '^src/github/' },
      to: { path: '^src/github/' },
    },
    {
      name: 'runtime-stays-small',
      comment: 'The runner must start fast: no compiler, bundler, git or HTTP server in src/runtime.',
      severity: 'error',
      from: { path: '^src/runtime/' },
      to: { path: ['^src/(compile|repo|daemon)/', 'node_modules/(typescript|esbuild|simple-git|fastify)/'] },
    },
    {
      name: 'daemon-does-not-compile',
      comment: 'The daemon serves built manifests; it never type-checks or bundles.',
      severity: 'error',
      from: { path: '^src/daemon/' },
      to: { path: ['^src/compile/', 'node_modules/(typescript|esbuild)/'] },
    },
    {
      name: 'core-is-a-leaf',
      comment: 'src/core holds diagnostics, errors and ids; it depends on nothing else in the project or on npm.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^node:', '^(fs|path|crypto|os|url|util)$'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'leaves-stay-leaves',
      comment: 'triggers, store, repo and manifest are building blocks: they never reach up into compile, runtime or daemon.',
      severity: 'error',
      from: { path: '^src/(triggers|store|repo|manifest)/' },
      to: { path: '^src/(compile|runtime|daemon)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '\\.test\\.ts$' },
  },
};
