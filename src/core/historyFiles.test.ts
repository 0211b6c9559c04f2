import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { historyFileOf } from './historyFiles';
import { textMessage } from './messages';
import { componentHash, sessionFileLines } from './sessionFile';
import { exampleBytes, expectOk, startExample } from '../runtime/testing/exampleActors';
import { readFixture, THEATER_CHAIN_FIXTURES } from '../runtime/testing/theaterChains';

describe('historyFileOf', () => {
  it("names Theater's chains in both formats, and the playground's session files, whatever the key order or layout", async () => {
    for (const name of THEATER_CHAIN_FIXTURES) expect(historyFileOf(readFixture(name)), name).toBe('chain');
    const { session } = await startExample('echo');
    const { connection } = expectOk(await session.open());
    expectOk(await session.send(connection.id, textMessage('hello')));
    expect(historyFileOf(`\uFEFF${session.exportChain()}`)).toBe('chain');
    const bytes = exampleBytes('echo');
    const snapshot = session.snapshot();
    // Version 2 uncompressed (`gunzip` of what the playground writes): its header line names the format.
    const lines = [...sessionFileLines({ component: { name: 'echo.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false)];
    expect(historyFileOf(lines.join('\n'))).toBe('session');
    // Version 1 as `jq -S` would write it: pretty, keys sorted, so `format` comes after the events.
    const version1 = JSON.parse(readFileSync(new URL('./fixtures/session-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const sorted = JSON.stringify(Object.fromEntries(Object.entries(version1).sort(([a], [b]) => a.localeCompare(b))), null, 2);
    expect(historyFileOf(sorted)).toBe('session');
  });

  it('names nothing else: other JSON objects, text, a component read as text', () => {
    for (const text of ['{"format":"another-tool","events":[]}', '{}', 'hello', '', new TextDecoder().decode(exampleBytes('minimal'))]) expect(historyFileOf(text), text.slice(0, 20)).toBeUndefined();
  });
});
