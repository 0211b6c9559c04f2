/**
 * Stub classes for imported WIT resources the playground does not implement.
 *
 * jco's glue treats an imported resource as a class the host supplies: it calls `new Expat(cb)`
 * and checks `ret instanceof Expat`, calls methods on objects it may have made itself with
 * `Object.create(Expat.prototype)`, statics as `Expat.name()`, and on a drop calls the object's
 * `[Symbol.dispose]()` (or the class's `[Symbol.for('cabiDispose')](rep)` when it has no object).
 * Every one of those is recorded as Theater names it: `[constructor]expat`, `[method]expat.parse`,
 * `[static]expat.name`, `[resource-drop]expat`, a resource value as its handle number.
 */
import type { ImportTypes, ResourceDecl } from './dtsTypes';
import type { CallRecorder } from '../core/hostCalls';
import { CABI_REP, toRecorded } from './recordedValues';
import { answerCall, type StubEnvironment } from './stubCalls';
import { NoDefaultError, type ValueContext } from './stubDefaults';

/** The glue's dispose key: `Symbol.dispose` where the engine has it. */
const DISPOSE: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('dispose');
const CABI_DISPOSE = Symbol.for('cabiDispose');

/**
 * One resource type's handle numbers: a counter, as Theater's chains show them. A replay asks
 * for the recorded number, so later calls name the same handles; it gets it unless that number
 * is still held by a live instance.
 */
class Handles {
  #next = 1;
  readonly #live = new Set<number>();

  claim(wanted?: unknown): number {
    const handle = typeof wanted === 'number' && Number.isSafeInteger(wanted) && wanted > 0 && !this.#live.has(wanted) ? wanted : this.#next;
    this.#next = Math.max(this.#next, handle + 1);
    this.#live.add(handle);
    return handle;
  }

  release(handle: unknown): void {
    if (typeof handle === 'number') this.#live.delete(handle);
  }
}

interface StubClass {
  cls: new (...args: unknown[]) => object;
  handles: Handles;
}

/**
 * Makes (once per resource) the classes the glue gets, and fresh instances for results. Also
 * the ValueContext stubs build values with. `owners` maps each `.d.ts` file whose resources the
 * playground stubs to its interface's unversioned name (WASI's are the shim's, not in it).
 */
export class ResourceStubs implements ValueContext {
  readonly #classes = new Map<string, StubClass>();
  readonly #env: StubEnvironment;

  constructor(
    readonly types: ImportTypes,
    recorder: CallRecorder,
    private readonly owners: ReadonlyMap<string, string>,
  ) {
    this.#env = { recorder, context: this };
  }

  /** Whether the playground can make this resource (it belongs to an interface it stubs). */
  canMake = (decl: ResourceDecl): boolean => this.owners.has(decl.file);

  classOf(decl: ResourceDecl): new (...args: unknown[]) => object {
    return this.#stub(decl).cls;
  }

  resource(decl: ResourceDecl, handle?: unknown): unknown {
    const { cls, handles } = this.#stub(decl);
    // A resource another call returned: no constructor of it ran, in Theater's chains either.
    const instance = Object.create(cls.prototype) as Record<symbol, unknown>;
    instance[CABI_REP] = handles.claim(handle);
    return instance;
  }

  #stub(decl: ResourceDecl): StubClass {
    const key = `${decl.file}#${decl.name}`;
    let stub = this.#classes.get(key);
    if (!stub) {
      const iface = this.owners.get(decl.file);
      if (iface === undefined) throw new NoDefaultError(`a ${decl.witName} is a resource only its own host can make`);
      stub = makeClass(decl, iface, this.#env);
      this.#classes.set(key, stub);
    }
    return stub;
  }
}

function makeClass(decl: ResourceDecl, iface: string, env: StubEnvironment): StubClass {
  const { recorder } = env;
  const handles = new Handles();
  const constructorName = `[constructor]${decl.witName}`;
  const dropName = `[resource-drop]${decl.witName}`;
  const drop = (handle: unknown) => {
    handles.release(handle);
    recorder.record({ interface: iface, function: dropName, args: [handle], result: undefined, stubbed: true });
  };
  const cls = class {
    constructor(...args: unknown[]) {
      // A replay still makes a fresh instance, but consumes the recorded call and its handle.
      const handle = handles.claim(recorder.scripted(iface, constructorName)?.result);
      // jco keys its table of host objects by this (`ret[Symbol.for('cabiRep')] || ++count`): so
      // the objects it makes for borrows, and a drop without an object, carry the handle too.
      (this as Record<symbol, unknown>)[CABI_REP] = handle;
      recorder.record({ interface: iface, function: constructorName, args: args.map(toRecorded), result: handle, stubbed: true });
    }
  };
  // Named before the statics: a static may itself be called `name`.
  Object.defineProperty(cls, 'name', { value: decl.name });
  for (const method of decl.methods) {
    const fn = `[method]${decl.witName}.${method.witName}`;
    define(cls.prototype, method.name, function (this: object, ...args: unknown[]) {
      return answerCall(env, iface, fn, [this, ...args], method.result);
    });
  }
  for (const method of decl.statics) {
    const fn = `[static]${decl.witName}.${method.witName}`;
    define(cls, method.name, (...args: unknown[]) => answerCall(env, iface, fn, args, method.result));
  }
  define(cls.prototype, DISPOSE, function (this: Record<symbol, unknown>) {
    drop(this[CABI_REP]);
  });
  define(cls, CABI_DISPOSE, drop);
  return { cls, handles };
}

const define = (target: object, key: string | symbol, value: unknown) => Object.defineProperty(target, key, { value, writable: true, configurable: true });
