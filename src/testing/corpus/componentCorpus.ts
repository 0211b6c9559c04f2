import { parse } from '@bytecodealliance/jco-transpile/wasm-tools';
import type { EngineErrorCode } from '../../core/errors';
import { exampleBytes } from '../../runtime/testing/exampleActors';
import { generationActor, jcoCrashingComponent, packActor, theaterWitPackage } from '../../runtime/testing/theaterGenerations';
import { exhaustsMemoryInStart, trapsInStart, wrongExportTypes } from './craftedComponents';

/** One kind of bad component file: how to make it, and the error a load of it must give. */
export interface ComponentCase {
  kind: string;
  /** The file name it is loaded under (the alert and the status name it). */
  file: string;
  make: () => Promise<Uint8Array>;
  code: EngineErrorCode;
  message: RegExp;
}

/** A component's preamble (`\0asm`, version 0x0d, layer 1): what every component starts with. */
const COMPONENT_PREAMBLE = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

/** Noise that is the same every run (no seed to record), `n` bytes of it. */
const noise = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + 13) % 251);

/**
 * 100 MiB: a component's preamble, then bytes no section starts with. The default component size
 * limit (64 MiB) refuses it before any worker reads it.
 */
function hundredMegabytes(): Uint8Array {
  const bytes = new Uint8Array(100 * 1024 * 1024).fill(0xff);
  bytes.set(COMPONENT_PREAMBLE);
  return bytes;
}

/** The echo example cut to `length` bytes. */
const echoCut = (length: (size: number) => number) => async (): Promise<Uint8Array> => {
  const echo = exampleBytes('echo');
  return echo.slice(0, length(echo.length));
};

const CUT_SHORT = /^The component is damaged and cannot be read \([\s\S]*unexpected end-of-file[\s\S]*\)\. It ends early: the file was truncated/;
const START_TRAP = /^The component trapped while starting, before any call \(`unreachable`\): its start-up code aborted, as a language runtime does when it panics or runs out of memory\. Nothing was loaded/;

/**
 * Component files, one row per kind of bad input (issue 14's list). Unstubbable import shapes
 * are not here because none remain: an import the playground lacks loads as a recorded stub,
 * and a WASI resource member the shim lacks traps the call that uses it, not the load (the
 * `imports` example and runtime/hostImports.test.ts).
 */
export const COMPONENT_CORPUS: ComponentCase[] = [
  { kind: 'empty file', file: 'empty.wasm', make: async () => new Uint8Array(0), code: 'empty-file', message: /^The file is empty \(0 bytes\)/ },
  { kind: 'random bytes', file: 'random.wasm', make: async () => noise(4096), code: 'not-wasm', message: /^This is not a WebAssembly file/ },
  { kind: 'text', file: 'notes.wasm', make: async () => new TextEncoder().encode('export function handleMessage() {}\n'), code: 'not-wasm', message: /^This is not a WebAssembly file/ },
  { kind: 'truncated: the preamble only', file: 'cut-8.wasm', make: echoCut(() => 8), code: 'invalid-component', message: /^This component is empty: it holds the 8 bytes every component starts with and nothing after them/ },
  { kind: 'truncated: 100 bytes', file: 'cut-100.wasm', make: echoCut(() => 100), code: 'invalid-component', message: CUT_SHORT },
  { kind: 'truncated: half', file: 'cut-half.wasm', make: echoCut((size) => size >> 1), code: 'invalid-component', message: CUT_SHORT },
  { kind: 'truncated: one byte short', file: 'cut-1.wasm', make: echoCut((size) => size - 1), code: 'invalid-component', message: CUT_SHORT },
  { kind: 'core module', file: 'core.wasm', make: () => parse('(module (func (export "f")))'), code: 'core-module', message: /^This is a core WebAssembly module, not a component/ },
  { kind: 'WIT package', file: 'simple.wasm', make: async () => theaterWitPackage(), code: 'wit-package', message: /^This is a WIT package/ },
  { kind: 'Pack module', file: 'pack.wasm', make: packActor, code: 'pack-module', message: /^This is an actor for Theater's Pack runtime/ },
  { kind: 'wrong export signature (an older Theater)', file: 'ntwk-2025-01.wasm', make: async () => (await generationActor('ntwk-2025-01')).bytes, code: 'signature-mismatch', message: /older `ntwk:theater\/websocket-server`.*the parameters differ and the result differs/ },
  { kind: 'right export name, wrong types', file: 'wrong-types.wasm', make: wrongExportTypes, code: 'signature-mismatch', message: /^This actor's `theater:simple\/websocket-server` is not Theater's interface of that name: it declares `handle-message: func\(message: string\) -> string`/ },
  { kind: 'no websocket-server export', file: 'no-export.wasm', make: () => parse('(component (core module $m (func (export "f"))) (core instance (instantiate $m)))'), code: 'missing-export', message: /does not export `theater:simple\/websocket-server`/ },
  { kind: "a file that crashes jco's wasm-tools", file: 'crashing.wasm', make: async () => jcoCrashingComponent(), code: 'invalid-component', message: /jco's wasm-tools crashed reading this file/ },
  { kind: '100 MB file', file: 'huge.wasm', make: async () => hundredMegabytes(), code: 'component-too-large', message: /^Component size limit: 104,857,600 bytes is past the limit of 67,108,864 bytes\. Raise it in Server settings → Limits \(Component size\), or with --max-component-bytes on the command line\.$/ },
  { kind: 'traps in its start function', file: 'start-trap.wasm', make: trapsInStart, code: 'instantiate-failed', message: START_TRAP },
  { kind: 'exhausts memory at instantiation', file: 'start-oom.wasm', make: exhaustsMemoryInStart, code: 'instantiate-failed', message: START_TRAP },
];
