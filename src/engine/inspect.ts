import { actorIdOf } from './actorId';
import { checkExportSignatures } from './actorSignatures';
import { engineError, describeThrown, type EngineError } from './errors';
import type { ImportedFunction } from './importReport';
import { ok, type Result } from './result';
import { providerOf, theaterInterface, THEATER_PACKAGES, unversioned, WEBSOCKET_SERVER, type ImportProvider, type TheaterPackage } from './interfaceNames';
import { isToolCrash, wasmTools } from './jco/tools';
import { coreModuleRefusal, witPackageRefusal } from './notActors';
import { componentHash } from './sessionFile';

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
  /** Exports the package's `actor` interface (so `init` runs first). */
  hasInit: boolean;
  /**
   * The Theater package whose `websocket-server` (and `actor`) the component exports:
   * `theater:simple`, or `ntwk:theater` for actors built before Theater renamed it in June 2025.
   */
  package: TheaterPackage;
  /**
   * The actor id `init` gets as its `(actor-id,)` params, when its init takes them (Theater's own
   * WIT, and every `ntwk:theater` actor): from `inspect`, `actorIdOf` the component's SHA-256, so
   * the same component always starts with the same id; on a loaded session, the id it was given
   * instead when it replays or adopts a recorded history (`SessionOptions.actorId`). Absent otherwise.
   */
  actorId?: string;
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

/** Whether bytes start as every WebAssembly binary does (`\0asm`): a component, a core module or a WIT package. */
export const isWasmFile = (bytes: Uint8Array): boolean => startsWith(bytes, MAGIC);

/**
 * Tells apart the things people drop by mistake (an empty file, a PNG, a core module, a WIT
 * package) from a loadable actor, before the expensive transpile, with a message that says what
 * to do about each.
 */
export async function inspect(bytes: Uint8Array): Promise<Result<ComponentInfo, EngineError>> {
  if (bytes.length === 0) return engineError('empty-file', 'The file is empty (0 bytes): choose a built `.wasm` component.');
  if (bytes.length < 8 || !isWasmFile(bytes)) {
    return engineError('not-wasm', 'This is not a WebAssembly file (it does not start with `\\0asm`): choose a `.wasm` component.');
  }
  if (startsWith(bytes, CORE_VERSION, 4)) return coreModuleRefusal(bytes);
  if (!startsWith(bytes, COMPONENT_VERSION, 4)) {
    return engineError('invalid-component', `Unsupported WebAssembly version/layer (bytes ${Array.from(bytes.slice(4, 8)).join(' ')}): the playground reads components of the component model (version 0x0d, layer 1).`);
  }
  const witPackage = witPackageRefusal(bytes);
  if (witPackage) return witPackage;
  let wit: string;
  try {
    wit = await wasmTools.run((tools) => tools.componentWit(bytes));
  } catch (thrown) {
    // A crash (a panic inside jco's wasm) has already replaced the tool: the next file is read afresh.
    return isToolCrash(thrown)
      ? engineError('invalid-component', `jco's wasm-tools crashed reading this file (${describeThrown(thrown)}), so it is not a component the playground can read: check that it is the built actor, not an interface package or an intermediate build file.`)
      : engineError('invalid-component', `The component is damaged and cannot be read (${describeThrown(thrown)}). Was the file truncated? Rebuild it.`);
  }
  if (!/^package root:component;/m.test(wit)) {
    return engineError('wit-package', 'This is a WIT package (interface definitions only), not a component with code: load the built actor instead.');
  }
  const { imports, exports } = parseRootWorld(wit);
  const exported = (pkg: TheaterPackage, name: 'websocket-server' | 'actor') => exports.some((item) => unversioned(item.name) === theaterInterface(pkg, name));
  const pkg = THEATER_PACKAGES.find((candidate) => exported(candidate, 'websocket-server'));
  if (!pkg) {
    const names = exports.map((item) => item.name).join(', ') || 'nothing';
    return engineError(
      'missing-export',
      `This component does not export \`${WEBSOCKET_SERVER}\` (or the older \`${theaterInterface('ntwk:theater', 'websocket-server')}\`), so it cannot handle WebSocket messages. It exports: ${names}.`,
    );
  }
  const checked = checkExportSignatures(bytes, pkg);
  if (!checked.ok) return checked;
  return ok({
    size: bytes.length,
    wit,
    imports,
    exports,
    hasInit: exported(pkg, 'actor'),
    package: pkg,
    ...(checked.value.initTakesActorId ? { actorId: actorIdOf(componentHash(bytes)) } : {}),
  });
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
