/**
 * `npm test` checks with dependency-cruiser that no import cycle comes back (ARCHITECTURE.md:
 * features depend on the store, never the other way round; type-only imports count too). Which
 * folder may import which is ESLint's rule (scripts/layers.mjs), not this file's.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, even for types only, cannot be read, tested or moved one at a time.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
