import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { componentHash, textMessage, writeSessionFile } from '../engine';
import { exampleBytes, expectOk, startExample } from '../engine/testing/exampleActors';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
const sessionPath = join(dir, 'counter-session.json');
const chainPath = join(dir, 'counter-chain.json');

/** The command line exactly as `npm run replay` runs it, as a separate process. */
async function replayCli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--experimental-wasm-extended-const', '--import', 'tsx', 'scripts/replay.ts', ...args]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  const { session } = await startExample('counter');
  const { connection } = expectOk(await session.open());
  for (const command of ['inc 2', 'inc', 'get']) expectOk(await session.send(connection.id, textMessage(command)));
  const snapshot = session.snapshot();
  const bytes = exampleBytes('counter');
  writeFileSync(sessionPath, writeSessionFile({ component: { name: 'counter.wasm', sha256: componentHash(bytes), size: bytes.length }, connections: snapshot.connections, events: snapshot.events, states: new Map(snapshot.states) }, false));
  writeFileSync(chainPath, session.exportChain());
});

describe('npm run replay', () => {
  it('exits 0 when the same build replays a session identically', async () => {
    const { code, out } = await replayCli('--actor', 'public/actors/counter.wasm', '--session', sessionPath);
    expect(out).toMatch(/5 of 5 events matched, 0 diverged/);
    expect(code).toBe(0);
  });

  it('exits 1 and names the first divergence for a changed build', async () => {
    const { code, out } = await replayCli('--actor', 'public/actors/counter-v2.wasm', '--session', sessionPath);
    expect(out).toMatch(/first divergence at event #3/);
    expect(out).toMatch(/responses: recorded .*count: 3/);
    expect(code).toBe(1);
  });

  it('replays a Theater chain too', async () => {
    expect((await replayCli('--actor', 'public/actors/counter.wasm', '--chain', chainPath)).code).toBe(0);
    expect((await replayCli('--actor', 'public/actors/counter-v2.wasm', '--chain', chainPath)).code).toBe(1);
  });

  it('exits 2 with a reason for unusable input', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"format":"theater-playground-session","version":1}');
    const { code, out } = await replayCli('--actor', 'public/actors/counter.wasm', '--session', join(dir, 'bad.json'));
    expect(code).toBe(2);
    expect(out).toMatch(/Not a valid session file: component/);
  });
});
