import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { readSessionFile } from '../../src/core';
import { recordSession } from './recordSession';
import { importSaved } from './browser';
import { round } from './stats';

const ACTOR = 'public/actors/echo.wasm';

/**
 * IndexedDB bytes per event: a session of `events` events recorded by the engine on echo (a
 * stateless actor, so the figure is the events themselves) is imported with `Import session`,
 * and the origin's IndexedDB usage is read before and after. A persistent profile, so the
 * database is on disk as a person's would be. Also the size of the records as V8 serializes them
 * (what IndexedDB stores before LevelDB's own overhead and compression), the time from the file
 * chosen to the whole history in the Timeline, and from then to all of it on disk (to within the
 * ~0.3 s it takes to look at `Saved sessions`).
 */
export async function measurePersistence({ events = 10_000, dist = 'dist' } = {}): Promise<{
  events: number;
  disk_bytes_per_event: number;
  serialized_bytes_per_event: number;
  import_ms: number;
  save_ms: number;
}> {
  const bytes = await recordSession(ACTOR, events);
  const file = await readSessionFile(new Uint8Array(bytes));
  if (!file.ok) throw new Error(file.error.message);
  const serialized = file.value.events.reduce((sum, event) => sum + serialize(event).length, 0) + [...file.value.states.values()].reduce((sum, state) => sum + state.length, 0);

  const dir = mkdtempSync(join(tmpdir(), 'persistence-bench-'));
  const sessionPath = join(dir, 'session.json.gz');
  writeFileSync(sessionPath, bytes);
  try {
    const { usageBefore, usageAfter, importMs, saveMs, close } = await importSaved(dist, join(dir, 'profile'), sessionPath, events);
    await close();
    return { events, disk_bytes_per_event: round((usageAfter - usageBefore) / events, 0), serialized_bytes_per_event: round(serialized / events, 0), import_ms: round(importMs, 0), save_ms: round(saveMs, 0) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
