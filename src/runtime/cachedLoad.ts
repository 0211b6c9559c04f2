import { givenActorId } from '../core/actorId';
import type { CacheUse, LoadStage } from '../core/actorSnapshot';
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
}

/**
 * Inspects, transpiles and compiles `bytes`, or, when `cache` holds them (by SHA-256), compiles
 * what it holds and skips jco altogether (neither jco tool is even loaded). A cached entry that
 * cannot be used, or whose files do not load, gives way to a full load with jco, and the answer
 * says so (`fallback`) so the page can tell the person; a full load refills the cache.
 *
 * The cache holds bytes, not compiled modules: Chromium refuses to store a WebAssembly.Module in
 * IndexedDB (DataCloneError, "A WebAssembly.Module can not be serialized for storage"), and
 * compiling the cached bytes takes 10-25 ms for echo's 1.3 MB core module (lazy Liftoff), which
 * WebAssembly.compileStreaming of a Cache Storage response did not beat in Chromium 156: V8 writes
 * a module's code cache only after its functions tier up, which a freshly loaded actor has not.
 */
export async function loadComponent(
  bytes: Uint8Array,
  options: LoadOptions,
  host: HostEnvironment,
  stage: (name: LoadStage) => void,
): Promise<Result<{ component: LoadedComponent; cache: CacheUse }, EngineError>> {
  const { name, importModule, cache } = options;
  const withId = (info: ComponentInfo): ComponentInfo => {
    const actorId = givenActorId(info.actorId, options.actorId);
    return actorId === undefined ? info : { ...info, actorId };
  };
  let use: CacheUse = { kind: 'off' };
  const key = cache && (await cacheKeyOf(bytes));
  if (cache && key) {
    // A store that cannot be read at all (storage switched off) is no cache, not a damaged entry.
    const read: CacheRead = await cache.read(key).catch(() => ({ kind: 'miss' }) as const);
    if (read.kind === 'hit') {
      stage('inspecting');
      stage('transpiling');
      const component = await LoadedComponent.fromFiles(read.entry.files, withId(read.entry.info), name, importModule, host);
      if (component.ok) {
        stage('compiling');
        return ok({ component: component.value, cache: { kind: read.prebuilt ? 'prebuilt' : 'hit' } });
      }
      use = { kind: 'fallback', reason: `its cached copy did not load (${component.error.message})` };
    } else {
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
  if (cache && key) await cache.write(key, { info: info.value, files: files.value }).catch(() => undefined);
  return ok({ component: component.value, cache: use });
}
