import { actorIdOf } from '../core/actorId';
import { checkExportSignatures, checkHttpHandlerSignatures } from './actorSignatures';
import { engineError, describeThrown, type EngineError } from '../core/errors';
import type { ActorKind } from '../core/actorKind';
import type { ComponentInfo, WorldItem } from '../core/componentInfo';
import { ok, type Result } from '../core/result';
import { HTTP_HANDLERS, providerOf, theaterInterface, THEATER_PACKAGES, unversioned, WEBSOCKET_SERVER, type TheaterPackage } from '../core/interfaceNames';
import { isToolCrash, wasmTools } from './jco/tools';
import { coreModuleRefusal, witPackageRefusal } from './notActors';
import { componentHash } from '../core/sessionFile';
import { isWasmFile } from '../core/wasmMagic';

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
  if (bytes.length < 8 || !isWasmFile(bytes)) {
    return engineError('not-wasm', 'This is not a WebAssembly file (it does not start with `\\0asm`): choose a `.wasm` component.');
  }
  if (startsWith(bytes, CORE_VERSION, 4)) return coreModuleRefusal(bytes);
  if (!startsWith(bytes, COMPONENT_VERSION, 4)) {
    return engineError('invalid-component', `Unsupported WebAssembly version/layer (bytes ${Array.from(bytes.slice(4, 8)).join(' ')}): the playground reads components of the component model (version 0x0d, layer 1).`);
  }
  if (bytes.length === COMPONENT_VERSION.length + 4) {
    return engineError('invalid-component', 'This component is empty: it holds the 8 bytes every component starts with and nothing after them, so the file was cut short or written empty. Rebuild it, or choose the complete file.');
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
      : engineError('invalid-component', `The component is damaged and cannot be read (${describeThrown(thrown)}). ${damageAdvice(describeThrown(thrown))}`);
  }
  if (!/^package root:component;/m.test(wit)) {
    return engineError('wit-package', 'This is a WIT package (interface definitions only), not a component with code: load the built actor instead.');
  }
  const { imports, exports } = parseRootWorld(wit);
  const exported = (pkg: TheaterPackage, name: 'websocket-server' | 'actor' | 'http-handlers') => exports.some((item) => unversioned(item.name) === theaterInterface(pkg, name));
  // A websocket-server actor (either package), else Theater's other WebSocket actors: http-handlers, only ever in `theater:simple`.
  const wsPackage = THEATER_PACKAGES.find((candidate) => exported(candidate, 'websocket-server'));
  const kind: ActorKind | undefined = wsPackage ? 'websocket-server' : exported('theater:simple', 'http-handlers') ? 'http-framework' : undefined;
  if (!kind) {
    const names = exports.map((item) => item.name).join(', ') || 'nothing';
    return engineError(
      'missing-export',
      `This component does not export \`${WEBSOCKET_SERVER}\` (or the older \`${theaterInterface('ntwk:theater', 'websocket-server')}\`) nor \`${HTTP_HANDLERS}\`, so it cannot handle WebSocket messages. It exports: ${names}.`,
    );
  }
  const pkg = wsPackage ?? 'theater:simple';
  const checked = kind === 'websocket-server' ? checkExportSignatures(bytes, pkg) : checkHttpHandlerSignatures(bytes);
  if (!checked.ok) return checked;
  return ok({
    size: bytes.length,
    wit,
    imports,
    exports,
    hasInit: exported(pkg, 'actor'),
    actorKind: kind,
    package: pkg,
    ...(checked.value.initTakesActorId ? { actorId: actorIdOf(componentHash(bytes)) } : {}),
  });
}

/**
 * What to do about a component wasm-tools could not decode: a file that ends early was cut
 * short (a copy or download that stopped); any other fault is in the bytes themselves.
 */
function damageAdvice(reason: string): string {
  return /unexpected end-of-file/.test(reason)
    ? 'It ends early: the file was truncated (a copy or a download that stopped). Use a complete copy, or rebuild it.'
    : 'Its bytes are not what a toolchain writes (corrupted on disk or in transfer, or not made by a component toolchain). Rebuild it.';
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
