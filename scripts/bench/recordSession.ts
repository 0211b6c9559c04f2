import { readFileSync } from 'node:fs';
import { ActorSession, componentHash, makeMessage, writeSessionFile, type MessageKind } from '../../src/engine';

/**
 * Records a long session through the real engine (no shortcuts): `events` calls spread over
 * three connections, mixing text, binary and pings, so a timeline has varied rows to show.
 */
export async function recordSession(actorPath: string, events: number): Promise<string> {
  const { session, bytes, name } = await recordHistory(actorPath, events);
  const snapshot = session.snapshot();
  return writeSessionFile(
    { component: { name, sha256: componentHash(bytes), size: bytes.length, bytes }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) },
    true,
  );
}

/** The recorded session itself, for measuring what is done with a history (replay, export). */
export async function recordHistory(actorPath: string, events: number): Promise<{ session: ActorSession; bytes: Uint8Array; name: string }> {
  const bytes = new Uint8Array(readFileSync(actorPath));
  const name = actorPath.split('/').pop()!;
  const started = await ActorSession.start(bytes, { name });
  if (!started.ok) throw new Error(started.error.message);
  const session = started.value.session;
  const connections: number[] = [];
  for (let i = 0; i < 3; i++) {
    const opened = await session.open();
    if (!opened.ok) throw new Error(opened.error.message);
    connections.push(opened.value.connection.id);
  }
  const kinds: MessageKind[] = ['text', 'text', 'text', 'binary', 'ping'];
  while (session.events.length < events) {
    const i = session.events.length;
    const kind = kinds[i % kinds.length]!;
    const message = makeMessage(kind, { text: `message ${i}`, data: kind === 'text' ? undefined : Uint8Array.of(i & 255, (i >> 8) & 255) });
    const sent = await session.send(connections[i % connections.length]!, message);
    if (!sent.ok) throw new Error(sent.error.message);
  }
  return { session, bytes, name };
}
