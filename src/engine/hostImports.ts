import { CallRecorder, type HostCall } from './hostCalls';
import { RUNTIME, unversioned } from './interfaceNames';
import type { WorldItem } from './inspect';
import { defaultValue, NoDefaultError, type ImportTypes } from './stubDefaults';

type HostFunction = (...args: unknown[]) => unknown;
type ImportObject = Record<string, Record<string, unknown>>;

/** WASI import objects, loaded only for components that import WASI (most Theater actors don't). */
async function sandboxedWasi(): Promise<ImportObject> {
  const { WASIShim } = await import('@bytecodealliance/preview2-shim/instantiation');
  // No preopens, no environment, no arguments, no network: the actor gets no ambient authority.
  const shim = new WASIShim({ sandbox: { preopens: {}, env: {}, args: ['actor'], enableNetwork: false } });
  return shim.getImportObject() as unknown as ImportObject;
}

/**
 * The import object for one component: Theater's runtime, a sandboxed WASI, and for every other
 * interface a recorded stub that returns a well-typed default. Unknown imports must not stop a
 * real actor from loading: the playground cannot know every interface Theater hosts offer.
 */
export async function buildImports(items: readonly WorldItem[], types: ImportTypes, recorder: CallRecorder): Promise<Record<string, unknown>> {
  const imports: Record<string, unknown> = {};
  const wasi = items.some((item) => item.provider === 'wasi') ? await sandboxedWasi() : {};
  for (const item of items) {
    const name = unversioned(item.name);
    if (item.kind === 'function') {
      // A bare function import (`import tick: func()`): jco passes it as a plain function.
      imports[name] = stubInterface('world', item.name, types, recorder)[name];
      continue;
    }
    switch (item.provider ?? 'stub') {
      case 'theater':
        imports[name] = runtimeImports(recorder);
        break;
      case 'wasi':
        imports[name] = wasi[name];
        break;
      case 'stub':
        imports[name] = stubInterface(name, item.name, types, recorder);
        break;
    }
  }
  return imports;
}

function runtimeImports(recorder: CallRecorder): Record<string, HostFunction> {
  const call = (fn: string, args: unknown[], result: unknown): HostCall => ({ interface: RUNTIME, function: fn, args, result, stubbed: false });
  return {
    log: (msg) => {
      recorder.record(call('log', [msg], undefined));
    },
    shutdown: (data) => {
      const bytes = data instanceof Uint8Array ? data.slice() : undefined;
      recorder.record(call('shutdown', [bytes], undefined));
      recorder.requestShutdown(bytes);
    },
  };
}

/** Any property read gives a recording stub, so jco's destructuring of the import always works. */
function stubInterface(name: string, versioned: string, types: ImportTypes, recorder: CallRecorder): Record<string, unknown> {
  const results = types.functions.get(versioned) ?? types.functions.get(name);
  const cache = new Map<string, HostFunction>();
  return new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property !== 'string') return undefined;
        let fn = cache.get(property);
        if (!fn) {
          const resultType = results?.get(property);
          fn = (...args) => {
            let result: unknown;
            try {
              const scripted = recorder.scripted(name, property);
              result = scripted ? scripted.result : resultType ? defaultValue(resultType, types) : undefined;
            } catch (error) {
              if (!(error instanceof NoDefaultError)) throw error;
              recorder.record({ interface: name, function: property, args: copyArgs(args), result: undefined, stubbed: true });
              // Throwing inside an import traps the actor: the clearest outcome for an import we cannot fake.
              throw new Error(`${name}.${property} is not implemented by the playground and has no default: ${error.message}`);
            }
            recorder.record({ interface: name, function: property, args: copyArgs(args), result, stubbed: true });
            return result;
          };
          cache.set(property, fn);
        }
        return fn;
      },
    },
  );
}

/** Arguments can be views into the actor's memory, which the next call overwrites: copy them. */
const copyArgs = (args: unknown[]) => args.map((arg) => (ArrayBuffer.isView(arg) && arg instanceof Uint8Array ? arg.slice() : arg));
