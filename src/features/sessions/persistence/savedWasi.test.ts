import { describe, expect, it } from 'vitest';
import { textMessage } from '../../../core';
import { exampleBytes, expectOk } from '../../../runtime/testing/exampleActors';
import { readSession } from './savedSessions';
import { recorderBed } from './testing/recorderBed';

const { db, record } = recorderBed();
const reads = { cursor: () => 0, branches: () => [], onError: (error: unknown) => expect.fail(String(error)) };

// Each client loads a 1.6 MB QuickJS actor in a fresh worker thread: allow for a busy machine.
describe('a saved session keeps its WASI settings', { timeout: 120_000 }, () => {
  it('saves the seed the actor ran under, and the reopened session rolls on as the first would have', async () => {
    const wasi = { seed: 9, startMs: Date.UTC(2031, 0, 1), real: false };
    const { client, recorder } = record(reads);
    client.setWasi(wasi);
    expectOk(await client.load('dice', exampleBytes('dice')));
    // Chosen for the next load only: the running actor keeps the seed it was loaded with.
    client.setWasi({ ...wasi, seed: 10 });
    const { connection } = expectOk(await client.open());
    expectOk(await client.send(connection.id, textMessage('roll 2d6')));
    await recorder.flush();
    const stored = await readSession(db(), recorder.sessionId!);
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.record.wasi).toEqual(wasi);

    const { client: reopened } = record(reads);
    expectOk(await reopened.adoptHistory('dice', stored.value.bytes, stored.value.snapshot));
    expect(reopened.wasi).toEqual(wasi);
    const roll = async (c: typeof client) => expectOk(await c.send(connection.id, textMessage('roll 3d6'))).event.responses[0]!.message.text;
    expect(await roll(reopened)).toBe(await roll(client));
  });
});
