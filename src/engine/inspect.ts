import { engineError, describeThrown, type EngineError } from './errors';
import type { ImportedFunction } from './importReport';
import { ok, type Result } from './result';
import { ACTOR, WEBSOCKET_SERVER, providerOf, unversioned, type ImportProvider } from './interfaceNames';

/** One line of the component's world: an interface (`theater:simple/runtime`) or a bare function. */
export interface WorldItem {
  /** As written in the WIT, with any version (`wasi:io/streams@0.2.0`, `init`). */
  name: string;
  kind: 'interface' | 'function';
  /** For imports: who answers the calls (a `stub` records them and returns defaults). */
  provider?: ImportProvider;
}

/** What a person (and the loader) needs to know about a component before running it. */
export interface ComponentInfo {
  size: number;
  /** The component's world as WIT text, for reading and teaching. */
  wit: string;
  imports: WorldItem[];
  exports: WorldItem[];
  /** Exports `theater:simple/actor` (so `init` runs first). */
  hasInit: boolean;
  /**
   * What the playground does with each imported function (provided, stubbed with its default, or
   * missing, and why), from jco's types: set once the component is loaded, absent from `inspect`.
   */
  importFunctions?: ImportedFunction[];
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const CORE_VERSION = [0x01, 0x00, 0x00, 0x00];
const COMPONENT_VERSION = [0x0d, 0x00, 0x01, 0x00];
const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/**
 * Tells apart the things people drop by mistake (an empty file, a PNG, a core module, a WIT
 * package) from a loadable actor, before the expensive transpile, with a message that says what
 * to do about each.
 */
export async function inspect(bytes: Uint8Array): Promise<Result<ComponentInfo, EngineError>> {
  if (bytes.length === 0) return engineError('empty-file', 'The file is empty (0 bytes): choose a built `.wasm` component.');
  if (bytes.length < 8 || !startsWith(bytes, MAGIC)) {
    return engineError('not-wasm', 'This is not a WebAssembly file (it does not start with `\\0asm`): choose a `.wasm` component.');
  }
  if (startsWith(bytes, CORE_VERSION, 4)) {
    return engineError(
      'core-module',
      'This is a core WebAssembly module, not a component: build it as a component (for example `cargo component build`, or `wasm-tools component new` on the module).',
    );
  }
  if (!startsWith(bytes, COMPONENT_VERSION, 4)) {
    return engineError('invalid-component', `Unsupported WebAssembly version/layer (bytes ${Array.from(bytes.slice(4, 8)).join(' ')}): the playground reads components of the component model (version 0x0d, layer 1).`);
  }
  let wit: string;
  try {
    // Imported here, not at the top: jco starts ~6 MB of wasm as soon as it is imported, and the
    // page imports the engine's pure helpers without ever inspecting a component itself.
    const { componentWit } = await import('@bytecodealliance/jco-transpile/wasm-tools');
    wit = await componentWit(bytes);
  } catch (thrown) {
    return engineError('invalid-component', `The component is damaged and cannot be read (${describeThrown(thrown)}). Was the file truncated? Rebuild it.`);
  }
  if (!/^package root:component;/m.test(wit)) {
    return engineError('wit-package', 'This is a WIT package (interface definitions only), not a component with code: load the built actor instead.');
  }
  const { imports, exports } = parseRootWorld(wit);
  const info: ComponentInfo = {
    size: bytes.length,
    wit,
    imports,
    exports,
    hasInit: exports.some((item) => unversioned(item.name) === ACTOR),
  };
  if (!exports.some((item) => unversioned(item.name) === WEBSOCKET_SERVER)) {
    const names = exports.map((item) => item.name).join(', ') || 'nothing';
    return engineError(
      'missing-export',
      `This component does not export \`${WEBSOCKET_SERVER}\`, so it cannot handle WebSocket messages. It exports: ${names}.`,
    );
  }
  return ok(info);
}

/** Reads the `import`/`export` lines at the top level of `world root { ... }`. */
function parseRootWorld(wit: string): { imports: WorldItem[]; exports: WorldItem[] } {
  const imports: WorldItem[] = [];
  const exports: WorldItem[] = [];
  const start = wit.search(/^world root \{/m);
  if (start < 0) return { imports, exports };
  let depth = 0;
  for (const raw of wit.slice(start).split('\n')) {
    const line = raw.trim();
    if (depth === 1 && !line.startsWith('//')) {
      const match = /^(import|export)\s+([^\s:;]+(?::[^\s;:]+)?)\s*(:?)/.exec(line);
      if (match) {
        const item: WorldItem = { name: match[2]!, kind: match[3] === ':' ? 'function' : 'interface' };
        if (match[1] === 'import') imports.push({ ...item, provider: item.kind === 'function' ? 'stub' : providerOf(item.name) });
        else exports.push(item);
      }
    }
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
    if (depth <= 0 && line.includes('}')) break;
  }
  return { imports, exports };
}
