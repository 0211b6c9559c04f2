import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { logsOf } from '../../core/hostCalls';
import { textMessage } from '../../core/messages';
import { cacheFromEnvironment } from '../../cli/fileComponentCache';
import { ActorSession } from '../../runtime/session';
import { expectOk } from '../../runtime/testing/exampleActors';
import { buildActor, formatActorBuildError, type ActorBuildError } from './buildActor';

// The build's output, loaded and run by the real runtime: a component that builds but does not
// answer would be no build at all.

const echoSource = readFileSync(fileURLToPath(new URL('../../examples/echo/echo.js', import.meta.url)), 'utf8');

/** Counts messages in its state and logs each one: init, the runtime import and the state all used. */
const counting = `import { log } from 'theater:simple/runtime';

export const actor = {
  init(state) {
    log('counting started');
    return [state ?? new Uint8Array([0])];
  },
};

export const websocketServer = {
  handleMessage(state, [message]) {
    const count = state[0] + 1;
    log('message ' + count);
    const reply = message.ty.tag === 'text' ? [{ ty: { tag: 'text' }, text: count + ': ' + message.text, data: null }] : [];
    return [new Uint8Array([count]), [{ messages: reply }]];
  },
};
`;

async function start(bytes: Uint8Array): Promise<Awaited<ReturnType<typeof ActorSession.start>> & { ok: true }> {
  const started = await ActorSession.start(bytes, { name: 'built.wasm', cache: cacheFromEnvironment() });
  if (!started.ok) throw new Error(`the built actor did not start: ${started.error.message}`);
  return started;
}

async function buildError(source: string): Promise<ActorBuildError> {
  const built = await buildActor({ source });
  if (built.ok) throw new Error('expected the build to fail');
  return built.error;
}

describe('buildActor: a JavaScript actor to a component the runtime runs', () => {
  it('builds echo.js, which exports no actor, with a default init that keeps the state, and it answers', async () => {
    const built = expectOk(await buildActor({ source: echoSource }));
    expect(built.addedDefaultInit).toBe(true);
    expect([...built.bytes.slice(0, 8)]).toEqual([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]); // a component, not a core module
    const { value } = await start(built.bytes);
    expect(value.init?.event.outcome).toEqual({ kind: 'ok' });
    expect(value.session.state(value.session.committedState)).toBeUndefined();
    const { connection, recorded } = expectOk(await value.session.open());
    expect(recorded.event.responses.map((r) => r.frame)).toEqual([{ frame: 'text', text: 'Welcome! You are connected to the echo actor.' }]);
    const { event } = expectOk(await value.session.send(connection.id, textMessage('hello')));
    expect(event.responses.map((r) => r.frame)).toEqual([{ frame: 'text', text: 'hello' }]);
  });

  it('keeps an actor export of its own: its init runs, its logs reach the host, its state grows', async () => {
    const built = expectOk(await buildActor({ source: counting }));
    expect(built.addedDefaultInit).toBe(false);
    const { value } = await start(built.bytes);
    expect(logsOf(value.init!.event.hostCalls)).toEqual(['counting started']);
    const { connection } = expectOk(await value.session.open());
    const { event } = expectOk(await value.session.send(connection.id, textMessage('hi')));
    expect(event.responses.map((r) => r.message.text)).toEqual(['2: hi']);
    expect(logsOf(event.hostCalls)).toEqual(['message 2']);
    expect(value.session.state(value.session.committedState)).toEqual(new Uint8Array([2]));
  });

  it('builds a source that has an unexported `actor` of its own', async () => {
    const built = expectOk(await buildActor({ source: `const actor = 'mine';\n${echoSource}` }));
    expect(built.addedDefaultInit).toBe(true);
  });
});

describe('buildActor: mistakes in the source, at their place', () => {
  it('says a syntax error as file:line:col, from QuickJS', async () => {
    const error = await buildError('export const websocketServer = {\n  handleMessage(state, [message]) {\n    return [state, [{ messages: [] }]\n  },\n};\n');
    expect(error).toMatchObject({ code: 'syntax', line: 4, column: 3 });
    expect(formatActorBuildError('my-actor.js', error)).toBe("my-actor.js:4:3: syntax error: Unexpected token '}'");
  });

  it('refuses the wrong exports before building, at the export', async () => {
    expect(await buildError('\nexport const websocketserver = {};\n')).toMatchObject({ code: 'exports', line: 2, column: 14, message: expect.stringContaining('did you mean `websocketServer`?') });
    expect(await buildError('export const actor = { init(s) { return [s]; } };\n')).toMatchObject({ code: 'exports', line: 1, column: 1, message: expect.stringContaining('does not export `websocketServer`') });
    expect(await buildError(`${echoSource}\nexport default 1;\n`)).toMatchObject({ code: 'exports', message: expect.stringContaining('default export') });
  });

  it('points an import the world lacks at its import statement, and top-level code that throws at its line', async () => {
    const body = 'export const websocketServer = { handleMessage(s, [m]) { return [s, [{ messages: [] }]]; } };\n';
    expect(await buildError(`${body}import { nope } from 'theater:simple/runtime';\n`)).toMatchObject({ code: 'import', line: 2, column: 1, message: expect.stringContaining("Could not find export 'nope'") });
    expect(await buildError(`${body}import './helper.js';\n`)).toMatchObject({ code: 'import', line: 2, message: expect.stringContaining('can import only') });
    expect(await buildError(`${body}\nnull.foo;\n`)).toMatchObject({ code: 'top-level', line: 3, column: 1 });
  });
});
