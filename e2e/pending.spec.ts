import { expect, test } from '@playwright/test';
import { exampleWithConnection, TimelinePanel } from './playground';

// A call in flight shows at once: the sent message, a pending row with its timer and the watchdog's
// time left, and `running` in Actor status, until its event lands. The faulty actor's `loop` never
// answers, so it stays in flight until the watchdog restarts the actor (the page's 5 s).
test('a slow call is visible before its answer, and calls queued behind it follow in order', async ({ page }) => {
  const { playground, connection } = await exampleWithConnection(page, 'faulty');
  const timeline = new TimelinePanel(page);
  await expect(timeline.rows).toHaveCount(1);

  await connection.send('loop');
  // At once, long before the watchdog: the message, the pending row, the status.
  await expect(connection.lines().last()).toContainText(/^\s*sending\s+loop/);
  await expect(timeline.inFlight).toHaveCount(1);
  await expect(timeline.inFlight.first()).toContainText(/running\s+conn 1\s+text "loop"/);
  await expect(timeline.inFlight.first()).toContainText(/watchdog in \d+\.\d s/);
  await expect(playground.status).toHaveText(/faulty\s+running/);
  // Not recorded yet: the Timeline list holds recorded events only.
  await expect(timeline.rows).toHaveCount(1);

  await connection.send('hello');
  await expect(timeline.inFlight).toHaveCount(2);
  await expect(timeline.inFlight.nth(0)).toContainText('text "loop"');
  await expect(timeline.inFlight.nth(1)).toContainText(/queued\s+conn 1\s+text "hello"/);
  await expect(connection.lines().last()).toContainText(/^\s*queued\s+hello/);

  // The hung call lands as a timeout, then the queued one runs and lands: both rows, in order.
  await expect(timeline.row(1)).toContainText(/\btimeout\b/, { timeout: 30_000 });
  await expect(timeline.row(2)).toContainText(/text "hello".*\bok\b/);
  await expect(timeline.inFlight).toHaveCount(0);
  await expect(connection.received('ok 2')).toHaveCount(1);
  await expect(connection.lines().filter({ hasText: /^\s*(sending|queued)\b/ })).toHaveCount(0);
  await playground.expectReady('faulty');
});

test('opening and closing a connection are calls too: each shows as pending until it lands', async ({ page }) => {
  const { playground, connection } = await exampleWithConnection(page, 'faulty');
  const timeline = new TimelinePanel(page);

  // A close queued behind a hung call waits its turn, in view.
  await connection.send('loop');
  await connection.closeButton.click();
  await expect(timeline.inFlight).toHaveCount(2);
  await expect(timeline.inFlight.nth(1)).toContainText(/queued\s+conn 1\s+close/);
  await playground.newConnectionButton.click();
  await expect(timeline.inFlight).toHaveCount(3);
  await expect(timeline.inFlight.nth(2)).toContainText(/queued\s+new conn\s+connect/);

  await expect(timeline.inFlight).toHaveCount(0, { timeout: 30_000 });
  await expect(timeline.row(1)).toContainText(/\btimeout\b/);
  await expect(timeline.row(2)).toContainText(/conn 1\s+close/);
  await expect(timeline.row(3)).toContainText(/conn 2\s+connect/);
  await playground.expectReady('faulty');
});
