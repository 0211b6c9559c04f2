/**
 * An http-framework actor's calls as Theater's chain writes them. Theater records serde's JSON of
 * the Rust values (crates/theater-handler-http-framework, `wit/http.wit`): record fields in
 * snake_case, a `result` as `{"Ok": …}` or `{"Err": "…"}`, an `option` as the value or `null`, a
 * `websocket-message` as `serdeMessage` writes it.
 */
import type { HttpEventInfo } from '../events';
import type { HostCall } from '../hostCalls';
import { HTTP_HANDLERS } from '../interfaceNames';
import type { WebsocketMessage } from '../messages';
import { hostValue, serdeMessage } from './chainValues';

/** The export an http-framework event called, as the chain names it: connect, disconnect, or message by the input's type. */
export function httpHandlerFunction(input: WebsocketMessage | null): string {
  const tag = input?.ty.tag;
  return `${HTTP_HANDLERS}.handle-websocket-${tag === 'connect' ? 'connect' : tag === 'close' ? 'disconnect' : 'message'}`;
}

/** A u64 connection id as JSON writes it: a number (the playground's ids are below 2^53). */
const u64 = (decimal: string): number => Number(decimal);

/** The params a handler call's chain entry holds (without the state): `[handler, connection, path, null]`, `[handler, connection]` or `[handler, connection, message]`. */
export function httpHandlerParams(http: HttpEventInfo, input: WebsocketMessage | null): unknown[] {
  const head = [http.handler, u64(http.connection)];
  const tag = input?.ty.tag;
  if (tag === 'connect') return [...head, http.path ?? '/', null];
  if (tag === 'close') return head;
  return [...head, serdeMessage(input!)];
}

/**
 * The JSON of what a handler returned besides its state: `null` for connect and disconnect (`()`),
 * `[[…messages]]` for message (`(list<websocket-message>,)`, which Theater ignores but records).
 */
export function httpHandlerResult(http: HttpEventInfo, input: WebsocketMessage | null): unknown {
  const tag = input?.ty.tag;
  return tag === 'connect' || tag === 'close' ? null : [(http.returned ?? []).map(serdeMessage)];
}

type Recorded = Record<string, unknown>;

/** An `http-framework` call's input as Theater records it: its arguments' serde JSON. */
export function httpCallInput(call: HostCall): unknown {
  const args = call.args;
  switch (call.function) {
    case 'create-server': {
      const config = (args[0] ?? {}) as Recorded;
      const tls = config.tlsConfig as Recorded | undefined;
      return { port: config.port ?? null, host: config.host ?? null, tls_config: tls ? { cert_path: tls.certPath, key_path: tls.keyPath } : null };
    }
    case 'enable-websocket':
      return [args[0], args[1], args[2] ?? null, args[3], args[4] ?? null];
    case 'send-websocket-message':
      return [args[0], args[1], serdeMessage(args[2] as WebsocketMessage)];
    default:
      return hostValue(args);
  }
}

/** An `http-framework` call's output as Theater records it: `{"Ok": value}` (a record in snake_case) or `{"Err": "why"}`. */
export function httpCallOutput(call: HostCall): unknown {
  const result = call.result as { tag?: string; val?: unknown } | undefined;
  if (result?.tag === 'err') return { Err: result.val };
  const value = result?.val;
  if (call.function === 'get-server-info' && typeof value === 'object' && value !== null) {
    const info = value as Recorded;
    return { Ok: { id: info.id, port: info.port, host: info.host, running: info.running, routes_count: info.routesCount, middleware_count: info.middlewareCount, websocket_enabled: info.websocketEnabled } };
  }
  return { Ok: value ?? null };
}
