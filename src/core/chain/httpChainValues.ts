/**
 * An http-framework actor's calls as Theater's chain writes them. Theater records serde's JSON of
 * the Rust values (crates/theater-handler-http-framework, `wit/http.wit`): record fields in
 * snake_case, a `result` as `{"Ok": …}` or `{"Err": "…"}`, an `option` as the value or `null`, a
 * `websocket-message` as `serdeMessage` writes it.
 */
import type { HttpEventInfo } from '../events';
import type { HostCall } from '../hostCalls';
import { HTTP_HANDLERS } from '../interfaceNames';
import { jsonText } from '../exactJson';
import { makeMessage, type WebsocketMessage } from '../messages';
import { hostArgs, hostValue, isObject, messageFromSerde, serdeMessage } from './chainValues';

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

/** An `http-framework` call read back from a chain, in the form the playground records one (the inverse of `httpCallInput` and `httpCallOutput`). */
export function httpCallFromChain(fn: string, input: unknown, output: unknown): { args: unknown[]; result: unknown } {
  const args = hostArgs(input);
  let recordedArgs = args;
  if (fn === 'create-server' && isObject(input)) {
    const tls = isObject(input.tls_config) ? { certPath: input.tls_config.cert_path, keyPath: input.tls_config.key_path } : undefined;
    recordedArgs = [{ port: input.port ?? undefined, host: input.host ?? undefined, tlsConfig: tls }];
  } else if (fn === 'enable-websocket') recordedArgs = args.map((arg) => arg ?? undefined);
  else if (fn === 'send-websocket-message') {
    const message = messageFromSerde(args[2]);
    recordedArgs = [args[0], args[1], message.ok ? message.value : args[2]];
  }
  return { args: recordedArgs, result: resultFromChain(fn, output) };
}

function resultFromChain(fn: string, output: unknown): unknown {
  if (!isObject(output)) return output;
  if ('Err' in output) return { tag: 'err', val: output.Err };
  if (!('Ok' in output)) return output;
  const value = output.Ok;
  if (fn === 'get-server-info' && isObject(value)) {
    return { tag: 'ok', val: { id: value.id, port: value.port, host: value.host, running: value.running, routesCount: value.routes_count, middlewareCount: value.middleware_count, websocketEnabled: value.websocket_enabled } };
  }
  return value === null ? { tag: 'ok' } : { tag: 'ok', val: value };
}

/** Whether a chain's function name is one of an http-framework actor's WebSocket handlers. */
export const isHttpHandlerFunction = (fn: string): boolean => /^theater:simple\/http-handlers\.handle-websocket-(connect|message|disconnect)$/.test(fn);

/**
 * An http-framework handler's call read back: its input as the event's (`connect`, the message,
 * `close`), what the handler got (`http`), and the list a message handler returned. A string says
 * why the params cannot be one.
 */
export function httpCallOf(fn: string, params: unknown): { input: WebsocketMessage; http: HttpEventInfo } | string {
  const which = /handle-websocket-(connect|message|disconnect)$/.exec(fn)?.[1];
  if (!Array.isArray(params) || typeof params[0] !== 'number' || !(typeof params[1] === 'number' || typeof params[1] === 'string')) return `its params ${jsonText(params)} do not start with a handler id and a connection id`;
  const http: HttpEventInfo = { handler: params[0], connection: String(params[1]) };
  if (which === 'connect') {
    if (params.length !== 4 || typeof params[2] !== 'string') return `its params ${jsonText(params)} are not [handler, connection, path, protocol]`;
    return { input: makeMessage('connect'), http: { ...http, path: params[2] } };
  }
  if (which === 'disconnect') return params.length === 2 ? { input: makeMessage('close'), http } : `its params ${jsonText(params)} are not [handler, connection]`;
  if (params.length !== 3) return `its params ${jsonText(params)} are not [handler, connection, message]`;
  const message = messageFromSerde(params[2]);
  return message.ok ? { input: message.value, http } : `its message cannot be read: ${message.error}`;
}

/** What a message handler returned, from its result's JSON (`[[…messages]]`); connect and disconnect return `null`. */
export function httpReturnedOf(fn: string, result: unknown): { returned?: WebsocketMessage[] } | string {
  if (!fn.endsWith('handle-websocket-message')) return result === null ? {} : `its result is ${jsonText(result)}, where ${fn} returns nothing (null)`;
  if (!Array.isArray(result) || result.length !== 1 || !Array.isArray(result[0])) return `its result ${jsonText(result)} is not [[…messages]]`;
  const returned: WebsocketMessage[] = [];
  for (const json of result[0] as unknown[]) {
    const message = messageFromSerde(json);
    if (!message.ok) return `a returned message cannot be read: ${message.error}`;
    returned.push(message.value);
  }
  return returned.length > 0 ? { returned } : {};
}
