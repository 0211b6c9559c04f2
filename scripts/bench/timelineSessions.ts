import { readFileSync } from 'node:fs';
import { ActorSession, componentHash, textMessage, writeSessionFile } from '../../src/engine';

/**
 * A session of `events` calls to the `faulty` example in which one call makes a 16 MiB state:
 * three clients chat, and halfway through one asks for `huge 16` (a small state becomes 16 MiB),
 * then `hello` (16 MiB to 16 MiB, a few bytes changed), then `huge 0` (back to small). Recorded
 * through the engine like any session; returns the file's text and the seqs of those three calls.
 */
export async function recordHugeStateSession(events: number): Promise<{ text: string; huge: { grow: number; edit: number; shrink: number } }> {
  const path = 'public/actors/faulty.wasm';
  const bytes = new Uint8Array(readFileSync(path));
  const started = await ActorSession.start(bytes, { name: 'faulty.wasm' });
  if (!started.ok) throw new Error(started.error.message);
  const session = started.value.session;
  const connections: number[] = [];
  for (let i = 0; i < 3; i++) {
    const opened = await session.open();
    if (!opened.ok) throw new Error(opened.error.message);
    connections.push(opened.value.connection.id);
  }
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
  const snapshot = session.snapshot();
  const text = writeSessionFile(
    { component: { name: 'faulty.wasm', sha256: componentHash(bytes), size: bytes.length, bytes }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) },
    true,
  );
  return { text, huge };
}
