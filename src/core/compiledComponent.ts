/**
 * A loaded component in the form a later load of the same bytes can start from without jco and
 * without compiling: what the worker made of them, which crosses to the page and back by
 * postMessage (a `WebAssembly.Module` is cloned between the page and its workers, one agent
 * cluster, sharing the compiled code; IndexedDB and Cache Storage refuse to store one, so these
 * live only as long as the page). Made by runtime/cachedLoad.ts, kept by host/compiledModules.ts.
 */
import { toHex } from './bytes';
import type { ComponentInfo } from './componentInfo';

export interface CompiledComponent {
  /** The component cache's key of the bytes (jco's version and their SHA-256, runtime/componentCache.ts): a load uses this only for bytes with the same key. */
  key: string;
  /** `inspect`'s result for the bytes, before any actor id is given. */
  info: ComponentInfo;
  /** jco's files other than the core modules: the glue (`actor.js`) and the `.d.ts` files. */
  files: Array<[path: string, content: Uint8Array]>;
  /** jco's core modules, compiled, under the paths the glue asks for them by. */
  modules: Array<[path: string, module: WebAssembly.Module]>;
}

/** SHA-256 of `bytes` as lowercase hex, by crypto.subtle (off the calling thread in browsers; in Node too). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}
