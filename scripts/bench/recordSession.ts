import { readFileSync } from 'node:fs';
import { componentHash, makeMessage, writeSessionFile, type MessageKind } from '../../src/core';
import { ActorSession } from '../../src/runtime';

/** A recorded history and the component that made it. */
export interface Recording {
  session: ActorSession;
  bytes: Uint8Array;
  name: string;
}

/** Starts the actor at `actorPath` through the engine and opens `clients` connections. */
export async function startWithClients(actorPath: string, clients = 3): Promise<Recording & { connections: number[] }> {
  const bytes = new Uint8Array(readFileSync(actorPath));
  const name = actorPath.split('/').pop()!;
  const started = await ActorSession.start(bytes, { name });
  if (!started.ok) throw new Error(started.error.message);
  const session = started.value.session;
  const connections: number[] = [];
  for (let i = 0; i < clients; i++) {
    const opened = await session.open();
    if (!opened.ok) throw new Error(opened.error.message);
    connections.push(opened.value.connection.id);
  }
  return { session, bytes, name, connections };
}

/** The session file of a recording, with the component's bytes in it (as the page exports it). */
export async function sessionFileBytes({ session, bytes, name }: Recording): Promise<Uint8Array> {
  const snapshot = session.snapshot();
  const file = await writeSessionFile(
    { component: { name, sha256: componentHash(bytes), size: bytes.length, bytes }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) },
    true,
  );
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * Records a long session through the real engine (no shortcuts): `events` calls spread over
 * three connections, mixing text, binary and pings, so a timeline has varied rows to show.
 */
export async function recordSession(actorPath: string, events: number): Promise<Uint8Array> {
  return sessionFileBytes(await recordHistory(actorPath, events));
}

/** The recorded session itself, for measuring what is done with a history (replay, export). */
export async function recordHistory(actorPath: string, events: number): Promise<Recording> {
  const { connections, ...recording } = await startWithClients(actorPath);
  const kinds: MessageKind[] = ['text', 'text', 'text', 'binary', 'ping'];
  while (recording.session.events.length < events) {
    const i = recording.session.events.length;
    const kind = kinds[i % kinds.length]!;
    const message = makeMessage(kind, { text: `message ${i}`, data: kind === 'text' ? undefined : Uint8Array.of(i & 255, (i >> 8) & 255) });
    const sent = await recording.session.send(connections[i % connections.length]!, message);
    if (!sent.ok) throw new Error(sent.error.message);
  }
  return recording;
}
