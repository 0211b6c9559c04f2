import { textMessage } from '../../src/core';
import { sessionFileBytes, startWithClients } from './recordSession';

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
