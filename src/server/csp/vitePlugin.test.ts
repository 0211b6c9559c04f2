import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './policy.ts';
import { contentSecurityPolicyPlugin } from './vitePlugin.ts';

// The plugin in a real Vite dev server with React's plugin, which adds an inline script to the
// page: the page must carry the policy and run with no inline script (e2e covers the built page).

let root: string | undefined;
let server: ViteDevServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the dev server under the Content Security Policy', () => {
  it('sends the policy and serves React’s inline preamble as a module of its own', async () => {
    root = await mkdtemp(join(tmpdir(), 'csp-plugin-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><html><head><title>page</title></head><body><script type="module" src="/main.js"></script></body></html>');
    await writeFile(join(root, 'main.js'), 'document.title = "ran";');
    server = await createServer({ configFile: false, root, logLevel: 'silent', plugins: [react(), contentSecurityPolicyPlugin()], server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    const base = server.resolvedUrls!.local[0]!;

    const page = await fetch(base);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy('header'));
    const html = await page.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    expect(scripts.filter(([, , body]) => body!.trim() !== '')).toEqual([]);

    const moved = scripts.map(([, attributes]) => /src="([^"]+)"/.exec(attributes!)![1]!).filter((src) => src.includes('theater-inline-script'));
    expect(moved).toHaveLength(1);
    const preamble = await fetch(new URL(moved[0]!, base));
    expect(preamble.ok).toBe(true);
    expect(await preamble.text()).toContain('injectIntoGlobalHook(window)');
  });
});
