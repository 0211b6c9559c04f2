/**
 * What the playground does with each function a component imports, for the imports panel: a
 * person should know which answers are real, which are made-up defaults, and which cannot be
 * given at all, before trusting a conversation with the actor.
 */
import type { InterfaceTypes, ResourceDecl, TypeExpr } from './dtsTypes';
import type { RuntimeFunction } from './runtimeHost';

/** Every function jco will call for one interface: its own, and each resource's members and drop. */
export interface DeclaredFunction {
  name: string;
  /** What it returns, or `fresh` for a constructor (a new instance) and `drop` for a drop (nothing). */
  result: TypeExpr | 'fresh' | 'drop';
  /** For a resource's members. */
  resource?: ResourceDecl;
  /** jco's name for it: the function's, the class's method or static, undefined for constructors and drops. */
  jsName?: string;
}

/** The functions of an interface in Theater's names, in the order jco declared them. */
export function declaredFunctions(types: InterfaceTypes): DeclaredFunction[] {
  const list: DeclaredFunction[] = types.functions.map((decl) => ({ name: decl.witName, result: decl.result, jsName: decl.name }));
  for (const resource of types.resources) {
    const wit = resource.witName;
    if (resource.constructorParams) list.push({ name: `[constructor]${wit}`, result: 'fresh', resource });
    for (const method of resource.methods) list.push({ name: `[method]${wit}.${method.witName}`, result: method.result, resource, jsName: method.name });
    for (const method of resource.statics) list.push({ name: `[static]${wit}.${method.witName}`, result: method.result, resource, jsName: method.name });
    list.push({ name: `[resource-drop]${wit}`, result: 'drop', resource });
  }
  return list;
}

/** What each runtime function the playground provides does, as the panel says it. */
export const RUNTIME_DETAILS: Record<RuntimeFunction, string> = {
  log: 'recorded on the event, shown as its logs',
  'get-chain': "the actor's chain so far, as Theater's host gives it (hash = index); a replay gets the recorded one",
  shutdown: 'stops the actor after this call',
};

export const WASI_DETAIL = 'sandboxed: no files, network, environment or arguments';
