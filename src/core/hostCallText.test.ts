import { describe, expect, it } from 'vitest';
import { readChain } from './chain/chainHistory';
import type { HostCall } from './hostCalls';
import { hostCallText } from './hostCallText';
import { textMessage } from './messages';
import { ActorSession } from '../runtime/session';
import { quitterActor } from '../runtime/testing/builtActor';
import { expectOk } from '../runtime/testing/exampleActors';
import { readFixture } from '../runtime/testing/theaterChains';

/** The host calls of one text sent to the quitter, which calls runtime.shutdown(none), then shutdown(some(bytes)). */
async function quitterCalls(text: string): Promise<{ calls: HostCall[]; chain: string }> {
  const { session } = expectOk(await ActorSession.start((await quitterActor()).bytes, { name: 'quitter.wasm' }));
  const { connection } = expectOk(await session.open());
  const { event } = expectOk(await session.send(connection.id, textMessage(text)));
  return { calls: event.hostCalls, chain: session.exportChain() };
}

describe('a host call on one line', () => {
  it('writes a call the playground recorded in WAVE: none as none, bytes as a byte list', async () => {
    const { calls } = await quitterCalls('quit');
    expect(calls.map((call) => hostCallText(call))).toEqual(['theater:simple/runtime.shutdown(none)', 'theater:simple/runtime.shutdown([98, 121, 101])']);
    // Past maxBytes: the first bytes and the size, as the Inspector shortens bytes everywhere; past maxChars, cut.
    const [, long] = (await quitterCalls(`quit ${'x'.repeat(100)}`)).calls;
    expect(hostCallText(long!, { maxBytes: 8 })).toBe('theater:simple/runtime.shutdown([120, 120, 120, 120, 120, 120, 120, 120, … 100 bytes])');
    expect(hostCallText(long!, { maxBytes: 8, maxChars: 12 })).toBe('theater:simple/runtime.shutdown([120, 120, …)');
  });

  it('writes the same calls read back from the chain the playground wrote as that chain holds them', async () => {
    const { chain } = await quitterCalls('quit');
    // #0 is the connection's connect; #1 the quit.
    const [, event] = expectOk(readChain(chain)).events;
    // The chain holds shutdown(none)'s input as null, which reads as no argument, and bytes as their JSON array.
    expect(event!.hostCalls.map((call) => hostCallText(call))).toEqual(['theater:simple/runtime.shutdown()', 'theater:simple/runtime.shutdown([98,121,101])']);
  });

  it("writes a call read from a Theater chain as the chain wrote it: Pack's tagged values as JSON, each input one value", () => {
    const [init] = expectOk(readChain(readFixture('host-values.json'))).events;
    expect(init!.hostCalls.map((call) => hostCallText(call))).toEqual([
      'wasi:clocks/monotonic-clock@0.2.3.now({"Tuple":[]}) → {"U64":1700000000123456800}',
      'wasi:random/random@0.2.3.get-random-u64({"Tuple":[]}) → {"U64":42}',
      'theater:simple/store.get(["store-1","greeting"]) → {"Ok":[104,105]}',
      'wasi:http/types@0.2.0.[method]incoming-request.path-with-query(0) → "/hello"',
      // Output `null`: no result, as for a recorded call without one.
      'wasi:http/types@0.2.0.[resource-drop]incoming-request(0)',
    ]);
    expect(hostCallText(init!.hostCalls[2]!, { maxChars: 10 })).toBe('theater:simple/store.get(["store-1…) → {"Ok":[10…');
  });
});
