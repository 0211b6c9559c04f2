/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { actorBuildPlugin } from './src/server/actorBuild/vitePlugin.ts';
import { bridgePlugin } from './src/server/bridge/vitePlugin.ts';
import { contentSecurityPolicyPlugin } from './src/server/csp/vitePlugin.ts';

// QuickJS-built example actors use the extended-const proposal, which Node 20 only runs behind a
// V8 flag (Node 22+ has it on). The flag cannot go in NODE_OPTIONS, so the test workers get it.
const nodeMajor = Number(process.versions.node.split('.')[0]);
const wasmFlags = nodeMajor < 22 ? ['--experimental-wasm-extended-const'] : [];

export default defineConfig({
  // The bridge server (bridge mode, issue 5) runs beside `vite` and `vite preview`; both, and the
  // built index.html, carry the page's Content Security Policy (issue 14). `vite` alone builds the
  // Editor's JavaScript actors at ./__build-actor (issue 12).
  plugins: [react(), bridgePlugin(), contentSecurityPolicyPlugin(), actorBuildPlugin()],
  // Relative asset URLs so `dist/` works from any static server and any sub-path.
  base: './',
  worker: { format: 'es' },
  // The actor worker imports these lazily, so the dev server's scan of the page misses them and
  // would find them on a first visit, re-bundle and reload the page (a blank page meanwhile).
  optimizeDeps: { include: ['@bytecodealliance/preview2-shim/instantiation', '@bytecodealliance/jco-transpile/wasm-tools', '@bytecodealliance/jco-transpile/component'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    globalSetup: ['scripts/vitest-setup.ts'],
    pool: 'forks',
    // Two test files at a time, not vitest's default of one on a 2-core machine (cores - 1): a
    // file mostly waits on the actor worker threads it starts, and one at a time kept about half
    // a core busy (CPU 232 s over 440 s of wall time); with two, the same run took 342 s.
    maxWorkers: 2,
    execArgv: wasmFlags,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
