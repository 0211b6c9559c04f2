import { fileURLToPath } from 'node:url';
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { BridgePanel } from './bridge/bridgePanel';
import { Playground, Workbench } from './playground';

// The page's Content Security Policy (src/server/csp/policy.ts), served as a header by `vite
// preview` and written into the built index.html as a <meta> for hosts that send no header.

/** What Chromium prints when the policy refuses something, from the page or any of its workers. */
const isViolation = (message: ConsoleMessage): boolean => /Content Security Policy/i.test(message.text());

/** Adds an inline script to the page, as an injection would; true when it ran. */
async function inlineScriptRuns(page: Page): Promise<boolean> {
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = "document.documentElement.dataset.injected = 'yes';";
    document.head.append(script);
  });
  return (await page.locator('html').getAttribute('data-injected')) === 'yes';
}

test('the page runs loading, transpiling, chat, Monaco and the bridge under its policy, and an inline script is refused', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => isViolation(message) && violations.push(message.text()));
  const playground = new Playground(page);
  const bench = new Workbench(page);

  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
  await playground.expectReady('echo');
  const connection = await playground.newConnection();
  await connection.sendWithEnter('under policy');
  await expect(connection.received('under policy')).toHaveCount(1);

  // A component the build has no prebuilt entry for: jco (WebAssembly) transpiles it in the
  // worker, whose glue is imported from a Blob URL.
  await playground.loadFile(fileURLToPath(new URL('../../shared/fixtures/actors/get-chain.wasm', import.meta.url)));
  await playground.expectReady('get-chain');
  await bench.openInterface();
  // The preview server's own bridge: an http probe and a WebSocket to another port of this machine.
  const bridge = new BridgePanel(page);
  await bridge.show();
  await expect(bridge.status).toContainText(/Real clients connect to ws:\/\/127\.0\.0\.1:\d+/);
  expect(violations).toEqual([]);

  expect(await inlineScriptRuns(page)).toBe(false);
  await expect.poll(() => violations.some((text) => /inline script/i.test(text))).toBe(true);
  await expect(playground.status).toHaveText(/get-chain\s+ready/i);
});

test("a static host that sends no header still gets the policy from the built page's <meta>", async ({ page }) => {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['content-security-policy'];
    await route.fulfill({ response, headers });
  });
  const violations: string[] = [];
  page.on('console', (message) => isViolation(message) && violations.push(message.text()));
  const playground = new Playground(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBeUndefined();
  await playground.expectReady('echo');
  expect(violations).toEqual([]);
  expect(await inlineScriptRuns(page)).toBe(false);
  await expect.poll(() => violations.some((text) => /inline script/i.test(text))).toBe(true);
});
