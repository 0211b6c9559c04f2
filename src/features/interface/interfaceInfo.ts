import { unversioned, type ComponentInfo, type ImportedFunction, type WorldItem } from '../../core';

/**
 * The functions of one import and how the playground answers each, from the loaded component's
 * report; undefined for a component loaded before the report existed (a session saved earlier).
 */
export function functionsOf(info: ComponentInfo, item: WorldItem): ImportedFunction[] | undefined {
  if (!info.importFunctions) return undefined;
  const iface = item.kind === 'function' ? 'world' : unversioned(item.name);
  return info.importFunctions.filter((fn) => fn.interface === iface && (item.kind !== 'function' || fn.function === item.name));
}

/**
 * The playground implements Theater's runtime and a sandboxed WASI; any other function is a
 * recorded stub returning a default (or cannot be answered), which a person should know before
 * trusting a conversation. An import counts as stubbed when any of its functions is not provided;
 * one that declares only types (`theater:simple/types`) has nothing to stub.
 */
export function isStubbedImport(item: WorldItem, info: ComponentInfo): boolean {
  const functions = functionsOf(info, item);
  return functions ? functions.some((fn) => fn.provision !== 'provided') : item.provider === 'stub';
}

/** The imported functions no call can be answered for: a call traps the actor. */
export const missingFunctions = (info: ComponentInfo): ImportedFunction[] => (info.importFunctions ?? []).filter((fn) => fn.provision === 'missing');
