import type { ImportTypes, InterfaceTypes } from './dtsTypes';
import type { CallRecorder } from '../core/hostCalls';
import { declaredFunctions, RUNTIME_DETAILS, WASI_DETAIL, type DeclaredFunction } from './importReport';
import type { ImportedFunction, WorldItem } from '../core/componentInfo';
import { HTTP_FRAMEWORK, unversioned } from '../core/interfaceNames';
import { HTTP_FRAMEWORK_DETAIL, isSimulated, type HttpFrameworkHost } from './httpFrameworkHost';
import { ResourceStubs } from './resourceStubs';
import type { ChainSource } from '../core/chain/runtimeChain';
import { EDITOR_DETAILS, editorImports } from './editorHost';
import { isProvidedRuntimeFunction, runtimeImports, type RuntimeFunction } from './runtimeHost';
import { stubFunction, stubInterface, type StubEnvironment } from './stubCalls';
import { describeDefault, NoDefaultError } from './stubDefaults';
import { recordedDetail, recordedWasi } from './wasi/recordedWasi';
import type { WasiSources } from './wasi/wasiSources';

type ImportObject = Record<string, Record<string, unknown>>;

/** What the host needs from the session it serves (injected, so the engine stays layered). */
export interface HostEnvironment {
  /** Theater's chain so far, for `runtime.get-chain`. */
  chain: ChainSource;
  /** The clocks and random the recorded WASI answers from (the session's settings and event position). */
  wasi: WasiSources;
  /** The simulated server an `http-framework` actor's imports reach. */
  http: HttpFrameworkHost;
  /** The actor source an Editor actor's bytes carry (core/editor/editorSource.ts), for `playground:editor/source`. */
  editorSource: string | undefined;
}

/** The import object jco instantiates with, and what the playground does with each imported function. */
export interface BuiltImports {
  imports: Record<string, unknown>;
  functions: ImportedFunction[];
}

/** WASI import objects, loaded only for components that import WASI (most Theater actors don't). */
async function sandboxedWasi(): Promise<ImportObject> {
  const { WASIShim } = await import('@bytecodealliance/preview2-shim/instantiation');
  // No preopens, no environment, no arguments, no network: the actor gets no ambient authority.
  const shim = new WASIShim({ sandbox: { preopens: {}, env: {}, args: ['actor'], enableNetwork: false } });
  return shim.getImportObject() as unknown as ImportObject;
}

/**
 * The imports for one component: Theater's runtime, WASI (clocks, random and environment
 * recorded and deterministic, runtime/wasi/; the rest the sandboxed shim's), and for every other
 * interface recorded stubs that return well-typed defaults (resources included). Unknown imports
 * must not stop a real actor from loading: the playground cannot know every interface Theater
 * hosts offer. `types` are jco's declarations for this component (see dtsTypes.ts).
 */
export async function buildImports(items: readonly WorldItem[], types: ImportTypes, recorder: CallRecorder, host: HostEnvironment): Promise<BuiltImports> {
  const wasi = items.some((item) => item.provider === 'wasi') ? await sandboxedWasi() : {};
  // The resources the playground may make: those of every interface it does not leave to the shim.
  const owners = new Map<string, string>();
  for (const item of items) {
    const declared = types.interfaces.get(unversioned(item.name));
    if (declared && item.provider !== 'wasi') owners.set(declared.file, unversioned(item.name));
  }
  const resources = new ResourceStubs(types, recorder, owners);
  const env: StubEnvironment = { recorder, context: resources };
  const classOf = (decl: Parameters<ResourceStubs['classOf']>[0]) => resources.classOf(decl);
  const stubbed = (iface: string, fn: DeclaredFunction): ImportedFunction => stubReport(iface, fn, types, resources.canMake);
  const imports: Record<string, unknown> = {};
  const functions: ImportedFunction[] = [];
  for (const item of items) {
    const name = unversioned(item.name);
    if (item.kind === 'function') {
      // A bare function import (`import tick: func()`): jco passes it as a plain function, and
      // declares no type the playground reads for it.
      imports[name] = stubInterface(env, 'world', undefined, classOf)[name];
      functions.push({ interface: 'world', function: name, provision: 'stubbed', detail: 'returns nothing: no type is known for a bare function import' });
      continue;
    }
    const declared = types.interfaces.get(name);
    const list = declared ? declaredFunctions(declared) : [];
    switch (item.provider ?? 'stub') {
      case 'theater': {
        if (name === HTTP_FRAMEWORK) {
          imports[name] = { ...stubInterface(env, name, declared, classOf), ...(declared && host.http.imports(name, declared, env)) };
          for (const fn of list) {
            const decl = declared!.functions.find((d) => d.witName === fn.name);
            functions.push(decl && isSimulated(decl) ? { interface: name, function: fn.name, provision: 'provided', by: 'theater', detail: HTTP_FRAMEWORK_DETAIL } : stubbed(name, fn));
          }
          break;
        }
        imports[name] = { ...stubInterface(env, name, declared, classOf), ...(declared && runtimeImports(name, declared, env, host.chain)) };
        for (const fn of list) {
          const provided = declared!.functions.find((decl) => decl.witName === fn.name && isProvidedRuntimeFunction(decl, types));
          functions.push(provided ? { interface: name, function: fn.name, provision: 'provided', by: 'theater', detail: RUNTIME_DETAILS[fn.name as RuntimeFunction] } : stubbed(name, fn));
        }
        break;
      }
      case 'wasi': {
        const built = wasiInterface(name, wasi[name] ?? {}, declared, env);
        imports[name] = declared ? { ...built.imports, ...recordedWasi(name, item.name, declared, env, host.wasi) } : built.imports;
        const provided = (fn: DeclaredFunction): ImportedFunction => {
          const recorded = recordedDetail(name, fn.name, host.wasi);
          return { interface: name, function: fn.name, provision: 'provided', by: 'wasi', detail: recorded ?? WASI_DETAIL, ...(recorded && { recorded: true as const }) };
        };
        functions.push(...list.map((fn) => (built.lacking.has(fn.name) && !recordedDetail(name, fn.name, host.wasi) ? wasiGap(name, fn, stubbed) : provided(fn))));
        break;
      }
      case 'playground': {
        imports[name] = { ...stubInterface(env, name, declared, classOf), ...(declared && editorImports(declared, env, host.editorSource)) };
        for (const fn of list) {
          const detail = EDITOR_DETAILS[fn.name];
          functions.push(detail ? { interface: name, function: fn.name, provision: 'provided', by: 'playground', detail } : stubbed(name, fn));
        }
        break;
      }
      case 'stub':
        imports[name] = stubInterface(env, name, declared, classOf);
        functions.push(...list.map((fn) => stubbed(name, fn)));
        break;
    }
  }
  return { imports, functions };
}

/** A stubbed function's line: the default it returns, or why it has none (then a call traps). */
function stubReport(iface: string, fn: DeclaredFunction, types: ImportTypes, canMake: ResourceStubs['canMake']): ImportedFunction {
  const line = { interface: iface, function: fn.name };
  if (fn.result === 'fresh') return { ...line, provision: 'stubbed', detail: `returns <new ${fn.resource!.witName}>` };
  if (fn.result === 'drop') return { ...line, provision: 'stubbed', detail: 'recorded' };
  try {
    return { ...line, provision: 'stubbed', detail: `returns ${describeDefault(fn.result, types, canMake)}` };
  } catch (error) {
    if (!(error instanceof NoDefaultError)) throw error;
    return { ...line, provision: 'missing', detail: `no default exists (${error.message}): a call traps the actor` };
  }
}

/**
 * The shim's object for one WASI interface, with a recorded stub for any function it lacks (a
 * newer WASI than the shim's): jco refuses to instantiate when a function is undefined.
 * `lacking` names, in Theater's names, every declared function the shim does not have.
 */
function wasiInterface(iface: string, shim: Record<string, unknown>, declared: InterfaceTypes | undefined, env: StubEnvironment): { imports: Record<string, unknown>; lacking: Set<string> } {
  const lacking = new Set<string>();
  const fills: Record<string, unknown> = {};
  for (const decl of declared?.functions ?? []) {
    if (typeof shim[decl.name] === 'function') continue;
    lacking.add(decl.witName);
    fills[decl.name] = stubFunction(env, iface, decl);
  }
  for (const fn of declared ? declaredFunctions(declared) : []) {
    if (!fn.resource) continue;
    const cls = shim[fn.resource.name];
    const members = (isStatic: boolean) => (isStatic ? cls : (cls as { prototype: unknown }).prototype) as Record<string, unknown>;
    const present = typeof cls === 'function' && (fn.jsName === undefined || typeof members(fn.name.startsWith('[static]'))[fn.jsName] === 'function');
    if (!present) lacking.add(fn.name);
  }
  return { imports: Object.keys(fills).length > 0 ? { ...shim, ...fills } : shim, lacking };
}

/** A WASI function the shim lacks: a plain function got a stub; a resource's member cannot. */
function wasiGap(iface: string, fn: DeclaredFunction, stubbed: (iface: string, fn: DeclaredFunction) => ImportedFunction): ImportedFunction {
  if (!fn.resource) {
    const line = stubbed(iface, fn);
    return { ...line, detail: `${line.detail} (the WASI shim lacks it)` };
  }
  return { interface: iface, function: fn.name, provision: 'missing', detail: 'the WASI shim does not implement it: a call traps the actor' };
}
