import { expect, test, type Locator, type Page } from '@playwright/test';
import { actorPath, Playground, showExamples } from './playground';

// The real cache path: Cache Storage in Chromium's actor worker (src/workers/cacheStorageCache.ts).
// Each test has a browser profile of its own, so its cache starts empty; the default echo, from the
// entry built with the app (src/workers/prebuiltComponents.ts), fills it.

const fromCache = (page: Page) => page.getByText('From the component cache: inspecting and transpiling skipped.');
const fromCompiled = (page: Page) => page.getByText('Compiled modules reused from the last load of these bytes: inspecting, transpiling and compiling skipped.');
/** The stage chips of the last load: each stage's name and its time, or "skipped". */
const stageChips = (page: Page) => page.getByRole('list', { name: 'Load stages' }).getByRole('listitem');

/**
 * Whether the last load's report (in the example strip, folded once a client talks) says `note`;
 * unfolded again until it does, since the strip may fold while the load ends.
 */
async function expectLoadReport(page: Page, note: Locator): Promise<void> {
  await expect(async () => {
    await showExamples(page);
    await expect(note).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
}
const expectFromCache = (page: Page) => expectLoadReport(page, fromCache(page));
const expectFromCompiled = (page: Page) => expectLoadReport(page, fromCompiled(page));
const cacheNote = (page: Page) => page.getByRole('note').filter({ hasText: /^The cached copy of/ });

/** The Component tab's facts, exports and imports: everything but its component cache section. */
async function componentFacts(playground: Playground): Promise<string> {
  const text = await playground.component.innerText();
  return text.slice(0, text.indexOf('Component cache'));
}

/** Talks to the loaded counter (connect, increment twice) and returns the Timeline's rows without their times. */
async function conversation(playground: Playground): Promise<string[]> {
  const connection = await playground.newConnection();
  for (const command of ['increment', 'increment']) {
    await connection.send(command);
    await expect(playground.timelineItems.last()).toContainText(command);
  }
  await expect(playground.timelineItems).toHaveCount(4);
  const rows = await playground.timelineItems.allInnerTexts();
  return rows.map((row) => row.replace(/\d+(\.\d+)?\s*(ms|µs|s)\b/g, '').replace(/\s+/g, ' ').trim());
}

/** Loads counter.wasm from a file and waits until a new history has started (init only). */
async function loadCounter(playground: Playground): Promise<void> {
  await playground.loadFile(actorPath('counter'));
  await expect(playground.timelineItems).toHaveCount(1, { timeout: 45_000 });
  await playground.expectReady('counter');
}

/** Damages (or, with `evict`, removes) what the cache holds of every entry, as a disk or the browser might. */
async function spoilCache(page: Page, evict: boolean): Promise<void> {
  await page.evaluate(async (evict) => {
    const cache = await caches.open('theater-playground-components');
    for (const request of await cache.keys()) {
      if (!request.url.endsWith('/files')) continue;
      if (evict) {
        await cache.delete(request);
        continue;
      }
      const bytes = new Uint8Array(await (await cache.match(request))!.arrayBuffer());
      bytes[bytes.length >> 1]! ^= 0xff;
      await cache.put(request, new Response(bytes));
    }
  }, evict);
}

test.describe('the component cache', () => {
  test('a fresh page loads the default echo from the entry built with the app, and it answers', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    await expectLoadReport(page, page.getByText("Transpiled with the app's build: inspecting and transpiling skipped."));
    const connection = await playground.newConnection();
    await expect(connection.received('Welcome! You are connected to the echo actor.')).toHaveCount(1);
    await connection.send('hello');
    await expect(connection.received('hello')).toHaveCount(1);
  });

  test('a component loaded again, and after a reload, skips what it can and gives the same component and history', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');
    await page.getByRole('tab', { name: 'Component', exact: true }).click();

    await loadCounter(playground);
    await expect(page.getByRole('list', { name: 'Load stages' })).toContainText('init');
    await expect(fromCache(page)).toHaveCount(0);
    const facts = await componentFacts(playground);
    const history = await conversation(playground);

    // Again in this page: the worker gets the compiled modules the page kept, and the chips say what was skipped.
    await loadCounter(playground);
    await expectFromCompiled(page);
    await expect(stageChips(page).filter({ hasText: /^(inspecting|transpiling|compiling) skipped$/ })).toHaveCount(3);
    expect(await componentFacts(playground)).toBe(facts);
    expect(await conversation(playground)).toEqual(history);

    // After a reload the counter session is reopened, which compiles counter from the cache for the next load.
    await page.reload();
    await playground.expectReady('counter');
    await loadCounter(playground);
    await expectFromCompiled(page);
    expect(await componentFacts(playground)).toBe(facts);
    expect(await conversation(playground)).toEqual(history);
    // Echo (the default, cached on the first visit) is not compiled in this page yet: it comes from the cache.
    await playground.loadFile(actorPath('echo'));
    await playground.expectReady('echo');
    await expectFromCache(page);
    await expect(stageChips(page).filter({ hasText: /^(inspecting|transpiling) skipped$/ })).toHaveCount(2);
    await expect(stageChips(page).filter({ hasText: /^compiling [\d.]+ (ms|s)$/ })).toHaveCount(1);

    // The Component tab says what the cache holds (echo and counter) and empties it, with the compiled modules.
    await page.getByRole('tab', { name: 'Component', exact: true }).click();
    const clear = page.getByRole('button', { name: 'Clear component cache' });
    await expect(playground.component).toContainText(/Holds 2 components, [\d.]+ MB of at most 64\.00 MB/);
    await clear.click();
    await expect(playground.component).toContainText('Empty: a component loaded from now on is kept');
    await expect(page.getByRole('status', { name: 'Component cache status' })).toHaveText(/^Removed 2 components, [\d.]+ MB: loading any of them again transpiles it with jco\.$/);
    await expect(clear).toBeDisabled();
    await loadCounter(playground);
    await expect(fromCache(page)).toHaveCount(0);
    await expect(fromCompiled(page)).toHaveCount(0);
    await expect(playground.component).toContainText('Holds 1 component,');
  });

  test('a damaged or evicted entry falls back to a full load, with a note saying so', async ({ page }) => {
    const playground = new Playground(page);
    await playground.goto();
    await playground.expectReady('echo');

    // A tab of its own holds no compiled modules, so its default echo is read from the cache the tabs share.
    const anotherTab = async (): Promise<Page> => {
      const tab = await page.context().newPage();
      await new Playground(tab).goto();
      await new Playground(tab).expectReady('echo');
      return tab;
    };

    await spoilCache(page, false);
    const damaged = await anotherTab();
    await expectLoadReport(damaged, cacheNote(damaged).filter({ hasText: 'The cached copy of echo could not be used: it is damaged (its files do not match their checksum). It was loaded in full and cached again.' }));
    const connection = await new Playground(damaged).newConnection();
    await expect(connection.received('Welcome! You are connected to the echo actor.')).toHaveCount(1);

    await spoilCache(page, true);
    const evicted = await anotherTab();
    await expectLoadReport(evicted, cacheNote(evicted).filter({ hasText: /could not be used: its files were evicted\. It was loaded in full and cached again\.$/ }));

    // Cached again by the full load: the next tab's comes from the cache, without a note.
    const cachedAgain = await anotherTab();
    await expectFromCache(cachedAgain);
    await expect(cacheNote(cachedAgain)).toHaveCount(0);
  });
});
