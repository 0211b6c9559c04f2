import { describe, expect, it } from 'vitest';
import { binaryMessage, makeMessage, textMessage, toWire, type CallOutcome } from './index';
import { compareExchange } from './shadowCompare';

const ok: CallOutcome = { kind: 'ok' };
const actor = (messages: ReturnType<typeof makeMessage>[], outcome: CallOutcome = ok) => ({ seq: 7, outcome, responses: messages.map(toWire) });

describe('shadow mode: comparing the endpoint answer with what the actor would put on the wire', () => {
  it('matches frame by frame, text and binary, kind and payload', () => {
    const verdict = compareExchange([textMessage('hi'), binaryMessage(new Uint8Array([1, 2]))], actor([textMessage('hi'), binaryMessage(new Uint8Array([1, 2]))]));
    expect(verdict).toEqual({ exchange: { actorSeq: 7, match: true }, frames: [{ actorSeq: 7, match: true }, { actorSeq: 7, match: true }] });
  });

  it('says which frame differs and how, on the exchange and on that frame', () => {
    const verdict = compareExchange([textMessage('HELLO'), binaryMessage(new Uint8Array([1]))], actor([textMessage('hello'), binaryMessage(new Uint8Array([2]))]));
    expect(verdict.exchange).toEqual({
      actorSeq: 7,
      match: false,
      detail: 'frame 1: the endpoint sent text "HELLO", the actor would send text "hello"; frame 2: the endpoint sent binary 1 bytes (01), the actor would send binary 1 bytes (02)',
    });
    expect(verdict.frames.map((f) => f?.match)).toEqual([false, false]);
    expect(verdict.frames[0]!.detail).toBe('frame 1: the endpoint sent text "HELLO", the actor would send text "hello"');
  });

  it('counts missing and extra frames either way', () => {
    expect(compareExchange([], actor([textMessage('only the actor')])).exchange.detail).toBe('the actor would also send text "only the actor", which the endpoint did not send');
    const extra = compareExchange([textMessage('a'), textMessage('b')], actor([textMessage('a')]));
    expect(extra.exchange.detail).toBe('frame 2: the endpoint sent text "b", the actor would send nothing more');
    expect(extra.frames.map((f) => f?.match)).toEqual([true, false]);
  });

  it('leaves out what a page cannot see (pings, pongs) and what Theater drops; a close matches a close whatever its code', () => {
    const responses = [makeMessage('pong', { data: new Uint8Array([1]) }), makeMessage('text'), makeMessage('other', { other: 'x' }), makeMessage('close')];
    expect(compareExchange([makeMessage('close')], actor(responses)).exchange.match).toBe(true);
  });

  it("gives the endpoint's pings and pongs (a proxied upstream's) no verdict and compares around them", () => {
    const upstream = [makeMessage('ping', { data: new Uint8Array([9]) }), textMessage('hi'), makeMessage('pong', { data: new Uint8Array(0) })];
    const verdict = compareExchange(upstream, actor([textMessage('hi')]));
    expect(verdict.exchange).toEqual({ actorSeq: 7, match: true });
    expect(verdict.frames).toEqual([undefined, { actorSeq: 7, match: true }, undefined]);
  });

  it('reports a failed actor call as a difference even when neither side sent anything', () => {
    const verdict = compareExchange([], actor([], { kind: 'trap', message: 'unreachable' }));
    expect(verdict.exchange).toEqual({ actorSeq: 7, match: false, detail: "the actor's call ended in trap: unreachable" });
  });

  it('spells out three differences and counts the rest', () => {
    const theirs = ['1', '2', '3', '4', '5'].map(textMessage);
    expect(compareExchange(theirs, actor([])).exchange.detail).toMatch(/frame 3: .*; and 2 more$/);
  });
});
