import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { componentHash, textMessage, writeSessionFile } from '../core';
import type { ChainEntry } from '../core/chain/chain';
import { ActorSession } from '../runtime';
import { quitterActor } from '../runtime/testing/builtActor';
import { exampleBytes, expectOk, startExample } from '../runtime/testing/exampleActors';
import { proxied } from '../runtime/testing/proxiedFrames';
import { generationActor, withCustomSection } from '../runtime/testing/theaterGenerations';
import { fixturePath, hostCall, shutdownEntry, writeChain, type TheaterChainFixture, type WrittenEntry } from '../runtime/testing/theaterChains';
import { main } from './replayCli';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
const sessionPath = join(dir, 'counter-session.json');
const chainPath = join(dir, 'counter-chain.json');

/** The command line exactly as `npm run replay` runs it, as a separate process: its exit code is the process's. */
async function replayProcess(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--experimental-wasm-extended-const', '--import', 'tsx', 'scripts/replay.ts', ...args]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

/**
 * The same command line in this process (`main`, which scripts/replay.ts calls): what it prints
 * and the code it returns, without starting Node and tsx again for every case (about 2 s each).
 * It still replays in a worker thread of its own, as the command does.
 */
async function replayCli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const print = (text: unknown) => void (out += `${String(text)}\n`);
  vi.spyOn(console, 'log').mockImplementation(print);
  vi.spyOn(console, 'error').mockImplementation(print);
  const code = await main(args);
  return { code, out };
}
afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  for (const command of ['inc 2', 'inc', 'get']) expectOk(await session.send(connection.id, textMessage(command)));
  const snapshot = session.snapshot();
  const bytes = exampleBytes('counter');
  writeFileSync(sessionPath, new Uint8Array(await (await writeSessionFile({ component: { name: 'counter.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false)).arrayBuffer()));
  writeFileSync(chainPath, session.exportChain());
});

describe('npm run replay', () => {
  it("replays an http-framework actor's session file: the same build matches, one that stops broadcasting diverges at the broadcast", async () => {
    const { session } = await startExample('chat-room');
    const opened = [expectOk(await session.open()), expectOk(await session.open())];
    expectOk(await session.send(opened[0]!.connection.id, textMessage('hello room')));
    const snapshot = session.snapshot();
    const bytes = exampleBytes('chat-room');
    const path = join(dir, 'chat-room-session.json');
    writeFileSync(path, new Uint8Array(await (await writeSessionFile({ component: { name: 'chat-room.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false)).arrayBuffer()));
    const same = await replayCli('--actor', 'public/actors/chat-room.wasm', '--session', path);
    expect(same.out).toMatch(/4 of 4 events matched, 0 diverged/);
    expect(same.code).toBe(0);
    const changed = await replayCli('--actor', 'public/actors/chat-room-v2.wasm', '--session', path);
    expect(changed.out).toMatch(/first divergence at event #3/);
    expect(changed.code).toBe(1);
  });

  it('exits 0 when the same build replays a session identically', async () => {
    const { code, out } = await replayProcess('--actor', 'public/actors/counter.wasm', '--session', sessionPath);
    expect(out).toMatch(/5 of 5 events matched, 0 diverged/);
    expect(code).toBe(0);
  });

  it('runs the build under the limits its flags give: past one, a call fails with that limit and the replay diverges', async () => {
    const { code, out } = await replayCli('--actor', 'public/actors/counter.wasm', '--session', sessionPath, '--max-responses', '0');
    expect(out).toMatch(/Responses per call limit: 1 response is past the limit of 0 responses/);
    expect(code).toBe(1);
    const size = exampleBytes('counter').length;
    const refused = await replayCli('--actor', 'public/actors/counter.wasm', '--session', sessionPath, '--max-component-bytes', '1000');
    expect(refused.out.trim()).toBe(`public/actors/counter.wasm: Component size limit: ${size.toLocaleString('en-US')} bytes is past the limit of 1,000 bytes. Raise it in Server settings → Limits (Component size), or with --max-component-bytes on the command line.`);
    expect(refused.code).toBe(2);
  });

  it('exits 1 and names the first divergence for a changed build', async () => {
    const { code, out } = await replayCli('--actor', 'public/actors/counter-v2.wasm', '--session', sessionPath);
    expect(out).toMatch(/first divergence at event #3/);
    expect(out).toMatch(/responses: recorded .*count: 3/);
    expect(code).toBe(1);
  });

  it('prints with --json the summary and the first divergence: its event and each difference, recorded and replayed', async () => {
    const changed = await replayCli('--actor', 'public/actors/counter-v2.wasm', '--session', sessionPath, '--json');
    const report = JSON.parse(changed.out) as { firstDivergence: number; diverged: number; divergence: { seq: number; differences: Array<{ aspect: string; recorded: string; replayed: string }> } };
    expect(report).toMatchObject({ firstDivergence: 3, divergence: { seq: 3 } });
    expect(report.diverged).toBeGreaterThan(0);
    expect(report.divergence.differences).toContainEqual({ aspect: 'responses', recorded: expect.stringContaining('count: 3'), replayed: expect.any(String) });
    expect(changed.code).toBe(1);
    const same = await replayCli('--actor', 'public/actors/counter.wasm', '--session', sessionPath, '--json');
    expect(JSON.parse(same.out)).toEqual({ total: 5, matched: 5, diverged: 0, skipped: 0, firstDivergence: null, divergence: null });
    expect(same.code).toBe(0);
  });

  it('replays a Theater chain too', async () => {
    expect((await replayCli('--actor', 'public/actors/counter.wasm', '--chain', chainPath)).code).toBe(0);
    expect((await replayCli('--actor', 'public/actors/counter-v2.wasm', '--chain', chainPath)).code).toBe(1);
  });

  it('exits 2 with a reason for unusable input', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"format":"theater-playground-session","version":1}');
    const { code, out } = await replayProcess('--actor', 'public/actors/counter.wasm', '--session', join(dir, 'bad.json'));
    expect(code).toBe(2);
    expect(out).toMatch(/Not a valid session file: component/);
  });
});

describe('npm run replay on a session a proxy recorded', () => {
  it("re-runs the real client's frames against the build and compares with the upstream's answers: a captured conversation as a regression test", async () => {
    const { session } = await startExample('echo');
    const c = proxied(-1, 1);
    expectOk(session.recordBridge([c.open(), c.sent(textMessage('ping?')), c.received(textMessage('ping?')), c.sent(textMessage('inc 2')), c.received(textMessage('inc 2')), c.closed(1000)]));
    const snapshot = session.snapshot();
    const bytes = exampleBytes('echo');
    const path = join(dir, 'proxied-session.json');
    writeFileSync(path, new Uint8Array(await (await writeSessionFile({ component: { name: 'echo.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false)).arrayBuffer()));
    const same = await replayCli('--actor', 'public/actors/echo.wasm', '--session', path);
    expect(same.out).toMatch(/^2 of 6 events matched, 0 diverged, 4 skipped/);
    expect(same.code).toBe(0);
    // Another actor answers the same client otherwise: the first frame it answers differently is named, with both answers.
    const other = await replayCli('--actor', 'public/actors/counter.wasm', '--session', path);
    expect(other.out).toMatch(/first divergence at event #1/);
    expect(other.out).toMatch(/upstream: recorded text "ping\?"\n\s+replayed text "stored \(1 items\)"/);
    expect(other.out).toMatch(/#2 {2}skipped: the upstream's frame: compared as its answer to #1/);
    expect(other.code).toBe(1);
  });
});

describe("npm run replay on Theater's chains", () => {
  const chainFixture = (name: TheaterChainFixture) => fixturePath(name);

  it("exits 1 for fixtures whose recorded calls this actor truly answers otherwise, listing read-only entries as skipped", async () => {
    // Echo has no init and answers "hello" with "hello", where the recorded actor said "you said hello".
    const websocket = await replayCli('--actor', 'public/actors/echo.wasm', '--chain', chainFixture('websocket.json'));
    expect(websocket.out).toMatch(/^0 of 5 events matched, 5 diverged, 0 skipped\nfirst divergence at event #0\n/);
    expect(websocket.out).toMatch(/#2 {2}DIVERGES\n(?:.*\n)*?\s+responses: recorded .*you said hello.*\n\s+replayed .*"text":"hello"/);
    expect(websocket.code).toBe(1);
    // The counter's init logs and commits its own state, not the greeter's; the shutdown is shown, not replayed.
    const hostValues = await replayCli('--actor', 'public/actors/counter.wasm', '--chain', chainFixture('host-values.json'));
    expect(hostValues.out).toMatch(/^0 of 2 events matched, 1 diverged, 1 skipped\n/);
    expect(hostValues.out).toContain('#1  skipped: from an imported Theater chain, shown and not replayable: Theater recorded the actor stopping here');
    expect(hostValues.code).toBe(1);
    const initLogs = await replayCli('--actor', 'public/actors/counter.wasm', '--chain', chainFixture('init-logs.json'));
    expect(initLogs.out).toMatch(/#0 {2}DIVERGES\n\s+state: /);
    expect(initLogs.code).toBe(1);
  });

  it('exits 2 with one line, never a stack trace, for every chain or file it cannot use', async () => {
    const nothing = join(dir, 'nothing-replayable.json');
    writeFileSync(nothing, writeChain([hostCall('theater:simple/runtime', 'log', 'alone', null), shutdownEntry]));
    writeFileSync(join(dir, 'not-json.json'), '[{"hash": [1, 2');
    const cases: Array<[string[], RegExp]> = [
      [['--chain', chainFixture('tampered-entry-2.json')], /tampered-entry-2\.json: Entry 2 \(theater:simple\/runtime\/log\) was altered: its hash does not match its content\. Nothing was replayed\.$/],
      [['--chain', chainFixture('broken-parent-4.json')], /broken-parent-4\.json: Entry 4: its parent_hash .* broken parent link/],
      [['--chain', chainFixture('greeter.chain')], /greeter\.chain: Theater's text chain format \(\.chain\): .* nothing to replay/],
      [['--chain', nothing], /nothing-replayable\.json: the chain verifies \(2 entries\) but holds no init or websocket-server handle-message call: nothing in it can be replayed\.$/],
      [['--chain', join(dir, 'not-json.json')], /not-json\.json: This is neither a Theater chain in JSON/],
      [['--chain', join(dir, 'missing.json')], /missing\.json: cannot read the file \(it does not exist\)\.$/],
      [['--chain', dir], /: cannot read the file \(it is a folder\)\.$/],
    ];
    for (const [args, message] of cases) {
      const { code, out } = await replayCli('--actor', 'public/actors/counter.wasm', ...args);
      expect(out.trim().split('\n'), out).toHaveLength(1);
      expect(out.trim()).toMatch(message);
      expect(code).toBe(2);
    }
    const noActor = await replayCli('--actor', join(dir, 'missing.wasm'), '--chain', chainPath);
    expect([noActor.code, noActor.out.trim()]).toEqual([2, `${join(dir, 'missing.wasm')}: cannot read the file (it does not exist).`]);
  });
});

describe('npm run replay on an ntwk:theater actor that keeps its actor id, against a rebuilt copy', () => {
  it('feeds the recorded id: from the session file\'s component hash, and from the chain\'s init', async () => {
    const { bytes } = await generationActor('ntwk-2025-04');
    const { session } = expectOk(await ActorSession.start(bytes, { name: 'ntwk.wasm' }));
    const { connection } = expectOk(await session.open());
    for (const text of ['hello', 'chain']) expectOk(await session.send(connection.id, textMessage(text)));
    const snapshot = session.snapshot();
    const ntwkSession = join(dir, 'ntwk-session.json');
    const ntwkChain = join(dir, 'ntwk-chain.json');
    const rebuilt = join(dir, 'ntwk-rebuilt.wasm');
    writeFileSync(ntwkSession, new Uint8Array(await (await writeSessionFile({ component: { name: 'ntwk.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false)).arrayBuffer()));
    writeFileSync(ntwkChain, session.exportChain());
    // Another hash, so another id of its own: the actor would log it and answer with it from init on.
    writeFileSync(rebuilt, withCustomSection(bytes));
    for (const input of [['--session', ntwkSession], ['--chain', ntwkChain]]) {
      const { code, out } = await replayCli('--actor', rebuilt, ...input);
      expect(out).toMatch(/^4 of 4 events matched, 0 diverged, 0 skipped\nno divergence\n?$/);
      expect(code).toBe(0);
    }
  });
});

describe('npm run replay on an actor that calls shutdown(none) and shutdown(some(bytes))', () => {
  it('exits 0 for the same build, from the chain it exported as from its session, and 1 where the chain says another argument', async () => {
    const { path, bytes } = await quitterActor();
    const { session } = expectOk(await ActorSession.start(bytes, { name: 'quitter.wasm' }));
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('quit')));
    const snapshot = session.snapshot();
    const quitterSession = join(dir, 'quitter-session.json');
    const quitterChain = join(dir, 'quitter-chain.json');
    writeFileSync(quitterSession, new Uint8Array(await (await writeSessionFile({ component: { name: 'quitter.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false)).arrayBuffer()));
    const exported = session.exportChain();
    writeFileSync(quitterChain, exported);
    for (const input of [['--session', quitterSession], ['--chain', quitterChain]]) {
      const { code, out } = await replayCli('--actor', path, ...input);
      expect(out).toMatch(/^2 of 2 events matched, 0 diverged, 0 skipped\nno divergence\n?$/);
      expect(code).toBe(0);
    }
    // The same chain as a build that stopped with "bx" instead of "bye" would have written it.
    const entries: WrittenEntry[] = (JSON.parse(exported) as ChainEntry[]).map((e) => ({ eventType: e.event_type, bytes: e.data }));
    const withBytes = entries.map((e) => e.eventType).lastIndexOf('theater:simple/runtime/shutdown');
    entries[withBytes] = hostCall('theater:simple/runtime', 'shutdown', [98, 120], null);
    const otherChain = join(dir, 'quitter-other.json');
    writeFileSync(otherChain, writeChain(entries));
    const other = await replayCli('--actor', path, '--chain', otherChain);
    expect(other.out).toMatch(/#1 {2}DIVERGES\n\s+hostCalls: recorded .*"input":\[98,120\].*\n\s+replayed .*"input":\[98,121,101\]/);
    expect(other.code).toBe(1);
  });
});

describe('npm run replay with the WASI settings', () => {
  it('feeds a dice session its recorded rolls whatever --seed says, and refuses a seed or start that is not one', async () => {
    const { session } = await startExample('dice');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('roll 3d6')));
    const bytes = exampleBytes('dice');
    const { events, states, connections } = session.snapshot();
    const dicePath = join(dir, 'dice-session.json');
    writeFileSync(dicePath, new Uint8Array(await (await writeSessionFile({ component: { name: 'dice.wasm', sha256: componentHash(bytes), size: bytes.length }, connections, server: { delivery: 'interface', wasi: session.wasi }, events, states: new Map(states) }, false)).arrayBuffer()));
    const replayed = await replayCli('--actor', 'public/actors/dice.wasm', '--session', dicePath, '--seed', '99', '--start', '2030-01-01T00:00:00Z');
    expect(replayed.out).toMatch(/^3 of 3 events matched, 0 diverged/);
    expect(replayed.code).toBe(0);
    for (const [flag, value, message] of [['--seed', 'abc', /^--seed: The seed "abc" is not a whole number from 0 to 4294967295/], ['--start', 'soon', /^--start: The start time "soon" is not a date and time/]] as const) {
      const { code, out } = await replayCli('--actor', 'public/actors/dice.wasm', '--session', dicePath, flag, value);
      expect(out).toMatch(message);
      expect(code).toBe(2);
    }
  });
});

describe('npm run replay on arguments it cannot use', () => {
  const usageLine = /npm run replay -- --actor new\.wasm \(--session recorded\.json \| --chain chain\.json\)/;

  it('refuses --from and --timeout values that are not whole numbers in range, saying which, then the usage', async () => {
    const cases: Array<[string[], string]> = [
      [['--from', 'abc'], '--from takes a whole number of 0 or more (the recorded event to replay from), not "abc".'],
      [['--from', '-1'], '--from takes a whole number of 0 or more (the recorded event to replay from), not "-1".'],
      [['--from=1.5'], '--from takes a whole number of 0 or more (the recorded event to replay from), not "1.5".'],
      [['--timeout', 'abc'], '--timeout takes a whole number of 1 or more (milliseconds a call may run before it is stopped), not "abc".'],
      [['--timeout', '0'], '--timeout takes a whole number of 1 or more (milliseconds a call may run before it is stopped), not "0".'],
    ];
    for (const [args, message] of cases) {
      const { code, out } = await replayCli('--actor', 'public/actors/counter.wasm', '--session', sessionPath, ...args);
      expect(out.split('\n')[0]).toBe(message);
      expect(out).toMatch(usageLine);
      expect(code).toBe(2);
    }
    // A seed below 0 given apart from its flag is a seed out of range too, said with the range (before any file is read), not taken for a missing value.
    const seed = await replayCli('--actor', 'public/actors/counter.wasm', '--session', join(dir, 'missing.json'), '--seed', '-3');
    expect(seed.out.split('\n')[0]).toBe('--seed: The seed "-3" is not a whole number from 0 to 4294967295: give one such as 1 or 42.');
    expect(seed.out).toMatch(usageLine);
    expect(seed.code).toBe(2);
    // Past the recording's events: the session is named, with the events it has.
    const past = await replayCli('--actor', 'public/actors/counter.wasm', '--session', sessionPath, '--from', '99');
    expect(past.out.trim()).toBe(`${sessionPath}: There is no event #99 to replay from: the history has 5 events (#0 to #4).`);
    expect(past.code).toBe(2);
    // In range, they are taken: the replay starts at event 3 of 5.
    const { code, out } = await replayCli('--actor', 'public/actors/counter.wasm', '--session', sessionPath, '--from', '3', '--timeout', '2000');
    expect(out).toMatch(/^2 of 2 events matched/);
    expect(code).toBe(0);
  });

  it("prints parseArgs' own refusal as lines, not as escaped \\n, then the usage", async () => {
    const { code, out } = await replayCli('--actor', '--session', sessionPath);
    expect(out).not.toContain('\\n');
    expect(out.split('\n').slice(0, 2)).toEqual(["Option '--actor' argument is ambiguous.", "Did you forget to specify the option argument for '--actor'?"]);
    expect(out).toMatch(usageLine);
    expect(code).toBe(2);
  });

  it('says so when a session is given as --chain, a chain as --session or a component as either, and prints a binary file\'s message as one line', async () => {
    // A real PNG (1×1 pixel): its bytes hold a carriage return, a line feed and other control characters.
    const png = join(dir, 'picture.png');
    writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
    const cases: Array<[string[], RegExp]> = [
      [['--chain', sessionPath], /counter-session\.json: this is a playground session file, not a Theater chain: pass it with --session\.$/],
      [['--session', chainPath], /counter-chain\.json: this is a Theater chain, not a playground session file: pass it with --chain\.$/],
      [['--session', fixturePath('greeter.chain')], /greeter\.chain: this is a Theater chain, not a playground session file: pass it with --chain\.$/],
      [['--chain', 'public/actors/counter.wasm'], /counter\.wasm: this is a WebAssembly file, not a Theater chain: pass the component with --actor\.$/],
      [['--chain', png], /picture\.png: This is neither a Theater chain in JSON .*PNG\\r\\n\\u001a\\n.* Nothing was replayed\.$/],
    ];
    for (const [args, message] of cases) {
      const { code, out } = await replayCli('--actor', 'public/actors/counter.wasm', ...args);
      expect(out.trim().split('\n'), out).toHaveLength(1);
      expect(out.trim()).not.toMatch(/[\p{Cc}]/u);
      expect(out.trim()).toMatch(message);
      expect(code).toBe(2);
    }
  });
});
