import { describe, expect, it } from 'vitest';
import { binaryMessage, makeMessage, textMessage } from '../core/messages';
import type { BridgeRecord } from '../core/events';
import { proxied } from './testing/proxiedFrames';
import { replay } from './replay';
import { exampleBytes, expectOk, startExample } from './testing/exampleActors';
import type { ActorSession } from './session';

/** A session of the echo example holding `records` as a proxy recorded them. */
async function recorded(records: BridgeRecord[]): Promise<ActorSession> {
  const { session } = await startExample('echo');
  expectOk(session.recordBridge(records));
  return session;
}

describe('replaying a conversation a proxy recorded', () => {
  it("re-runs the client's frames on a connection of the build and compares its wire frames with the upstream's answers", async () => {
    const c = proxied(-1, 7);
    const session = await recorded([
      c.open(),
      c.received(textMessage('hello from the upstream')),
      c.sent(textMessage('hi')),
      c.received(makeMessage('ping', { data: new Uint8Array([1]) })),
      c.received(textMessage('hi')),
      c.sent(binaryMessage(new Uint8Array([0, 255]))),
      c.received(binaryMessage(new Uint8Array([0, 255]))),
      c.sent(textMessage('bye')),
      c.received(textMessage('BYE')),
      c.closed(1000),
    ]);
    const result = expectOk(await replay(exampleBytes('echo'), { events: session.events, state: (ref) => session.state(ref) }, { name: 'echo.wasm' }));
    const bySeq = new Map(result.comparisons.map((c) => [c.seq, c]));
    const seqOf = (text: string) => session.events.find((e) => e.bridge?.direction === 'sent' && e.input?.text === text)!.seq;
    // The opening runs (echo's welcome is its answer to it, not compared, as live shadowing does not) on a connection after the recording's.
    expect(bySeq.get(0)!.skipped).toMatch(/a proxied client connected: the build takes it on connection #1/);
    expect(bySeq.get(0)!.replayed?.responses[0]?.message.text).toBe('Welcome! You are connected to the echo actor.');
    // A ping from the upstream is no part of the comparison; the text and the binary frame match.
    expect(bySeq.get(seqOf('hi'))).toMatchObject({ differences: [] });
    expect(bySeq.get(seqOf('hi'))!.skipped).toBeUndefined();
    expect(bySeq.get(5)).toMatchObject({ differences: [] });
    expect(bySeq.get(seqOf('bye'))!.differences).toEqual([{ aspect: 'upstream', recorded: 'text "BYE"', replayed: 'text "bye"' }]);
    // The upstream's own frames are what was compared with, not steps of their own.
    expect(bySeq.get(1)!.skipped).toBe("the upstream's frame, when no frame of the client's awaited an answer: not compared");
    expect(bySeq.get(4)!.skipped).toBe(`the upstream's frame: compared as its answer to #${seqOf('hi')}`);
    expect(bySeq.get(9)!.skipped).toMatch(/the proxied client closed: so does the build's connection #1/);
    expect(result.summary).toMatchObject({ matched: 2, diverged: 1, firstDivergence: seqOf('bye') });
  });

  it("leaves out what the actor in the page answered after a take-over (its own events are in the history) and goes on after the hand-back", async () => {
    const c = proxied(-2, 3);
    const session = await recorded([
      c.open(),
      c.switched('actor'),
      c.sent(textMessage('to the actor'), 'actor'),
      c.switched('upstream'),
      c.sent(textMessage('again')),
      c.received(textMessage('again')),
    ]);
    const result = expectOk(await replay(exampleBytes('echo'), { events: session.events, state: (ref) => session.state(ref) }, { name: 'echo.wasm' }));
    expect(result.comparisons.map((c) => (c.skipped === undefined ? (c.differences.length === 0 ? 'match' : 'diverged') : 'skipped'))).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'match', 'skipped']);
  });
});
