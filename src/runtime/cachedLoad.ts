import { givenActorId } from '../core/actorId';
import type { CacheUse, LoadStage } from '../core/actorSnapshot';
import type { CompiledComponent } from '../core/compiledComponent';
import type { ComponentInfo } from '../core/componentInfo';
import type { EngineError } from '../core/errors';
import { ok, type Result } from '../core/result';
import { cacheKeyOf, type CacheRead, type ComponentCache } from './componentCache';
import type { HostEnvironment } from './hostImports';
import { inspect } from './inspect';
import { LoadedComponent, type ModuleImporter } from './loader';

/** What loading needs besides the bytes: a subset of SessionOptions, with the importer chosen. */
export interface LoadOptions {
  name: string;
  importModule: ModuleImporter;
  cache: ComponentCache | undefined;
  /** The actor id to give init instead of the component's own (see SessionOptions.actorId). */
  actorId: string | undefined;
  /** An earlier load's compiled form, handed back by the page: used when it was made from these very bytes (its key is theirs). */
  compiled: CompiledComponent | undefined;
}

/**
 * Told as each stage ends; `skipped`: it did not run, because what it makes came from elsewhere
 * (the answer's `cache` says where).
 */
export type StageReport = (name: LoadStage, skipped?: boolean) => void;

/** The stages each way of loading skips. */
const SKIPPED_FROM_CACHE = ['inspecting', 'transpiling'] as const satisfies readonly LoadStage[];
const SKIPPED_WHEN_COMPILED = ['inspecting', 'transpiling', 'compiling'] as const satisfies readonly LoadStage[];

/**
 * Loads `bytes` the cheapest way there is. With `compiled` (the page's copy of an earlier load of
 * the same bytes) it neither transpiles nor compiles: it imports the glue and builds the host
 * imports only. Else, when `cache` holds the bytes (by SHA-256), it compiles what it holds and
 * skips jco altogether (neither jco tool is even loaded). Else it inspects, transpiles and
 * compiles, and refills the cache. A compiled form or a cached entry that does not load gives way
 * to the next way, and the answer says so (`fallback`) so the page can tell the person. Every
 * answer carries the component's compiled form, for the page to hand to the next load of these bytes.
 *
 * The cache holds bytes, not compiled modules: Chromium refuses to store a WebAssembly.Module in
 * IndexedDB (DataCloneError, "A WebAssembly.Module can not be serialized for storage"), and
 * compiling the cached bytes takes 10-25 ms for echo's 1.3 MB core module (lazy Liftoff), which
 * WebAssembly.compileStreaming of a Cache Storage response did not beat in Chromium 156: V8 writes
 * a module's code cache only after its functions tier up, which a freshly loaded actor has not.
 * postMessage does carry a Module between the page and its workers, which is how `compiled` comes.
 */
export async function loadComponent(
  bytes: Uint8Array,
  options: LoadOptions,
  host: HostEnvironment,
  stage: StageReport,
): Promise<Result<{ component: LoadedComponent; cache: CacheUse; compiled: CompiledComponent }, EngineError>> {
  const { name, importModule, cache } = options;
  // A cached info is its key's: an Editor actor shares its host's key (core/editor/editorSource.ts),
  // so the size is these bytes' own.
  const withId = (info: ComponentInfo): ComponentInfo => {
    const actorId = givenActorId(info.actorId, options.actorId);
    return { ...info, size: bytes.length, ...(actorId !== undefined && { actorId }) };
  };
  const key = await cacheKeyOf(bytes);
  const compiledOf = (info: ComponentInfo, files: ReadonlyArray<[string, Uint8Array]>, component: LoadedComponent): CompiledComponent => ({
    key,
    info,
    files: files.filter(([path]) => !path.endsWith('.wasm')),
    modules: [...component.modules],
  });
  let use: CacheUse = { kind: 'off' };
  if (options.compiled?.key === key) {
    const { info, files, modules } = options.compiled;
    for (const skipped of SKIPPED_WHEN_COMPILED) stage(skipped, true);
    const component = await LoadedComponent.fromModules(new Map(modules), files, withId(info), name, importModule, host);
    if (component.ok) return ok({ component: component.value, cache: { kind: 'compiled' }, compiled: options.compiled });
    use = { kind: 'fallback', reason: `its compiled modules from the last load did not load (${component.error.message})` };
  }
  if (cache) {
    // A store that cannot be read at all (storage switched off) is no cache, not a damaged entry.
    const read: CacheRead = await cache.read(key).catch(() => ({ kind: 'miss' }) as const);
    if (read.kind === 'hit') {
      for (const skipped of SKIPPED_FROM_CACHE) stage(skipped, true);
      const component = await LoadedComponent.fromFiles(read.entry.files, withId(read.entry.info), name, importModule, host);
      if (component.ok) {
        stage('compiling');
        return ok({ component: component.value, cache: { kind: read.prebuilt ? 'prebuilt' : 'hit' }, compiled: compiledOf(read.entry.info, read.entry.files, component.value) });
      }
      use = { kind: 'fallback', reason: `its cached copy did not load (${component.error.message})` };
    } else if (use.kind === 'off') {
      use = read.kind === 'miss' ? { kind: 'miss' } : { kind: 'fallback', reason: read.reason };
    }
  }
  const info = await inspect(bytes);
  if (!info.ok) return info;
  stage('inspecting');
  const files = await LoadedComponent.transpile(bytes, info.value, name);
  if (!files.ok) return files;
  stage('transpiling');
  const component = await LoadedComponent.fromFiles(files.value, withId(info.value), name, importModule, host);
  if (!component.ok) return component;
  stage('compiling');
  // Awaited (hashing and storing echo's 1.8 MB takes tens of ms beside jco's hundreds), so once a
  // load has answered its entry is there for a reload. A write that fails (quota) only means the
  // next load of these bytes goes through jco again, as it would without a cache.
  if (cache) await cache.write(key, { info: info.value, files: files.value }).catch(() => undefined);
  return ok({ component: component.value, cache: use, compiled: compiledOf(info.value, files.value, component.value) });
}
