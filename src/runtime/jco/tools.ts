import type { generate } from '@bytecodealliance/jco-transpile/component';

/** What the engine uses of jco's wasm-tools. */
export interface WasmTools {
  /** The component's world as WIT text; throws jco's ComponentError on bytes it cannot decode. */
  componentWit(bytes: Uint8Array): Promise<string>;
}

/** What the engine uses of jco's transpiler (ready: `$init` has resolved). */
export interface Transpiler {
  generate: typeof generate;
}

/**
 * True when `thrown` is not jco's own report of bad input (a ComponentError, which carries a
 * `payload`) but a trap inside its wasm, such as a Rust panic: after one, that instance of the
 * tool refuses every further call ("cannot enter component instance").
 */
export const isToolCrash = (thrown: unknown): boolean => !(thrown !== null && typeof thrown === 'object' && 'payload' in thrown);

/**
 * A jco tool that outlives its crashes. Each tool is one wasm instance that its module creates
 * when it is first evaluated, so a trap poisons it for the rest of the process (Node) or worker
 * (browser) and every later file would be judged by a broken tool. Here a crash drops the tool,
 * and the next call loads a fresh copy of its module: the same module under a new URL query,
 * which the module loader evaluates anew (Node and browsers key modules by full URL).
 */
export class Reloadable<T> {
  #tool: Promise<T> | undefined;
  #copies = 0;

  constructor(private readonly load: (copy: number) => Promise<T>) {}

  /** Calls `use` with the tool and returns or rethrows what it does; a crash replaces the tool for next time. */
  async run<R>(use: (tool: T) => R | Promise<R>): Promise<R> {
    const tool = (this.#tool ??= this.load(this.#copies++));
    try {
      return await use(await tool);
    } catch (thrown) {
      if (isToolCrash(thrown)) this.#tool = undefined;
      throw thrown;
    }
  }
}

// jco's own test for Node, which decides how a copy is found.
const isNode = Boolean((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node);

/**
 * In Node the engine runs from source, and the instance lives in jco's vendor module, whose file
 * URL `import.meta.resolve` gives. In a bundle, jco is inside the chunk of `wasmToolsModule.ts`
 * or `transpilerModule.ts`, which knows its own URL.
 */
const resolve = (specifier: string): string => (import.meta as ImportMeta & { resolve(specifier: string): string }).resolve(specifier);
const importCopy = (url: string, copy: number): Promise<unknown> => import(/* @vite-ignore */ `${url}?copy=${copy}`);

interface VendorWasmTools {
  $init: Promise<void>;
  tools: { componentWit(bytes: Uint8Array): string };
}

// Both tools are marked pure: a bundle that never inspects or loads (the page, the diff worker)
// drops them, and with them jco's chunks.

/** jco's wasm-tools (`componentWit`): about 2.4 MB of wasm, loaded on first use. */
export const wasmTools = /* @__PURE__ */ new Reloadable<WasmTools>(async (copy) => {
  if (isNode) {
    // The package's `wasm-tools` entry is a thin wrapper around the vendor module that holds the instance.
    const vendor = new URL('../vendor/wasm-tools.js', resolve('@bytecodealliance/jco-transpile/wasm-tools')).href;
    const module = (await importCopy(vendor, copy)) as VendorWasmTools;
    await module.$init;
    return { componentWit: async (bytes) => module.tools.componentWit(bytes) };
  }
  const first = await import('./wasmToolsModule');
  const module = copy === 0 ? first : ((await importCopy(first.moduleUrl, copy)) as typeof first);
  return { componentWit: module.componentWit };
});

/** jco's transpiler (`generate`): about 3.5 MB of wasm, loaded on first use. */
export const transpiler = /* @__PURE__ */ new Reloadable<Transpiler>(async (copy) => {
  type Module = typeof import('./transpilerModule');
  let module: Module;
  if (isNode) {
    // The package's `component` entry is the vendor module itself.
    module = (await importCopy(resolve('@bytecodealliance/jco-transpile/component'), copy)) as Module;
  } else {
    const first = await import('./transpilerModule');
    module = copy === 0 ? first : ((await importCopy(first.moduleUrl, copy)) as Module);
  }
  await module.$init;
  return { generate: module.generate };
});

/**
 * Starts loading both tools (compiling and instantiating about 6 MB of jco's wasm) without waiting:
 * a worker kept spare for the next load does this while the page is idle, so a load that needs
 * jco finds it ready and one served from the component cache never waits for it. A tool that
 * fails to load here is loaded again by the call that needs it, which reports the failure.
 */
export function warmJco(): void {
  for (const tool of [transpiler, wasmTools] as Array<Reloadable<unknown>>) void tool.run(() => undefined).catch(() => undefined);
}
