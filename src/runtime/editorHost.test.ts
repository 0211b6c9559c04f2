import { describe, expect, it } from 'vitest';
import { textMessage } from '../core/messages';
import { withEditorSource } from '../core/editor/editorSource';
import { thrownAt } from '../core/editor/sourceLocation';
import { cacheFromEnvironment } from '../cli/fileComponentCache';
import { cacheKeyOf } from './componentCache';
import { ActorSession } from './session';
import { exampleBytes, expectOk } from './testing/exampleActors';

const host = exampleBytes('editor-host');

async function startEditor(source: string) {
  return ActorSession.start(withEditorSource(host, source), { name: 'editor.js', cache: cacheFromEnvironment() });
}

const SHOUT = `import { log } from 'theater:simple/runtime';

export const websocketServer = {
  handleMessage(state, [message]) {
    log('got ' + message.ty.tag);
    if (message.ty.tag !== 'text') return [state, [{ messages: [] }]];
    return [state, [{ messages: [{ ty: { tag: 'text' }, text: message.text.toUpperCase(), data: null }] }]];
  },
};
`;

describe('the Editor host runs the source its bytes carry', () => {
  it('answers as the source says, with its imports of theater:simple/runtime recorded', async () => {
    const { session, init } = expectOk(await startEditor(SHOUT));
    // A source without init keeps the state it is given, as the standalone build does.
    expect(init?.event.outcome).toEqual({ kind: 'ok' });
    const { connection } = expectOk(await session.open());
    const { event } = expectOk(await session.send(connection.id, textMessage('hello')));
    expect(event.responses.map((r) => r.frame)).toEqual([{ frame: 'text', text: 'HELLO' }]);
    expect(event.hostCalls.map((c) => [c.interface, c.function, c.args])).toEqual([['theater:simple/runtime', 'log', ['got text']]]);
  });

  it('runs the source’s own init, and every edit shares the host’s cache key', async () => {
    const counter = `export const actor = { init(state) { return [new Uint8Array([7])]; } };
export const websocketServer = { handleMessage(state, [m]) { return [new Uint8Array([state[0] + 1]), [{ messages: [] }]]; } };`;
    const { session } = expectOk(await startEditor(counter));
    const { connection } = expectOk(await session.open());
    expect([...session.state(session.committedState)!]).toEqual([8]);
    expectOk(await session.send(connection.id, textMessage('x')));
    expect([...session.state(session.committedState)!]).toEqual([9]);
    expect(await cacheKeyOf(withEditorSource(host, counter))).toBe(await cacheKeyOf(host));
    // The cached host's info, with the size of these bytes.
    expect(session.info.size).toBe(withEditorSource(host, counter).length);
  });

  it('turns a thrown error into err with its message, and tells where it was thrown', async () => {
    const source = `export const websocketServer = {
  handleMessage(state, [message]) {
    const reply = null;
    return reply.messages;
  },
};
`;
    const { session } = expectOk(await startEditor(source));
    const { connection } = expectOk(await session.open());
    const { event } = expectOk(await session.send(connection.id, textMessage('x')));
    expect(event.outcome).toEqual({ kind: 'err', message: "cannot read property 'messages' of null" });
    const report = event.hostCalls.find((c) => c.function === 'report-error');
    expect(report?.interface).toBe('playground:editor/source');
    expect(report?.args.slice(0, 2)).toEqual(['TypeError', "cannot read property 'messages' of null"]);
    expect(thrownAt(String(report?.args[2]))).toEqual({ line: 4, column: 12 });
  });

  it('traps on a returned value of the wrong shape, as the standalone build does, after saying what was wrong', async () => {
    const { session } = expectOk(await startEditor("export const websocketServer = {\n  handleMessage(state, [m]) {\n    return m.text === 'list' ? [state, [{ messages: ['hi'] }]] : 'nope';\n  },\n};\n"));
    const { connection } = expectOk(await session.open());
    const reported = async (text: string) => {
      const { event } = expectOk(await session.send(connection.id, textMessage(text)));
      expect(event.outcome.kind).toBe('trap');
      return event.hostCalls.find((c) => c.function === 'report-error')?.args.slice(0, 2);
    };
    expect(await reported('x')).toEqual(['TypeError', 'handleMessage returned "nope": it must return [state, [{ messages: [...] }]]']);
    expect(await reported('list')).toEqual(['TypeError', "handleMessage returned \"hi\" as message 0: each message is { ty: { tag: 'text' }, text, data }"]);
  });

  it('reports where top-level code threw while the source loaded, and names what it exports', async () => {
    const started = await startEditor("// QuickJS has no TextEncoder\nconst encoder = new TextEncoder();\nexport const websocketServer = {};\n");
    if (started.ok) throw new Error('started');
    expect(started.error.message).toMatch(/init failed \(err: TextEncoder is not defined\)/);
    const report = started.error.initCalls?.find((c) => c.function === 'report-error');
    expect(thrownAt(String(report?.args[2]))).toMatchObject({ line: 2 });
    const misspelt = await startEditor('export const webSocketServer = { handleMessage() {} };');
    expect(misspelt.ok ? 'started' : misspelt.error.message).toMatch(/it exports webSocketServer\)/);
  });

  it('fails to start with the reason when the source has no handleMessage or the host has no source', async () => {
    const missing = await startEditor('export const actor = {};');
    expect(missing.ok ? 'started' : missing.error.message).toMatch(/must export websocketServer/);
    const bare = await ActorSession.start(host, { name: 'editor-host.wasm', cache: cacheFromEnvironment() });
    expect(bare.ok ? 'started' : bare.error.message).toMatch(/no actor source/);
  });
});
