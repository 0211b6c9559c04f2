import { witName, type FunctionDecl, type InterfaceTypes, type ResourceDecl, type TypeExpr } from './dtsTypes';
import type { CallRecorder } from '../core/hostCalls';
import { fromRecorded, toRecorded } from './recordedValues';
import { defaultValue, NoDefaultError, type ValueContext } from './stubDefaults';

export type HostFunction = (...args: unknown[]) => unknown;

/** A stub's surroundings: where calls are recorded, and how values (resources included) are made. */
export interface StubEnvironment {
  recorder: CallRecorder;
  context: ValueContext;
}

/**
 * Answers one call the playground stubs and records it under Theater's name for it (`get`,
 * `[method]expat.parse`, `[static]expat.name`): during a replay with the recorded result, else
 * with the type's default. A result no default exists for traps the actor, with a message saying
 * so: the clearest outcome for an import that cannot be faked.
 */
export function answerCall(env: StubEnvironment, iface: string, fn: string, args: readonly unknown[], result: TypeExpr): unknown {
  const { recorder, context } = env;
  const recordedArgs = args.map(toRecorded);
  let value: unknown;
  try {
    const scripted = recorder.scripted(iface, fn);
    value = scripted ? fromRecorded(scripted.result, result, context) : defaultValue(result, context);
  } catch (error) {
    if (!(error instanceof NoDefaultError)) throw error;
    recorder.record({ interface: iface, function: fn, args: recordedArgs, result: undefined, stubbed: true });
    throw new Error(`${iface}.${fn} is not implemented by the playground and has no default: ${error.message}`);
  }
  recorder.record({ interface: iface, function: fn, args: recordedArgs, result: toRecorded(value), stubbed: true });
  return value;
}

/** A recorded stub for one declared function of `iface`. */
export const stubFunction =
  (env: StubEnvironment, iface: string, decl: FunctionDecl): HostFunction =>
  (...args) =>
    answerCall(env, iface, decl.witName, args, decl.result);

const NOTHING: TypeExpr = { t: 'name', name: 'void', args: [], scope: '' };

/**
 * The import object for an interface the playground stubs: every function and resource class
 * jco declared for it. Without declarations (jco wrote none for this name) any property read
 * gives a recording stub that returns nothing, so the glue's lookups still succeed.
 */
export function stubInterface(env: StubEnvironment, iface: string, types: InterfaceTypes | undefined, classOf: (decl: ResourceDecl) => unknown): Record<string, unknown> {
  if (!types) {
    const made = new Map<string, HostFunction>();
    return new Proxy({}, {
      get(_target, property) {
        if (typeof property !== 'string') return undefined;
        let fn = made.get(property);
        // `function`, not an arrow: jco calls `new` on a resource class it looks up.
        if (!fn) made.set(property, (fn = function (...args: unknown[]) { return answerCall(env, iface, witName(property), args, NOTHING); }));
        return fn;
      },
    });
  }
  const members: Record<string, unknown> = {};
  for (const decl of types.functions) members[decl.name] = stubFunction(env, iface, decl);
  for (const resource of types.resources) members[resource.name] = classOf(resource);
  return members;
}
