import { describe, expect, it } from 'vitest';
import { textMessage } from '../../core/messages';
import { componentHash, readSessionFile, writeSessionFile } from '../../core/sessionFile';
import { DEFAULT_WASI_SETTINGS, type WasiSettings } from '../../core/wasiSettings';
import { replay } from '../replay';
import { ActorSession } from '../session';
import { exampleBytes, expectOk, startExample } from '../testing/exampleActors';

/** The dice example's WASI imports, as its component names them (componentize-qjs links WASI 0.2.12). */
const RANDOM = 'wasi:random/random@0.2.12';
const WALL_CLOCK = 'wasi:clocks/wall-clock@0.2.12';

/** A dice session that rolled `rolls`, and its replies in order. */
async function rolled(rolls: string[], wasi?: WasiSettings): Promise<{ session: ActorSession; replies: string[] }> {
  const { session } = await startExample('dice', wasi && { wasi });
  const { connection } = expectOk(await session.open());
  const replies: string[] = [];
  for (const roll of rolls) {
    const { event } = expectOk(await session.send(connection.id, textMessage(roll)));
    replies.push(...event.responses.map((r) => r.message.text ?? ''));
  }
  return { session, replies };
}

const historyOf = (session: ActorSession) => ({ events: session.events, state: (ref: string | null) => session.state(ref) });
const ROLLS = ['roll 2d6', 'roll 3d20'];

describe('recorded WASI (dice)', () => {
  it('records each random and clock read as a host call under the interface the actor imports, with the seed that answered', async () => {
    const { session, replies } = await rolled(['roll 2d6']);
    // The first roll is event 2 (init, connect): the virtual clock reads the start + 2 s.
    expect(replies).toEqual([expect.stringMatching(/^2d6: \d \+ \d = \d+ at 2025-01-01T00:00:02\.000Z$/)]);
    const calls = session.events.at(-1)!.hostCalls.filter((call) => call.wasi !== undefined);
    expect(calls.map((call) => `${call.interface}/${call.function}`)).toEqual([`${RANDOM}/get-random-bytes`, `${RANDOM}/get-random-bytes`, `${WALL_CLOCK}/now`]);
    expect(calls[0]).toMatchObject({ args: [4], result: expect.any(Uint8Array), stubbed: false, wasi: DEFAULT_WASI_SETTINGS.seed });
    expect(calls[2]!.result).toEqual({ seconds: Date.UTC(2025, 0, 1) / 1000 + 2, nanoseconds: 0 });
    // The import list says so too; the rest of WASI stays sandboxed.
    const line = (iface: string, fn: string) => session.info.importFunctions?.find((f) => f.interface === iface && f.function === fn);
    expect(line('wasi:random/random', 'get-random-bytes')).toMatchObject({ provision: 'provided', by: 'wasi', recorded: true, detail: 'recorded WASI (deterministic, seed 1)' });
    expect(line('wasi:cli/environment', 'get-environment')?.detail).toMatch(/^recorded: no environment variables/);
    expect(line('wasi:filesystem/preopens', 'get-directories')?.detail).toMatch(/^sandboxed: no files/);
  });

  it('gives the same rolls and clock readings to two live runs with one seed, and other rolls under another seed', async () => {
    const first = await rolled(ROLLS, { ...DEFAULT_WASI_SETTINGS, seed: 7 });
    const again = await rolled(ROLLS, { ...DEFAULT_WASI_SETTINGS, seed: 7 });
    const other = await rolled(ROLLS, { ...DEFAULT_WASI_SETTINGS, seed: 8 });
    expect(again.replies).toEqual(first.replies);
    expect(other.replies).not.toEqual(first.replies);
    // The clock depends on the start and the event, not the seed.
    const times = (replies: string[]) => replies.map((reply) => reply.split(' at ')[1]);
    expect(times(other.replies)).toEqual(times(first.replies));
  });

  it('answers the next event after a restart exactly as the first worker would have', async () => {
    const whole = await rolled([...ROLLS, 'roll 4d8']);
    const before = await rolled(ROLLS);
    const restored = expectOk(await ActorSession.restore(exampleBytes('dice'), before.session.snapshot(), { name: 'dice.wasm' }));
    const { event } = expectOk(await restored.send(1, textMessage('roll 4d8')));
    expect(event.responses[0]!.message.text).toBe(whole.replies.at(-1));
  });

  it('replays a session recorded with the real clock and random exactly, from the recording', async () => {
    const { session } = await rolled(ROLLS, { ...DEFAULT_WASI_SETTINGS, real: true });
    expect(session.events.at(-1)!.hostCalls.find((call) => call.wasi !== undefined)?.wasi).toBe('real');
    const result = expectOk(await replay(exampleBytes('dice'), historyOf(session), { name: 'dice.wasm' }));
    expect(result.summary).toEqual({ total: 4, matched: 4, diverged: 0, skipped: 0, firstDivergence: null });
  });

  it('reports a divergence in host calls when the build reads more than the recording holds', async () => {
    const { session } = await rolled(['roll 2d6']);
    // The recording as a build that rolled one die fewer would have left it: its first random read gone.
    const events = session.events.map((event, i) => (i === session.events.length - 1 ? { ...event, hostCalls: event.hostCalls.filter((_, j) => j !== 0) } : event));
    const result = expectOk(await replay(exampleBytes('dice'), { events, state: (ref) => session.state(ref) }, { name: 'dice.wasm' }));
    expect(result.summary.firstDivergence).toBe(2);
    expect(result.comparisons[2]!.differences.map((d) => d.aspect)).toContain('hostCalls');
  });

  it('writes WASI calls into the Theater chain as HostFunction entries named as Theater names them', async () => {
    const { session } = await rolled(['roll 1d6']);
    const entries = JSON.parse(session.exportChain()) as Array<{ event_type: string; data: number[] }>;
    const random = entries.find((entry) => entry.event_type === `${RANDOM}/get-random-bytes`);
    const clock = entries.find((entry) => entry.event_type === `${WALL_CLOCK}/now`);
    expect(random && clock).toBeTruthy();
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(random!.data))) as Record<string, unknown>;
    expect(payload).toMatchObject({ category: 'HostFunction', interface: RANDOM, function: 'get-random-bytes' });
  });

  it('keeps the settings in a session file, and reads a file without them as the defaults', async () => {
    const wasi = { seed: 42, startMs: Date.UTC(2030, 5, 1), real: false };
    const { session } = await rolled(['roll 1d6'], wasi);
    const bytes = exampleBytes('dice');
    const file = (server: { delivery: 'interface'; wasi?: WasiSettings }) =>
      writeSessionFile({ component: { name: 'dice.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: session.connections, server, events: [...session.events], states: new Map(session.snapshot().states) }, false);
    expect(expectOk(await readSessionFile(await file({ delivery: 'interface', wasi: session.wasi }))).server?.wasi).toEqual(wasi);
    expect(expectOk(await readSessionFile(await file({ delivery: 'interface' }))).server?.wasi).toBeUndefined();
  });
});
