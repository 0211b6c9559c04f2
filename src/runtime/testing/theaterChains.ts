import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { utf8 } from '../../core/bytes';
import { entryHash, type ChainEntry } from '../../core/chain/chain';

/**
 * Test support: the chains in Theater's layout under `../shared/fixtures/theater-chains/` (beside
 * the repository; read-only, never copied in), and hand-written chains in the same layout.
 */
export const THEATER_CHAINS_DIR = fileURLToPath(new URL('../../../../shared/fixtures/theater-chains/', import.meta.url));

export const THEATER_CHAIN_FIXTURES = ['init-logs.json', 'host-values.json', 'websocket.json', 'tampered-entry-2.json', 'broken-parent-4.json', 'greeter.chain'] as const;
export type TheaterChainFixture = (typeof THEATER_CHAIN_FIXTURES)[number];

export const fixturePath = (name: TheaterChainFixture): string => `${THEATER_CHAINS_DIR}${name}`;
export const readFixture = (name: TheaterChainFixture): string => readFileSync(fixturePath(name), 'utf8');
export const fixtureEntries = (name: TheaterChainFixture): ChainEntry[] => JSON.parse(readFixture(name)) as ChainEntry[];

/** The bytes of the JSON of `value`, as Theater nests JSON documents. */
export const jsonBytes = (value: unknown): number[] => Array.from(utf8(JSON.stringify(value)));

/**
 * A chain Theater could have written: each entry's data is the UTF-8 of `payload` (text as is,
 * anything else as its compact JSON) or raw bytes, hashed and linked by Theater's rule.
 */
export type WrittenEntry = { eventType: string; payload: unknown } | { eventType: string; bytes: number[] };

export function writeChain(entries: readonly WrittenEntry[]): string {
  const chain: ChainEntry[] = [];
  for (const entry of entries) {
    const data = 'bytes' in entry ? entry.bytes : Array.from(utf8(typeof entry.payload === 'string' ? entry.payload : JSON.stringify(entry.payload)));
    const parent_hash = chain.at(-1)?.hash ?? null;
    chain.push({ hash: entryHash({ parent_hash, event_type: entry.eventType, data }), parent_hash, event_type: entry.eventType, data });
  }
  return JSON.stringify(chain);
}

/** Payload builders in Theater's layout (see chainValues.ts), for hand-written chains. */
export const wasmCall = (fn: string, params: unknown) => ({ eventType: 'wasm', payload: { category: 'Wasm', WasmCall: { function_name: fn, params: jsonBytes(params) } } });
export const wasmResult = (fn: string, state: string | null, result: unknown) => ({
  eventType: 'wasm',
  payload: { category: 'Wasm', WasmResult: { function_name: fn, result: [state === null ? null : Array.from(utf8(state)), jsonBytes(result)] } },
});
export const wasmError = (fn: string, message: string) => ({ eventType: 'wasm', payload: { category: 'Wasm', WasmError: { function_name: fn, message } } });
export const hostCall = (iface: string, fn: string, input: unknown, output: unknown) => ({
  eventType: `${iface}/${fn}`,
  payload: { category: 'HostFunction', interface: iface, function: fn, input: jsonBytes(input), output: jsonBytes(output) },
});
export const shutdownEntry = { eventType: 'shutdown', payload: { category: 'Wasm', WasmCall: { function_name: 'shutdown', params: [] } } };
