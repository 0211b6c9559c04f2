import { expect, test } from '@playwright/test';
import { exampleWithConnection, Loader, Playground, Workbench } from './playground';

// The words the page uses are explained where they appear (a tooltip on hover and on focus, the
// term's description for screen readers), what the runtime adds is labelled as the runtime's, and
// a trap says what it usually means and where the actor's log is.

test('a term explains itself on focus and on hover, and Escape puts the explanation away', async ({ page }) => {
  const playground = new Playground(page);
  const bench = new Workbench(page);
  await playground.goto();
  await playground.expectReady('echo');

  // Echo has no init: its state is none, and the status bar says so.
  const state = bench.statusBar.getByText('state none');
  await expect(state).toHaveAccessibleDescription(/^State: the bytes the host keeps for the actor between calls/);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toHaveCount(0);
  await state.focus();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('only ok commits it. None: the actor has committed no state');
  await page.keyboard.press('Escape');
  await expect(tooltip).toBeHidden();

  const init = new Loader(page).summary.getByText('init none');
  await init.hover();
  await expect(page.getByRole('tooltip')).toContainText('the component does not export theater:simple/actor');
});

test('the Component tab labels the export the JavaScript runtime adds as runtime-internal; the load summary leaves it out', async ({ page }) => {
  const playground = new Playground(page);
  const bench = new Workbench(page);
  await playground.goto();
  await playground.expectReady('echo');

  const summaryExports = new Loader(page).summary.getByRole('definition').filter({ hasText: 'websocket-server' });
  await expect(summaryExports).toHaveText('theater:simple/websocket-server');

  await bench.componentTab.click();
  const exports = playground.component.getByRole('list', { name: 'Exports' }).getByRole('listitem');
  await expect(exports.filter({ hasText: /^init/ })).toContainText('runtime-internal: added by componentize-qjs');
  await expect(exports.filter({ hasText: 'theater:simple/websocket-server' })).not.toContainText('runtime-internal');
  await expect(playground.component.getByText('runtime-internal', { exact: true })).toHaveAccessibleDescription(/Theater never calls it/);
});

test('a trap says what it usually means and takes the reader to the actor’s log for that event', async ({ page }) => {
  const { playground, connection } = await exampleWithConnection(page, 'faulty');
  await connection.send('trap');
  await expect(playground.timelineItems.last()).toContainText(/\btrap\b/);

  const inspector = page.getByRole('region', { name: 'Inspector' });
  const note = inspector.getByRole('note', { name: 'What a trap means' });
  await expect(note).toContainText('usually means a panic in the actor');
  await expect(note).toContainText('An `unreachable` instruction is what a panic compiles to');
  await expect(note).toContainText('1 log line and 0 other host calls in this event');
  await note.getByRole('button', { name: "Show the actor's log" }).click();
  const log = inspector.getByRole('region', { name: 'Logs' });
  await expect(log).toBeFocused();
  await expect(log).toContainText('faulty: trap');
});
