import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (this machine and CI cannot fetch one).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Overridable so that several people (or agents) on one machine can run e2e at once.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
// The preview's own bridge (the page attaches to it by itself) sits at a fixed distance from the
// page's port: 8765, its usual port, beside the default 4173, and a port of its own for each run.
const bridgePort = Number(process.env.E2E_BRIDGE_PORT ?? port + (8765 - 4173));

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // Its own folder: Playwright empties outputDir at start, and test-results/ also holds the unit summary.
  outputDir: process.env.E2E_OUTPUT ?? 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
  },
  webServer: {
    command: `THEATER_BRIDGE_PORT=${bridgePort} npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
