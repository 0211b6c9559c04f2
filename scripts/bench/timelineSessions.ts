import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { textMessage } from '../../src/core';
import { SESSION_VERSION } from '../../src/core/sessionFile';
import { recordHistory, sessionFileBytes, startWithClients } from './recordSession';

/**
 * A session file of `events` calls to the actor at `actorPath` (see `recordHistory`), the last
 * one the text `message <its seq>` so a search finds the last row by its text; recorded once and
 * kept under bench-results/sessions/ (ignored by git): a million events take a minute or more to
 * record through the engine, and every bench run after the first reads the file. The name carries
 * the session format's version, so a newer writer records afresh. Returns the file's path.
 */
export async function cachedSession(actorPath: string, events: number): Promise<string> {
  const folder = join('bench-results', 'sessions');
  const name = actorPath.split('/').pop()!.replace(/\.wasm$/, '');
  const file = join(folder, `${name}-${events}-last-text-v${SESSION_VERSION}.json.gz`);
  if (existsSync(file)) return file;
  mkdirSync(folder, { recursive: true });
  const t0 = performance.now();
  const recording = await recordHistory(actorPath, events - 1);
  const last = await recording.session.send(recording.session.connections[0]!.id, textMessage(`message ${events - 1}`));
  if (!last.ok) throw new Error(last.error.message);
  const bytes = await sessionFileBytes(recording);
  // Written aside and renamed: a run stopped halfway leaves no truncated file to be taken for a session.
  writeFileSync(`${file}.part`, bytes);
  renameSync(`${file}.part`, file);
  console.log(`  recorded ${file} (${(bytes.length / 1024 / 1024).toFixed(0)} MiB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return file;
}

/**
 * A session of `events` calls to the `faulty` example in which one call makes a 16 MiB state:
 * three clients chat, and halfway through one asks for `huge 16` (a small state becomes 16 MiB),
 * then `hello` (16 MiB to 16 MiB, a few bytes changed), then `huge 0` (back to small). Recorded
 * through the engine like any session; returns the file and the seqs of those three calls.
 */
export async function recordHugeStateSession(events: number): Promise<{ file: Uint8Array; huge: { grow: number; edit: number; shrink: number } }> {
  const { connections, ...recording } = await startWithClients('public/actors/faulty.wasm');
  const { session } = recording;
  const send = async (text: string): Promise<number> => {
    const seq = session.events.length;
    const sent = await session.send(connections[seq % connections.length]!, textMessage(text));
    if (!sent.ok) throw new Error(sent.error.message);
    return seq;
  };
  const middle = Math.floor(events / 2);
  while (session.events.length < middle) await send(`message ${session.events.length}`);
  const huge = { grow: await send('huge 16'), edit: await send('hello'), shrink: await send('huge 0') };
  while (session.events.length < events) await send(`message ${session.events.length}`);
  return { file: await sessionFileBytes(recording), huge };
}
