import { describe, expect, it } from 'vitest';
import { textMessage } from './messages';
import { expectOk, startExample } from '../runtime/testing/exampleActors';
import { waveTranscript } from './waveTranscript';

const header = { name: 'actor.wasm', sha256: 'ab12' };

describe('WAVE transcript of a history', () => {
  it('writes each call of a real session as `call -> result` below a comment naming the event', async () => {
    const { session } = await startExample('echo');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('hi "you"')));
    const lines = waveTranscript(header, session.events, (ref) => session.state(ref)).split('\n');

    expect(lines[0]).toBe(`// actor.wasm (sha256 ab12): ${session.events.length} events, values in WAVE`);
    const hi = lines.indexOf(`// #${session.events.length - 1} on connection ${connection.id}`);
    expect(lines[hi + 1]).toBe(
      'handle-message(none, ({ty: text, data: none, text: some("hi \\"you\\"")},)) -> ok((none, ({messages: [{ty: text, data: none, text: some("hi \\"you\\"")}]},)))',
    );
  });

  it('ends a trap in a comment, writes err as a value, and keeps states in full', async () => {
    const { session } = await startExample('faulty');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('err')));
    expectOk(await session.send(connection.id, textMessage('trap')));
    const text = waveTranscript(header, session.events, (ref) => session.state(ref));

    expect(text).toMatch(/\(\{ty: text, data: none, text: some\("err"\)\},\)\) -> err\("faulty: asked to fail"\)\n/);
    expect(text).toMatch(/\(\{ty: text, data: none, text: some\("trap"\)\},\)\) \/\/ trapped: \S.*\n/);
    expect(text).not.toContain('bytes]');
  });
});
