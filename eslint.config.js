import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layers of DESIGN.md, enforced: the engine (and the protocol and worker that wrap it) must
// run unchanged in a Worker and in Node, so React, zustand and the page-side code are off limits.
const pageOnly = [
  { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@monaco-editor/*', 'monaco-editor', 'monaco-editor/*'], message: 'The engine layer is framework-free: no React, zustand or Monaco here.' },
  { group: ['**/ui/**', '**/store/**', '**/client/**'], message: 'Dependencies flow ui → store → client → protocol ← worker → engine.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'bench-results/', 'node_modules/', 'src/core/generated/', 'test-results/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/protocol/**/*.ts', 'src/worker/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: pageOnly }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/engine/*', '!**/engine/index', '**/worker/**'], message: 'The UI reaches the engine only through the client and the protocol.' }] }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
