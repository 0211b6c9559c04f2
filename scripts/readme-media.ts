/**
 * The README's screenshot and animation, made by driving the built app in headless Chromium as a
 * person would: `docs/media/playground.png` (a counter session, two connections, an event selected
 * so the Inspector shows its state before and after) and `docs/media/playground-in-use.webp` (load
 * the counter, open two connections, chat, watch the timeline and the Inspector, step back, then
 * edit the echo template in the Editor, run it and chat with it).
 *
 * It builds nothing. Build the app, then run it (ffmpeg encodes the animation: `apt-get install ffmpeg`):
 *
 *   npx vite build --outDir dist-media
 *   node --import tsx scripts/readme-media.ts
 *
 * It serves `dist-media/` with `vite preview` on port 4611 (its bridge on 4612) unless something
 * already answers there, and stops the server it started. `MEDIA_PORT`, `MEDIA_DIST` and
 * `CHROMIUM_PATH` change the port, the build folder and the browser.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.MEDIA_PORT ?? 4611);
const dist = process.env.MEDIA_DIST ?? 'dist-media';
const baseURL = `http://127.0.0.1:${port}`;
const outDir = join(root, 'docs', 'media');
const viewport = { width: 1280, height: 760 };
/** The animation's width: scaled down from the viewport to stay well under 1.5 MB. */
const animationWidth = 960;
const LOAD_TIMEOUT = 60_000;

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** `vite preview` over the build, unless a server already answers on the port. */
async function startPreview(): Promise<ChildProcess | undefined> {
  if (await answers(baseURL)) return undefined;
  if (!existsSync(join(root, dist, 'index.html'))) throw new Error(`No build in ${dist}/: run \`npx vite build --outDir ${dist}\` first.`);
  // Vite's own entry under this Node, not npx: killing npx would leave its vite child serving.
  const server = spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist], {
    cwd: root,
    env: { ...process.env, THEATER_BRIDGE_PORT: String(port + 1) },
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i += 1) {
    if (await answers(baseURL)) return server;
    if (server.exitCode !== null) throw new Error(`vite preview exited with ${server.exitCode} (is port ${port} taken?)`);
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error(`vite preview did not answer on ${baseURL}`);
}

/** The first-visit tour, when there is one, is dismissed with its own buttons. */
async function dismissTour(page: Page): Promise<void> {
  for (const name of ['Leave tour', 'Not now']) {
    const button = page.getByRole('button', { name, exact: true });
    if (await button.first().isVisible().catch(() => false)) await button.first().click();
  }
}

const status = (page: Page) => page.getByRole('status', { name: 'Actor status' });

async function expectReady(page: Page, name: string): Promise<void> {
  const pattern = new RegExp(`^\\s*${name.replace('.', '\\.')}\\s+ready\\s*$`, 'i');
  await page.waitForFunction(
    ({ source }) => {
      const el = [...document.querySelectorAll('[role="status"]')].find((e) => e.getAttribute('aria-label') === 'Actor status');
      return el !== undefined && new RegExp(source, 'i').test(el.textContent ?? '');
    },
    { source: pattern.source },
    { timeout: LOAD_TIMEOUT },
  );
  await status(page).waitFor();
}

const connections = (page: Page) => page.getByRole('region', { name: /^Connection #\d+$/ });

/** Opens a simulated client and returns its card once the actor has seen its `connect`. */
async function newConnection(page: Page): Promise<Locator> {
  const before = await connections(page).count();
  await page.getByRole('button', { name: 'New connection' }).click();
  const card = connections(page).nth(before);
  await card.getByRole('list', { name: 'Transcript' }).getByRole('listitem').first().waitFor();
  return card;
}

/** Sends a text message and waits until the transcript shows an answer containing `expect`. */
async function send(card: Locator, text: string, expect: string, type?: (partial: string) => Promise<void>): Promise<void> {
  const box = card.getByRole('textbox', { name: 'Message', exact: true });
  if (type) {
    await box.fill('');
    for (let i = 1; i <= text.length; i += 1) {
      await box.fill(text.slice(0, i));
      await type(text.slice(0, i));
    }
  } else {
    await box.fill(text);
  }
  await box.press('Enter');
  await card.getByRole('list', { name: 'Transcript' }).getByRole('listitem').filter({ hasText: /^\s*received\b/ }).filter({ hasText: expect }).last().waitFor();
}

/** Waits for the page to settle (no layout shifts mid-frame): two animation frames and a short pause. */
async function settle(page: Page, ms = 120): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  await page.waitForTimeout(ms);
}

async function newPage(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<Page> {
  // A fresh context each time: no saved session, draft or tour state from an earlier page.
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, baseURL, colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/');
  await expectReady(page, 'echo');
  await dismissTour(page);
  return page;
}

async function loadExample(page: Page, name: string): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Examples', exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await page.getByRole('button', { name: `Load example ${name}`, exact: true }).click();
  await expectReady(page, name);
}

/** Selects the timeline row holding `text` (the last one, if several do). */
async function selectEvent(page: Page, text: string): Promise<void> {
  await page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: text }).last().click();
  await page.getByRole('region', { name: 'Inspector' }).waitFor();
}

/** Scrolls the Inspector to its State section: the state before and after, and their diff. */
async function showState(page: Page): Promise<void> {
  const state = page.getByRole('region', { name: 'Inspector' }).getByRole('region', { name: 'State' });
  await state.waitFor();
  await state.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** The still: a counter session with two clients, an `inc` selected so the Inspector shows the state change. */
async function screenshot(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<void> {
  const page = await newPage(browser);
  await loadExample(page, 'counter');
  await dismissTour(page);
  const a = await newConnection(page);
  const b = await newConnection(page);
  await send(a, 'inc', 'count: 1');
  await send(b, 'inc 5', 'count: 6');
  await send(a, 'remember the milk', 'stored');
  await send(b, 'get', 'count: 6');
  await selectEvent(page, 'remember the milk');
  await showState(page);
  await settle(page, 400);
  await page.screenshot({ path: join(outDir, 'playground.png') });
  await page.context().close();
}

/** Frames of the animation, each shown for its own duration, encoded by ffmpeg at the end. */
class Frames {
  private readonly dir = mkdtempSync(join(tmpdir(), 'readme-media-'));
  private readonly list: { file: string; ms: number }[] = [];
  constructor(private readonly page: Page) {}

  async shot(ms: number): Promise<void> {
    await settle(this.page, 60);
    const file = join(this.dir, `${String(this.list.length).padStart(4, '0')}.png`);
    await this.page.screenshot({ path: file });
    this.list.push({ file, ms });
  }

  totalMs(): number {
    return this.list.reduce((sum, f) => sum + f.ms, 0);
  }

  /** An animated WebP that loops, each frame for its duration (ffmpeg's concat demuxer). */
  encode(out: string): void {
    const lines = this.list.flatMap(({ file, ms }) => [`file '${file}'`, `duration ${(ms / 1000).toFixed(3)}`]);
    // The concat demuxer reads the last duration only when the last file is named again.
    lines.push(`file '${this.list[this.list.length - 1]!.file}'`);
    const listFile = join(this.dir, 'frames.txt');
    writeFileSync(listFile, `${lines.join('\n')}\n`);
    const args = ['-y', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', listFile, '-vf', `scale=${animationWidth}:-2:flags=lanczos`, '-fps_mode', 'vfr', '-c:v', 'libwebp', '-loop', '0', '-q:v', '60', '-compression_level', '6', out];
    const run = spawnSync('ffmpeg', args, { stdio: 'inherit' });
    if (run.error || run.status !== 0) throw new Error(`ffmpeg failed (${run.error?.message ?? `exit ${run.status}`}): install it with \`apt-get install ffmpeg\``);
    if (process.env.MEDIA_KEEP_FRAMES) console.log(`frames kept in ${this.dir}`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The Editor's source as its draft holds it (Monaco draws only the lines in view). */
const editorText = (page: Page): Promise<string> =>
  page.evaluate(() => (JSON.parse(localStorage.getItem('theater-playground.editor-draft') ?? '{}') as { text?: string }).text ?? '');

/** Drags a pane separator sideways by `dx` pixels. */
async function dragSeparator(page: Page, name: string, dx: number): Promise<void> {
  const box = await page.getByRole('separator', { name }).boundingBox();
  if (!box) throw new Error(`No separator ${name}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y, { steps: 8 });
  await page.mouse.up();
}

/** The animation: chat with echo, watch the timeline and Inspector, step back, then the Editor. */
async function animation(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<void> {
  const page = await newPage(browser);
  const frames = new Frames(page);
  await frames.shot(600);

  await loadExample(page, 'counter');
  await dismissTour(page);
  await frames.shot(600);

  const a = await newConnection(page);
  await frames.shot(400);
  await send(a, 'inc', 'count: 1', async () => frames.shot(90));
  await frames.shot(500);
  const b = await newConnection(page);
  await frames.shot(400);
  await send(b, 'inc 5', 'count: 6');
  await frames.shot(500);
  await send(a, 'remember the milk', 'stored');
  await frames.shot(600);

  // The Inspector: the selected event's state before and after, then time travel, a step back at a time.
  await selectEvent(page, 'remember the milk');
  await showState(page);
  await frames.shot(1100);
  for (let i = 0; i < 2; i += 1) {
    await page.getByRole('button', { name: 'Step back', exact: true }).click();
    await showState(page);
    await frames.shot(800);
  }

  // The Editor: the echo template, one reply changed, Run actor, and a chat with the result.
  await page.getByRole('tab', { name: 'Editor', exact: true }).click();
  // Room for the source: a wider side panel, the connections a little narrower.
  await dragSeparator(page, 'Resize Side panel and Connections', 260);
  await dragSeparator(page, 'Resize Connections and Events', 130);
  await page.locator('[data-mode-id="javascript"] .view-line').first().waitFor({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Echo' });
  await page.getByRole('button', { name: 'Use template' }).click();
  await frames.shot(700);
  const source = page.getByRole('region', { name: 'Editor' }).getByRole('textbox', { name: 'Actor source' });
  const from = "text(message.text ?? '')";
  const to = "text('you said: ' + (message.text ?? ''))";
  const lines = (await editorText(page)).split('\n');
  const line = lines.findIndex((l) => l.includes(from));
  if (line < 0) throw new Error(`The echo template no longer holds ${from}: update scripts/readme-media.ts`);
  // Replace that one line as typing would (a whole text inserted at once gets Monaco's auto-indent).
  await source.focus();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < line; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText(lines[line]!.trim().replace(from, to));
  const edited = lines.map((l, i) => (i === line ? l.replace(from, to) : l)).join('\n');
  // Back to the line's start, so the view shows the changed reply from the left.
  await page.keyboard.press('Home');
  await page.waitForFunction((expected) => (JSON.parse(localStorage.getItem('theater-playground.editor-draft') ?? '{}') as { text?: string }).text === expected, edited);
  await frames.shot(1000);
  await page.getByRole('button', { name: 'Run actor', exact: true }).click();
  await expectReady(page, 'editor.js');
  await frames.shot(600);
  const c = await newConnection(page);
  await frames.shot(400);
  await send(c, 'hi', 'you said: hi');
  await frames.shot(1400);

  const out = join(outDir, 'playground-in-use.webp');
  frames.encode(out);
  console.log(`animation: ${(frames.totalMs() / 1000).toFixed(1)} s`);
  await page.context().close();
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const server = await startPreview();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    if (process.env.MEDIA_ONLY !== 'animation') await screenshot(browser);
    if (process.env.MEDIA_ONLY !== 'screenshot') await animation(browser);
  } catch (error) {
    for (const context of browser.contexts()) for (const page of context.pages()) await page.screenshot({ path: join(tmpdir(), 'readme-media-failure.png') });
    throw error;
  } finally {
    await browser.close();
    server?.kill();
  }
  for (const name of ['playground.png', 'playground-in-use.webp']) {
    console.log(`docs/media/${name}: ${(statSync(join(outDir, name)).size / 1024).toFixed(0)} KB`);
  }
}

await main();
