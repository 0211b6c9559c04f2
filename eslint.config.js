import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

import { layersPlugin } from './scripts/layers.mjs';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'bench-results/', 'node_modules/', 'src/core/generated/', 'test-results/', 'playwright-report/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
      // Each store slice adds itself to the store's state as `interface PlaygroundState extends XSlice {}`.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // The layering of ARCHITECTURE.md, enforced: which folder may import which, from one table
    // (scripts/layers.mjs). The core and the runtime stay free of React, zustand and the DOM's
    // page-only code; the page never imports Node code or the runtime.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
