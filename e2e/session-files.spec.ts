import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { counterSession, fileAction } from './playground';

test('an exported session is compressed with its states as deltas; a cut copy is refused by name and the open history stays', async ({ page }) => {
  const { playground, connection } = await counterSession(page, ['inc 4', 'burst 3', 'reset']);
  const downloading = page.waitForEvent('download');
  await fileAction(page, 'Export session');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^counter-session-.*\.json\.gz$/);
  const file = readFileSync((await download.path())!);
  // gzip of JSON Lines: the header, then the states, each after the first a delta (src/core/sessionFile.ts).
  const lines = gunzipSync(file).toString().trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({ format: 'theater-playground-session', version: 2 });
  const states = lines.slice(1, 1 + (lines[0]!.states as number));
  expect(states.slice(1).every((state) => 'middle' in state)).toBe(true);

  const original = await playground.timelineItems.allInnerTexts();
  const chooser = page.waitForEvent('filechooser');
  await fileAction(page, 'Import session');
  await (await chooser).setFiles({ name: 'cut.json.gz', mimeType: 'application/gzip', buffer: file.subarray(0, file.length - 200) });
  await expect(playground.alert).toContainText(/The session file could not be read: its compressed data is damaged or cut short .*Nothing was imported: export the session again, or use a complete copy\./);
  expect(await playground.timelineItems.allInnerTexts()).toEqual(original);
  // The whole file where a chain goes: named for what it is, not read as a chain.
  const chainChooser = page.waitForEvent('filechooser');
  await fileAction(page, 'Import chain');
  await (await chainChooser).setFiles({ name: 'session.json.gz', mimeType: 'application/gzip', buffer: file });
  await expect(playground.alert).toContainText('This is a playground session file, not a Theater chain: bring it in with Files → Import session. Nothing was imported.');
  expect(await playground.timelineItems.allInnerTexts()).toEqual(original);
  // The actor carries on where it was.
  await connection.send('inc 1');
  await expect(connection.received('count: 1')).toHaveCount(1);
});
