import { describe, expect, it } from 'vitest';
import { readChain } from './chainHistory';
import type { HostCall } from './hostCalls';
import { hostCallText } from './hostCallText';
import { utf8 } from './bytes';
import { expectOk } from './testing/exampleActors';
import { readFixture } from './testing/theaterChains';

const RUNTIME = 'theater:simple/runtime';
/** `runtime.shutdown` as the playground's runtime records it (runtimeHost.ts): its one `option<list<u8>>` argument, no result. */
const shutdown = (data: Uint8Array | undefined): HostCall => ({ interface: RUNTIME, function: 'shutdown', args: [data], result: undefined, stubbed: false });

describe('a host call on one line', () => {
  it('writes a call the playground recorded in WAVE: none as none, bytes as a byte list', () => {
    expect(hostCallText(shutdown(undefined))).toBe('theater:simple/runtime.shutdown(none)');
    expect(hostCallText(shutdown(utf8('bye')))).toBe('theater:simple/runtime.shutdown([98, 121, 101])');
    // Past maxBytes: the first bytes and the size, as the Inspector shortens bytes everywhere.
    expect(hostCallText(shutdown(new Uint8Array(100).fill(7)), { maxBytes: 8 })).toBe('theater:simple/runtime.shutdown([7, 7, 7, 7, 7, 7, 7, 7, … 100 bytes])');
    const stub: HostCall = { interface: 'test:shapes/all', function: 'get-record', args: ['a'.repeat(100)], result: { x: 0, yPos: 0 }, stubbed: true };
    expect(hostCallText(stub)).toBe(`test:shapes/all.get-record("${'a'.repeat(100)}") → {x: 0, y-pos: 0}`);
    expect(hostCallText(stub, { maxChars: 12 })).toBe('test:shapes/all.get-record("aaaaaaaaaa…) → {x: 0, y-po…');
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
