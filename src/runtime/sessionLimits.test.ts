import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../core/bytes';
import { LIMITS, type LimitKey, type Limits } from '../core/limits';
import { textMessage } from '../core/messages';
import type { ActorSession } from './session';
import { exampleBytes, expectOk, startExample, type ExampleName } from './testing/exampleActors';
import { ActorSession as Session } from './session';

/** Starts `name` under `limits`, with one connection open. */
async function opened(name: ExampleName, limits: Partial<Limits>): Promise<{ session: ActorSession; id: number }> {
  const { session } = await startExample(name, { limits });
  return { session, id: expectOk(await session.open()).connection.id };
}

/** Sends `text`, expecting a call stopped by the limit `key`: recorded as failed, nothing committed or sent. */
async function expectPastLimit(session: ActorSession, id: number, text: string, key: LimitKey) {
  const before = session.committedState;
  const eventsBefore = session.events.length;
  const { event } = expectOk(await session.send(id, textMessage(text)));
  expect(event.outcome).toMatchObject({ kind: 'trap', limit: LIMITS[key].code });
  expect(event.outcome.kind === 'trap' && event.outcome.message).toContain(`--${LIMITS[key].flag}`);
  expect(event.outcome.kind === 'trap' && event.outcome.message).toContain('Server settings → Limits');
  expect(event.responses).toEqual([]);
  expect(event.stateAfter).toBe(before);
  expect(session.committedState).toBe(before);
  expect(session.events).toHaveLength(eventsBefore + 1);
}

/** The next call answers, from the state committed before the failed one. */
async function expectAnswers(session: ActorSession, id: number, text: string, response: string) {
  const { event } = expectOk(await session.send(id, textMessage(text)));
  expect(event.outcome).toEqual({ kind: 'ok' });
  expect(event.responses.map((r) => r.message.text)).toEqual([response]);
}

describe('limits: a call past one fails with its own code, and the actor goes on', () => {
  it('refuses a component past the component size before transpiling it', async () => {
    const bytes = exampleBytes('echo');
    const started = await Session.start(bytes, { name: 'echo.wasm', limits: { componentBytes: bytes.length - 1 } });
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.error.code).toBe('component-too-large');
    expect(started.error.message).toContain(`${bytes.length.toLocaleString('en-US')} bytes is past the limit`);
  });

  it('fails a call whose state is past the state size (faulty: huge 1)', async () => {
    const { session, id } = await opened('faulty', { stateBytes: 1024 });
    await expectPastLimit(session, id, 'huge 1', 'stateBytes');
    await expectAnswers(session, id, 'hello', 'ok 2');
    expect(decodeUtf8(session.state(session.committedState)!)).toBe('{"calls":2}');
  });

  it('fails a call that sends more responses than allowed (counter: burst 3 of 2)', async () => {
    const { session, id } = await opened('counter', { responsesPerCall: 2 });
    await expectPastLimit(session, id, 'burst 3', 'responsesPerCall');
    await expectAnswers(session, id, 'inc', 'count: 1');
  });

  it('fails a call with a response past the bytes per response (echo)', async () => {
    const { session, id } = await opened('echo', { responseBytes: 4 });
    await expectPastLimit(session, id, 'hello', 'responseBytes');
    await expectAnswers(session, id, 'hi', 'hi');
  });

  it('stops a call that logs past the log bytes (faulty logs its input)', async () => {
    const { session, id } = await opened('faulty', { logBytesPerCall: 20 });
    await expectPastLimit(session, id, 'a message too long to log', 'logBytesPerCall');
    await expectAnswers(session, id, 'short', 'ok 2');
  });

  it('stops a call that logs more lines than allowed (faulty logs one line a call), every time', async () => {
    const { session, id } = await opened('faulty', { logLinesPerCall: 0 });
    await expectPastLimit(session, id, 'one', 'logLinesPerCall');
    // The instance was replaced: the next call runs (and is stopped the same way, this actor always logs).
    await expectPastLimit(session, id, 'two', 'logLinesPerCall');
  });

  it('stops a call that makes more host calls than allowed (imports: put logs and calls kv)', async () => {
    const { session, id } = await opened('imports', { hostCallsPerCall: 1 });
    await expectPastLimit(session, id, 'put a 1', 'hostCallsPerCall');
    const { event } = expectOk(await session.send(id, textMessage('nonsense')));
    expect(event.hostCalls.map((call) => call.function)).toEqual(['log']);
  });

  it("fails a call after which the instance's memory is past the limit, and replaces the instance (faulty: huge 40)", async () => {
    const { session, id } = await opened('faulty', { memoryBytes: 32 * 1024 * 1024 });
    await expectPastLimit(session, id, 'huge 40', 'memoryBytes');
    await expectAnswers(session, id, 'hello', 'ok 2');
  });
});
