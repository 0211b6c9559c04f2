import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMessage, textMessage, toWire, type ActorAnswer, type BridgeRecord } from '../../../core';
import { ExchangeSequencer } from './exchangeSequencer';

const record = (direction: 'sent' | 'received', text: string): BridgeRecord => ({ connectionId: -1, input: textMessage(text), bridge: { direction, endpoint: 'ws://x/' }, startedAt: Date.now() });
const answer = (seq: number, ...texts: string[]): Promise<ActorAnswer> => Promise.resolve({ seq, outcome: { kind: 'ok' }, responses: texts.map((t) => toWire(textMessage(t))) });

/** What the sequencer handed on, as `direction text shadow-verdict` per record. */
function collector() {
  const emitted: string[] = [];
  const emit = (records: BridgeRecord[]) => {
    for (const r of records) emitted.push(`${r.bridge.direction} ${r.input.text ?? r.input.ty.tag}${r.bridge.shadow ? ` ${r.bridge.shadow.match ? 'same' : 'differs'}@${r.bridge.shadow.actorSeq}` : ''}`);
  };
  return { emitted, sequencer: new ExchangeSequencer(emit, { quietMs: 300, longestMs: 2000 }) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the shadow correlation rule: an answer is what the endpoint sends until the next message or 300 ms of quiet', () => {
  it('without shadow, hands every frame on at once, in order', async () => {
    const { emitted, sequencer } = collector();
    sequencer.sent(record('sent', 'a'));
    sequencer.received(record('received', 'b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(emitted).toEqual(['sent a', 'received b']);
  });

  it('holds a message and its answer until 300 ms pass without a frame, then hands them on with verdicts', async () => {
    const { emitted, sequencer } = collector();
    sequencer.sent(record('sent', 'hi'), answer(4, 'hi', 'there'));
    await vi.advanceTimersByTimeAsync(200);
    sequencer.received(record('received', 'hi'));
    await vi.advanceTimersByTimeAsync(200);
    sequencer.received(record('received', 'THERE'));
    await vi.advanceTimersByTimeAsync(299);
    expect(emitted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(emitted).toEqual(['sent hi differs@4', 'received hi same@4', 'received THERE differs@4']);
  });

  it('closes the exchange at the next message, so each answer is compared with its own message', async () => {
    const { emitted, sequencer } = collector();
    sequencer.sent(record('sent', 'one'), answer(1, 'one'));
    sequencer.received(record('received', 'one'));
    sequencer.sent(record('sent', 'two'), answer(2, 'two'));
    sequencer.received(record('received', 'two'));
    await vi.advanceTimersByTimeAsync(300);
    expect(emitted).toEqual(['sent one same@1', 'received one same@1', 'sent two same@2', 'received two same@2']);
  });

  it('never holds an exchange longer than 2 s after its message, however chatty the endpoint; later frames go on alone', async () => {
    const { emitted, sequencer } = collector();
    sequencer.sent(record('sent', 'tick?'), answer(1, 'tick'));
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(250);
      sequencer.received(record('received', 'tick'));
    }
    await vi.advanceTimersByTimeAsync(0);
    // Ticks at 250…1750 ms fall in the exchange, which closes at 2 s; those at 2000, 2250 and 2500 ms do not.
    expect(emitted).toEqual(['sent tick? differs@1', 'received tick same@1', ...Array<string>(6).fill('received tick differs@1'), ...Array<string>(3).fill('received tick')]);
  });

  it('waits for a slow actor without letting later frames overtake, and flush releases an open exchange at once', async () => {
    const { emitted, sequencer } = collector();
    let answerNow: (value: ActorAnswer) => void = () => {};
    sequencer.sent(record('sent', 'slow'), new Promise((resolve) => (answerNow = resolve)));
    sequencer.received(record('received', 'slow'));
    await vi.advanceTimersByTimeAsync(300);
    sequencer.received({ ...record('received', ''), input: makeMessage('close') });
    expect(emitted).toEqual([]);
    answerNow({ seq: 9, outcome: { kind: 'ok' }, responses: [toWire(textMessage('slow'))] });
    await sequencer.flush();
    expect(emitted).toEqual(['sent slow same@9', 'received slow same@9', 'received close']);
  });

  it('records without verdicts when the actor could not take the message', async () => {
    const { emitted, sequencer } = collector();
    sequencer.sent(record('sent', 'x'), Promise.resolve(null));
    sequencer.received(record('received', 'x'));
    await sequencer.flush();
    expect(emitted).toEqual(['sent x', 'received x']);
  });
});
