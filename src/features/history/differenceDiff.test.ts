import { describe, expect, it } from 'vitest';
import { compareEvents, textMessage, utf8 } from '../../core';
import { expectOk, startExample } from '../../runtime/testing/exampleActors';
import { differenceDiff } from './differenceDiff';

const changed = (diff: ReturnType<typeof differenceDiff>) => diff?.segments.filter((s) => s.op !== 'equal' && s.op !== 'skip').map((s) => `${s.op}:${'text' in s ? s.text : ''}`);

describe('differenceDiff', () => {
  it('diffs two real counter events by their state bytes and their responses, word by word', async () => {
    const { session } = await startExample('counter');
    const { connection } = expectOk(await session.open());
    const two = expectOk(await session.send(connection.id, textMessage('inc 2'))).event;
    const three = expectOk(await session.send(connection.id, textMessage('inc'))).event;
    const differences = compareEvents(two, three);
    const state = differences.find((d) => d.aspect === 'state')!;
    // The report's own text for a state is a hash prefix; the diff reads the states themselves.
    expect(state.recorded).toMatch(/^sha256 /);
    expect(changed(differenceDiff(state, { recorded: session.state(two.stateAfter), replayed: session.state(three.stateAfter) }))).toEqual(['delete:2', 'insert:3']);
    expect(differenceDiff(state)).toBeUndefined();
    expect(changed(differenceDiff(differences.find((d) => d.aspect === 'responses')!))).toEqual(['delete:2', 'insert:3']);
  });

  it('shows binary states as hex, sixteen bytes a line', () => {
    const state = { aspect: 'state' as const, recorded: 'sha256 a…', replayed: 'sha256 b…' };
    const recorded = Uint8Array.from({ length: 20 }, (_, i) => i);
    const replayed = Uint8Array.from({ length: 20 }, (_, i) => (i === 17 ? 0xff : i));
    const diff = differenceDiff(state, { recorded, replayed })!;
    const text = diff.segments.map((s) => ('text' in s ? s.text : '')).join('');
    expect(text.split('\n')[0]).toBe('00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f');
    expect(changed(diff)).toEqual(['delete:11', 'insert:ff']);
    expect(changed(differenceDiff(state, { recorded: utf8('{"a":1}'), replayed: undefined }))).toEqual(['delete:{"a":1}']);
  });
});
