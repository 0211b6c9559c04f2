/**
 * Theater's `http-framework` host interface, answered by the playground's simulated server.
 *
 * Theater declares it in `wit/http.wit` (package `theater:simple`) and implemented it in
 * `crates/theater-handler-http-framework` (servers, handlers, routes, middleware, WebSocket paths;
 * `send-websocket-message` and `close-websocket` reach any open connection by its id). The state it
 * keeps is `core/httpServers.ts`; this file turns jco's calls into that table's and records each
 * one as a host call, as Theater's chain does.
 */
import type { FunctionDecl, InterfaceTypes } from './dtsTypes';
import { HttpServers, type HostResult } from '../core/httpServers';
import { makeMessage, type WebsocketMessage } from '../core/messages';
import { toRecorded } from './recordedValues';
import type { HostFunction, StubEnvironment } from './stubCalls';

/** One message the actor sent during the call under way, to its connection `connection` (the actor's id, decimal). */
export interface SentMessage {
  connection: string;
  message: WebsocketMessage;
}

/** The `http-framework` functions the simulated server answers, by their WIT names. */
export const HTTP_FRAMEWORK_FUNCTIONS = [
  'create-server', 'get-server-info', 'start-server', 'stop-server', 'destroy-server', 'register-handler', 'add-route', 'remove-route',
  'add-middleware', 'remove-middleware', 'enable-websocket', 'disable-websocket', 'send-websocket-message', 'close-websocket',
] as const;

/** What the Component panel says of each, beside the function. */
export const HTTP_FRAMEWORK_DETAIL = 'the simulated server: servers, handlers, routes and WebSocket paths as Theater keeps them; sends reach the named connection';

/** jco hands an `err` of an imported `result<_, string>` back to the guest from a thrown value's `payload`. */
class HostErr extends Error {
  constructor(readonly payload: string) {
    super(payload);
  }
}

/**
 * The simulated server behind one session. `servers` is its state; `take` hands the session what
 * the actor sent during the call that just ended.
 */
export class HttpFrameworkHost {
  #outbox: SentMessage[] = [];

  constructor(public servers = new HttpServers()) {}

  /** The messages sent since the last `take`, in the order the actor sent them. */
  take(): SentMessage[] {
    const sent = this.#outbox;
    this.#outbox = [];
    return sent;
  }

  /** The import object's functions for `iface` (jco's names), every declared one Theater's interface has. */
  imports(iface: string, types: InterfaceTypes, env: StubEnvironment): Record<string, HostFunction> {
    const imports: Record<string, HostFunction> = {};
    for (const decl of types.functions) if (isSimulated(decl)) imports[decl.name] = this.#implementation(iface, decl.witName, env);
    return imports;
  }

  #implementation(iface: string, fn: string, { recorder }: StubEnvironment): HostFunction {
    return (...raw) => {
      const args = raw.map(toRecorded);
      const result: HostResult = this.servers.apply(fn, args);
      if (result.ok && (fn === 'send-websocket-message' || fn === 'close-websocket')) {
        // `args` are copies out of the actor's memory (toRecorded), which the next call may overwrite.
        this.#outbox.push({ connection: String(args[1]), message: fn === 'close-websocket' ? makeMessage('close') : (args[2] as WebsocketMessage) });
      }
      recorder.record({ interface: iface, function: fn, args, result: result.ok ? { tag: 'ok', val: toRecorded(result.value) } : { tag: 'err', val: result.error }, stubbed: false });
      if (!result.ok) throw new HostErr(result.error);
      // jco passes u64s as bigints (every id here; `start-server`'s port is a u16).
      const value = result.value;
      if (fn === 'get-server-info') return { ...(value as object), id: BigInt((value as { id: number }).id) };
      return typeof value === 'number' && fn !== 'start-server' ? BigInt(value) : value;
    };
  }
}

/** Whether the simulated server answers `decl` (an actor built against another Theater may declare more). */
export const isSimulated = (decl: FunctionDecl): boolean => (HTTP_FRAMEWORK_FUNCTIONS as readonly string[]).includes(decl.witName);
