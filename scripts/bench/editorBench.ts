import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer } from 'vite';
import { BUILD_ACTOR_PATH } from '../../src/protocols/actorBuild';
import { buildActor } from '../../src/server/actorBuild/buildActor';
import { freePort, launchChromium, preview, sendToPaintProbe } from './browser';
import { median, percentile, round } from './stats';

// Issue 12: how long a learner waits in the Editor tab from `Run actor` on an edit of the echo
// template to the edited actor's first answer painted, and what a standalone build of the same
// template takes (buildActor in Node, and the dev server's POST ./__build-actor). Every round edits
// the reply text (a new one each round, so the answer can only come from the new build), presses
// Run actor, opens a connection (the run replaced the actor, and its connections with it) and
// sends `ping`. The page times each step itself; Playwright's own round trips between the steps
// (a person's reaction time in real life) are in `wall_ms` only.

const ECHO = readFileSync('src/features/editor/templates/echo.js', 'utf8');
const ECHO_REPLY = "text(message.text ?? '')";
const WELCOME = 'Welcome! I send back whatever you send me.';
const DRAFT_KEY = 'theater-playground.editor-draft';
const TIMEOUT_MS = 120_000;

/**
 * Source text to evaluate before clicking `Run actor`: the page's ms from that click to the run
 * done, i.e. the Editor status has said "Loading your source…" and now says "Running this source
 * (loaded in …)" and the Actor status says editor.js ready (DOM changed, not painted: a state, not
 * something a person reads at once). Source text, not a function (see browser.ts).
 */
const RUN_TO_READY_PROBE = `new Promise((resolve) => {
  const text = (label) => document.querySelector('[aria-label="' + label + '"]')?.textContent ?? '';
  let t0 = 0, loading = false;
  const observer = new MutationObserver(() => {
    const editor = text('Editor status');
    if (/Loading your source/.test(editor)) loading = true;
    else if (loading && /Running this source \\(loaded in/.test(editor) && /^\\s*editor\\.js\\s+ready/i.test(text('Actor status'))) {
      observer.disconnect();
      resolve(performance.now() - t0);
    }
  });
  document.addEventListener('click', function onClick(event) {
    if (event.target.closest('button')?.textContent.trim() !== 'Run actor') return;
    document.removeEventListener('click', onClick, true);
    t0 = performance.now();
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, true);
})`;

/** A page-side probe's answer, or an error naming the step that never ended (the timer unref'd: it must not keep the bench alive after). */
const within = <T>(what: string, promise: Promise<T>): Promise<T> =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`editor bench: no ${what} within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref())]);

/** One round's figures (ms). */
interface Round {
  /** Run actor click → the run done (page), and the Editor's own "loaded in" figure. */
  run_to_ready: number;
  editor_loaded_in: number;
  /** New connection click → the connection's welcome (the answer to `connect`) painted. */
  open: number;
  /** Send click → the edited reply painted in the transcript. */
  send_to_answer: number;
  /** The three steps above added: what the page made a person wait. */
  edit_to_answer: number;
  /** Run actor → edited answer, measured in Node: with Playwright's steps between them. */
  wall: number;
}

/** "loaded in 812.3 ms" or "loaded in 1.25 s", as formatDuration writes it, in ms. */
function loadedIn(status: string): number {
  const [, value, unit] = /loaded in ([\d.]+) (m?s)/.exec(status) ?? [];
  return value === undefined ? Number.NaN : Number(value) * (unit === 's' ? 1000 : 1);
}

/**
 * Replaces the Editor's source as a paste does (e2e/editor.spec.ts's EditorTab), and waits until
 * the draft holds `mark` (Monaco indents the inserted lines its own way, so not the text as is).
 */
async function replaceSource(page: Page, text: string, mark: string): Promise<void> {
  await page.getByRole('region', { name: 'Editor' }).getByRole('textbox', { name: 'Actor source' }).focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.waitForFunction(([key, want]) => ((JSON.parse(localStorage.getItem(key!) ?? '{}') as { text?: string }).text ?? '').includes(want!), [DRAFT_KEY, mark]);
}

/** Edit (reply `round <n> says: …`), Run actor, New connection, send `ping`, answer painted. */
async function editRound(page: Page, n: number): Promise<Round> {
  const reply = `round ${n} says: `;
  await replaceSource(page, ECHO.replace(ECHO_REPLY, `text(${JSON.stringify(reply)} + (message.text ?? ''))`), reply);
  const wall0 = performance.now();
  const ready = page.evaluate<number>(RUN_TO_READY_PROBE);
  await page.getByRole('region', { name: 'Editor' }).getByRole('button', { name: 'Run actor' }).click();
  const runToReady = await within('editor.js ready', ready);
  const status = (await page.getByRole('status', { name: 'Editor status' }).textContent()) ?? '';
  // Measured from here on in the connections panel (section.chat), where the transcripts are.
  const opened = page.evaluate<number>(sendToPaintProbe('section.chat', WELCOME, 1, 'New connection'));
  await page.getByRole('button', { name: 'New connection' }).click();
  const open = await within('welcome painted', opened);
  const card = page.getByRole('region', { name: /^Connection #\d+$/ }).last();
  await card.getByRole('textbox', { name: 'Message', exact: true }).fill('ping');
  const answered = page.evaluate<number>(sendToPaintProbe('section.chat', `${reply}ping`, 1));
  await card.getByRole('button', { name: 'Send' }).click();
  const answer = await within('edited answer painted', answered);
  const wall = performance.now() - wall0;
  return { run_to_ready: runToReady, editor_loaded_in: loadedIn(status), open, send_to_answer: answer, edit_to_answer: runToReady + open + answer, wall };
}

/** A fresh page (its own context: nothing cached) on the default echo, a connection open, the Editor tab showing the Echo template. */
async function freshEditor(browser: Browser, origin: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/`);
  await page.getByRole('status', { name: 'Actor status' }).filter({ hasText: /^\s*echo\s+ready/i }).waitFor({ timeout: TIMEOUT_MS });
  await page.getByRole('button', { name: 'New connection' }).click();
  // The example's welcome, not the template's: any line received will do.
  await page.getByRole('region', { name: /^Connection #\d+$/ }).getByRole('listitem').filter({ hasText: /^\s*received\b/ }).first().waitFor({ timeout: TIMEOUT_MS });
  await page.getByRole('tab', { name: 'Editor', exact: true }).click();
  await page.locator('[data-mode-id="javascript"] .view-line').first().waitFor({ timeout: TIMEOUT_MS });
  await page.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Echo' });
  await page.getByRole('button', { name: 'Use template' }).click();
  return page;
}

/** Each figure's median (and p95 from 20 samples on), rounded. */
function summary(rounds: Round[]): Record<string, Record<string, number>> {
  const keys = Object.keys(rounds[0]!) as (keyof Round)[];
  const row = (pick: (values: number[]) => number) => Object.fromEntries(keys.map((key) => [`${key}_ms`, round(pick(rounds.map((r) => r[key])), 1)]));
  return { [`median of ${rounds.length}`]: row(median), ...(rounds.length >= 20 && { p95: row((values) => percentile(values, 0.95)) }) };
}

/**
 * The page: `cold` fresh pages' first Run (the host component not yet fetched or compiled in the
 * page), then `rounds` more Runs in the first of them (warm).
 */
async function measurePage(rounds: number, cold: number): Promise<Record<string, Record<string, number>>> {
  const { origin, stop } = await preview();
  const browser = await launchChromium();
  try {
    const colds: Round[] = [];
    const warms: Round[] = [];
    for (let i = 0; i < cold; i++) {
      const page = await freshEditor(browser, origin);
      colds.push(await editRound(page, 0));
      if (i === 0) for (let n = 1; n <= rounds; n++) warms.push(await editRound(page, n));
      await page.context().close();
    }
    const label = (name: string, rows: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(rows).map(([key, row]) => [`${name}, ${key}`, row]));
    return { ...label('cold (first Run in a fresh page)', summary(colds)), ...label('warm (Run again, same page)', summary(warms)) };
  } finally {
    await browser.close();
    stop();
  }
}

/**
 * The standalone build of the echo template: `builds` runs of buildActor in this process (the
 * first also loads componentize-qjs's native binding: shown alone), then `posts` POSTs to the dev
 * server's ./__build-actor (vite, started here with vite.config.ts on a free port, no bridge).
 */
async function measureBuild(builds: number, posts: number): Promise<Record<string, Record<string, number>>> {
  const node: number[] = [];
  for (let i = 0; i < builds; i++) {
    const t0 = performance.now();
    const built = await buildActor({ source: ECHO });
    if (!built.ok) throw new Error(`editor bench: the echo template did not build: ${built.error.message}`);
    node.push(performance.now() - t0);
  }
  const port = await freePort();
  const bridge = process.env.THEATER_BRIDGE;
  process.env.THEATER_BRIDGE = '0';
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'warn', server: { host: '127.0.0.1', port, strictPort: true } });
  const http: number[] = [];
  const serverTiming: number[] = [];
  try {
    await server.listen();
    for (let i = 0; i < posts; i++) {
      const t0 = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/${BUILD_ACTOR_PATH}`, { method: 'POST', body: ECHO });
      if (response.status !== 200) throw new Error(`editor bench: ./${BUILD_ACTOR_PATH} answered ${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
      http.push(performance.now() - t0);
      serverTiming.push(Number(/dur=([\d.]+)/.exec(response.headers.get('Server-Timing') ?? '')?.[1]));
    }
  } finally {
    await server.close();
    if (bridge === undefined) delete process.env.THEATER_BRIDGE;
    else process.env.THEATER_BRIDGE = bridge;
  }
  return {
    [`buildActor in Node, median of ${builds}`]: { ms: round(median(node), 1), first_ms: round(node[0]!, 1) },
    [`POST ./${BUILD_ACTOR_PATH} (vite dev), median of ${posts}`]: { ms: round(median(http), 1), first_ms: round(http[0]!, 1), server_timing_ms: round(median(serverTiming), 1) },
  };
}

/** Both, one after the other (never at once: 2 shared cores). */
export async function measureEditor({ rounds = 20, cold = 3, builds = 5, posts = 3 } = {}): Promise<Record<string, Record<string, number>>> {
  return { ...(await measurePage(rounds, cold)), ...(await measureBuild(builds, posts)) };
}
