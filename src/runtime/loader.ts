import { CallRecorder } from '../core/hostCalls';
import { buildImports, type HostEnvironment } from './hostImports';
import { describeThrown, engineError, type EngineError } from '../core/errors';
import { HTTP_HANDLERS, theaterInterface, unversioned } from '../core/interfaceNames';
import { transpiler } from './jco/tools';
import type { ComponentInfo } from '../core/componentInfo';
import type { WebsocketMessage, WebsocketResponse } from '../core/messages';
import { ok, type Result } from '../core/result';
import { parseImportTypes } from './dtsTypes';

/**
 * Turns generated JavaScript into a module. The Worker uses a Blob URL, Node a data URL: the
 * engine does not care which, and neither needs a file on disk or a network fetch.
 */
export type ModuleImporter = (source: string) => Promise<Record<string, unknown>>;

/** Works wherever dynamic `import()` of a `data:` URL does (Node, browsers, workers). */
export const dataUrlImporter: ModuleImporter = (source) =>
  import(/* @vite-ignore */ `data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`);

type State = Uint8Array | undefined;

/**
 * An `http-framework` actor's WebSocket handlers (Theater's `http-handlers`), in jco's shapes:
 * u64s as bigints, `option<string>` as the string or undefined. Each is absent when the component
 * does not export it; Theater calls only the ones a WebSocket path names.
 */
export interface HttpHandlerExports {
  connect?: (state: State, params: [bigint, bigint, string, string | undefined]) => [State];
  message?: (state: State, params: [bigint, bigint, WebsocketMessage]) => [State, [WebsocketMessage[]]];
  disconnect?: (state: State, params: [bigint, bigint]) => [State];
}

/** The raw exports of one instance, in jco's JavaScript shapes: `handleMessage` for a websocket-server actor, `http` for an http-framework one (core/actorKind.ts). */
export interface ActorExports {
  handleMessage?: (state: State, params: [WebsocketMessage]) => [State, [WebsocketResponse]];
  http?: HttpHandlerExports;
  init?: (state: Uint8Array | undefined) => [Uint8Array | undefined];
  /** The bytes of this instance's linear memories together, now (they only grow). */
  memoryBytes(): number;
}

type Instantiate = (
  getCoreModule: (path: string) => Promise<WebAssembly.Module>,
  imports: Record<string, unknown>,
  instantiateCore: (module: WebAssembly.Module, imports: WebAssembly.Imports) => Promise<WebAssembly.Instance>,
) => Promise<Record<string, unknown>>;

/**
 * A component transpiled once and instantiable many times: after a trap an instance refuses
 * every further call, so the engine instantiates again from the same compiled modules (cheap).
 */
export class LoadedComponent {
  private constructor(
    readonly info: ComponentInfo,
    readonly recorder: CallRecorder,
    private readonly instantiateGlue: Instantiate,
    /** The compiled core modules by the path the glue asks for them by (handed to the page for the next load of the same bytes). */
    readonly modules: ReadonlyMap<string, WebAssembly.Module>,
    private readonly imports: Record<string, unknown>,
  ) {}

  /**
   * jco's output for `bytes` (every file `generate` makes), which `fromFiles` compiles and the
   * component cache keeps; `info` comes from `inspect`.
   */
  static async transpile(bytes: Uint8Array, info: ComponentInfo, name: string): Promise<Result<Array<[string, Uint8Array]>, EngineError>> {
    try {
      // jco's types are how stubs, the runtime and the imports panel know each imported function.
      // Through `transpiler`, loaded on first use, which replaces jco after a crash inside it.
      const { files } = await transpiler.run((jco) => jco.generate(bytes, { name: 'actor', instantiation: { tag: 'async' }, noNodejsCompat: true, noTypescript: info.imports.length === 0 }));
      return ok(files);
    } catch (thrown) {
      return engineError('invalid-component', `jco could not transpile ${name}: ${describeThrown(thrown)}`);
    }
  }

  /**
   * Compiles the core modules of jco's output `files` (from `transpile` or the component cache)
   * and goes on as `fromModules`. Compile errors (say, a proposal this browser lacks) surface
   * now, not at the first message.
   */
  static async fromFiles(
    files: ReadonlyArray<[string, Uint8Array]>,
    info: ComponentInfo,
    name: string,
    importModule: ModuleImporter,
    host: HostEnvironment,
  ): Promise<Result<LoadedComponent, EngineError>> {
    let modules: Array<[string, WebAssembly.Module]>;
    try {
      const wasm = files.filter(([path]) => path.endsWith('.wasm'));
      modules = await Promise.all(wasm.map(async ([path, content]) => [path, await WebAssembly.compile(content as Uint8Array<ArrayBuffer>)] as [string, WebAssembly.Module]));
    } catch (thrown) {
      return engineError('instantiate-failed', `This browser cannot compile ${name}: ${describeThrown(thrown)}`);
    }
    return LoadedComponent.fromModules(new Map(modules), files, info, name, importModule, host);
  }

  /**
   * A component from its core modules already compiled (`modules`, by path: `fromFiles`', or an
   * earlier load's handed back by the page) and jco's other `files` (its `.wasm` files, if any,
   * are not looked at): imports the glue and builds the host imports; the loaded component's own
   * `info` adds `importFunctions`, what the playground does with each imported function. `host` is
   * what the host imports need of the session (Theater's chain so far).
   */
  static async fromModules(
    modules: ReadonlyMap<string, WebAssembly.Module>,
    files: ReadonlyArray<[string, Uint8Array]>,
    info: ComponentInfo,
    name: string,
    importModule: ModuleImporter,
    host: HostEnvironment,
  ): Promise<Result<LoadedComponent, EngineError>> {
    const importNames = info.imports.filter((item) => item.kind === 'interface').map((item) => item.name);
    const decoder = new TextDecoder();
    const declarations: Array<[string, string]> = [];
    let glue = '';
    for (const [path, content] of files) {
      if (path.endsWith('.d.ts')) declarations.push([path, decoder.decode(content)]);
      else if (path === 'actor.js') glue = decoder.decode(content);
    }
    let glueModule: Record<string, unknown>;
    try {
      glueModule = await importModule(glue);
    } catch (thrown) {
      return engineError('instantiate-failed', `jco's glue for ${name} did not load: ${describeThrown(thrown)}`);
    }
    const recorder = new CallRecorder();
    const built = await buildImports(info.imports, parseImportTypes(declarations, importNames), recorder, host);
    return ok(new LoadedComponent({ ...info, importFunctions: built.functions }, recorder, glueModule.instantiate as Instantiate, modules, built.imports));
  }

  /** The functions the session calls for this actor's kind, from the instance's exports. */
  #calls(find: (iface: string) => Record<string, unknown> | undefined): Result<Pick<ActorExports, 'handleMessage' | 'http'>, EngineError> {
    if (this.info.actorKind === 'http-framework') {
      const handlers = find(HTTP_HANDLERS) ?? {};
      const fn = <T>(name: string) => (typeof handlers[name] === 'function' ? (handlers[name] as T) : undefined);
      return ok({
        http: {
          connect: fn<HttpHandlerExports['connect']>('handleWebsocketConnect'),
          message: fn<HttpHandlerExports['message']>('handleWebsocketMessage'),
          disconnect: fn<HttpHandlerExports['disconnect']>('handleWebsocketDisconnect'),
        },
      });
    }
    // The package inspect found: `theater:simple`, or `ntwk:theater` for older actors.
    const serverName = theaterInterface(this.info.package, 'websocket-server');
    const server = find(serverName);
    if (!server || typeof server.handleMessage !== 'function') {
      return engineError('missing-export', `The instance has no ${serverName}.handle-message function.`);
    }
    return ok({ handleMessage: server.handleMessage as ActorExports['handleMessage'] });
  }

  /** A fresh instance (the first, or the next after a trap). */
  async instantiate(): Promise<Result<ActorExports, EngineError>> {
    let root: Record<string, unknown>;
    // The memories the core instances export (one shared between modules is exported by each, once in the set): the memory limit weighs them.
    const memories = new Set<WebAssembly.Memory>();
    const instantiateCore = async (module: WebAssembly.Module, imports: WebAssembly.Imports) => {
      const instance = await WebAssembly.instantiate(module, imports);
      for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.add(value);
      return instance;
    };
    try {
      root = await this.instantiateGlue(
        async (path) => {
          const module = this.modules.get(path);
          if (!module) throw new Error(`jco asked for a core module it did not generate: ${path}`);
          return module;
        },
        this.imports,
        instantiateCore,
      );
    } catch (thrown) {
      // A trap here is the component's own start-up code (a core start function, or what jco's glue runs at instantiation) failing.
      return thrown instanceof WebAssembly.RuntimeError
        ? engineError('instantiate-failed', `The component trapped while starting, before any call (\`${describeThrown(thrown)}\`): its start-up code aborted, as a language runtime does when it panics or runs out of memory. Nothing was loaded: fix the component's start-up code.`)
        : engineError('instantiate-failed', `Instantiating the component failed: ${describeThrown(thrown)}`);
    }
    const find = (iface: string) => {
      const key = Object.keys(root).find((k) => unversioned(k) === iface);
      return key ? (root[key] as Record<string, unknown>) : undefined;
    };
    const calls = this.#calls(find);
    if (!calls.ok) return calls;
    const actor = find(theaterInterface(this.info.package, 'actor'));
    const init = typeof actor?.init === 'function' ? (actor.init as (state: Uint8Array | undefined, params?: [string]) => [Uint8Array | undefined]) : undefined;
    const { actorId } = this.info;
    return ok({
      ...calls.value,
      // Theater's init takes `(actor-id,)` after the state; the session calls every init with the state alone.
      init: init && (actorId === undefined ? init : (state) => init(state, [actorId])),
      memoryBytes: () => {
        let bytes = 0;
        for (const memory of memories) bytes += memory.buffer.byteLength;
        return bytes;
      },
    });
  }
}
