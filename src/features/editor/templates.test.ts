import { describe, expect, it } from 'vitest';
import { binaryMessage, textMessage } from '../../core/messages';
import { withEditorSource } from '../../core/editor/editorSource';
import { editorModule } from '../../core/editor/editorModule';
import { decodeUtf8 } from '../../core/bytes';
import { cacheFromEnvironment } from '../../cli/fileComponentCache';
import { ActorSession } from '../../runtime/session';
import { exampleBytes, expectOk } from '../../runtime/testing/exampleActors';
import { TEMPLATES, type TemplateName } from './templates';

/** Each template as the Editor runs it: the host component carrying the template's source. */
async function run(name: TemplateName) {
  const template = TEMPLATES.find((t) => t.name === name)!;
  expect(editorModule(template.source).ok).toBe(true);
  return expectOk(await ActorSession.start(withEditorSource(exampleBytes('editor-host'), template.source), { name: 'editor.js', cache: cacheFromEnvironment() })).session;
}

const texts = (event: { responses: ReadonlyArray<{ frame: unknown }> }) => event.responses.map((r) => (r.frame as { text?: string }).text);

describe('the Editor templates run in the Editor host as they say', () => {
  it('echo sends every message back', async () => {
    const session = await run('echo');
    const { connection } = expectOk(await session.open());
    expect(texts(expectOk(await session.send(connection.id, textMessage('héllo'))).event)).toEqual(['héllo']);
    const { event } = expectOk(await session.send(connection.id, binaryMessage(new Uint8Array([1, 2]))));
    expect(event.responses.map((r) => r.frame)).toEqual([{ frame: 'binary', data: new Uint8Array([1, 2]) }]);
  });

  it('counter keeps a JSON state the host hands back each call', async () => {
    const session = await run('counter');
    const { connection } = expectOk(await session.open());
    for (const command of ['inc', 'inc', 'dec']) expectOk(await session.send(connection.id, textMessage(command)));
    const { event } = expectOk(await session.send(connection.id, textMessage('get')));
    expect(texts(event)).toEqual(['count: 1']);
    expect(decodeUtf8(session.state(session.committedState)!)).toBe('{"count":1}');
  });

  it('chat room keeps the transcript in its state and answers only the sender', async () => {
    const session = await run('chat-room');
    const a = expectOk(await session.open()).connection;
    const b = expectOk(await session.open()).connection;
    // Past 64 KB of transcript, and in any script: the state's UTF-8 is the template's own.
    for (let i = 0; i < 20; i++) expectOk(await session.send(a.id, textMessage(`${'é'.repeat(2000)} ${i} 🎭`)));
    expect(decodeUtf8(session.state(session.committedState)!)).toContain(`${'é'.repeat(2000)} 19 🎭`);
    const said = expectOk(await session.send(a.id, textMessage('bonjour ✓'))).event;
    // No response names another connection: each goes to the one whose event produced it.
    expect(said.connectionId).toBe(a.id);
    expect(said.responses.map((r) => r.to)).toEqual([undefined]);
    expect(texts(expectOk(await session.send(b.id, textMessage('history'))).event)).toEqual([...Array.from({ length: 19 }, (_, i) => `${'é'.repeat(2000)} ${i + 1} 🎭`), 'bonjour ✓']);
  });

  it('binary protocol answers opcodes with bytes and keeps a running total', async () => {
    const session = await run('binary-protocol');
    const { connection } = expectOk(await session.open());
    const frames = [];
    for (const bytes of [[1, 200, 100], [2, 1, 2, 3], [3], [9]]) {
      frames.push(expectOk(await session.send(connection.id, binaryMessage(new Uint8Array(bytes)))).event.responses.map((r) => r.frame));
    }
    expect(frames).toEqual([
      [{ frame: 'binary', data: new Uint8Array([0x81, 44]) }],
      [{ frame: 'binary', data: new Uint8Array([0x82, 3, 2, 1]) }],
      [{ frame: 'binary', data: new Uint8Array([0x83, 0, 0, 0, 44]) }],
      [{ frame: 'binary', data: new Uint8Array([0xff, 9]) }],
    ]);
  });

  it('fails on purpose: err and a runtime error commit nothing', async () => {
    const session = await run('fails-on-purpose');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('add')));
    const refused = expectOk(await session.send(connection.id, textMessage('err'))).event;
    expect(refused.outcome).toEqual({ kind: 'err', message: 'refused on purpose (count would have been 2)' });
    const crashed = expectOk(await session.send(connection.id, textMessage('crash'))).event;
    expect(crashed.outcome.kind).toBe('err');
    expect(crashed.hostCalls.some((c) => c.function === 'report-error')).toBe(true);
    expect(texts(expectOk(await session.send(connection.id, textMessage('count'))).event)).toEqual(['count: 1']);
  });
});
