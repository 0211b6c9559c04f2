import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Test support: components that are bad in one way each, made at test time from text (no binary
 * blobs without their source). wasm-tools (through jco) writes a dummy core module for a WIT
 * world; its text is then given the one fault, parsed back and wrapped as a component, so
 * everything else about the component is what a real toolchain writes.
 */

/** The playground's own `websocket-server` interface (wit/websocket-server.wit), package line and all. */
const WEBSOCKET_SERVER_WIT = readFileSync(fileURLToPath(new URL('../../../wit/websocket-server.wit', import.meta.url)), 'utf8');

/**
 * Export of the right name with the wrong types: `theater:simple/websocket-server` whose
 * `handle-message` takes and returns a string.
 */
const WRONG_TYPES_WIT = `package theater:simple;
interface websocket-server {
  handle-message: func(message: string) -> string;
}
`;

/** A component for `wit` (one package with a `websocket-server` interface), its core module changed by `fault`. */
async function crafted(wit: string, fault: (coreWat: string) => string = (wat) => wat): Promise<Uint8Array> {
  const { componentEmbed, componentNew, parse, print } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const core = await componentEmbed({ dummy: true, witSource: `${wit}\nworld crafted { export websocket-server; }\n`, world: 'crafted' });
  const wat = fault(await print(core));
  return componentNew(await parse(wat));
}

/** Adds functions and a start function to a core module's text, before its custom section (wasm-tools prints that last). */
const withStart = (body: string) => (wat: string): string => {
  const at = wat.indexOf('(@custom');
  if (at < 0) throw new Error('wasm-tools printed the dummy module without its component-type section');
  return `${wat.slice(0, at)}(func $start ${body})\n(start $start)\n${wat.slice(at)}`;
};

/** The right interface, whose core module's start function executes `unreachable`: instantiation traps. */
export const trapsInStart = (): Promise<Uint8Array> => crafted(WEBSOCKET_SERVER_WIT, withStart('unreachable'));

/**
 * The right interface, whose core module's start function grows its memory 64 MiB at a time
 * until the engine refuses (4 GiB, all of a 32-bit memory), then aborts as a language's
 * allocator does when it runs out: instantiation exhausts memory. Untouched pages cost address
 * space, not RAM, so the test does not take the machine's memory with it.
 */
export const exhaustsMemoryInStart = (): Promise<Uint8Array> =>
  crafted(WEBSOCKET_SERVER_WIT, withStart('(loop $grow (br_if $grow (i32.ne (memory.grow (i32.const 1024)) (i32.const -1)))) unreachable'));

/** `theater:simple/websocket-server` exported, with `handle-message: func(message: string) -> string`. */
export const wrongExportTypes = (): Promise<Uint8Array> => crafted(WRONG_TYPES_WIT);
