// A chat room in Theater's current WebSocket style (world http-websocket-actor): `init` creates a
// server through `theater:simple/http-framework`, registers handlers and enables WebSockets on
// /chat; Theater then calls `theater:simple/http-handlers` with a connection id for each connection,
// message and disconnection, and the actor answers any connection it likes with
// `send-websocket-message`: a broadcast, which the older websocket-server interface could not do.
// The state is JSON: the server, the handler ids and the members, every id a decimal string (they
// are u64; JSON has no 64-bit integers).
import runtime from 'theater:simple/runtime';
import http from 'theater:simple/http-framework';
import { loadState, saveState } from '../shared/jsonState.js';
import { utf8Encode } from '../shared/utf8.js';

const config = { port: 8080, host: null, tlsConfig: null };
const chatPath = '/chat';

export const actor = {
  init(stateBytes) {
    // A restart hands back the last committed state, whose server Theater still holds.
    if (stateBytes) {
      const state = load(stateBytes);
      if (state.server !== null) {
        runtime.log(`chat-room resumed: server ${state.server}, ${count(state.members)}`);
        return [stateBytes];
      }
    }
    const server = call('create-server', () => http.createServer(config));
    runtime.log(`created server ${server} (port ${config.port})`);
    const handlers = {};
    for (const name of ['connect', 'message', 'disconnect', 'http']) {
      handlers[name] = call('register-handler', () => http.registerHandler(name));
      runtime.log(`registered handler "${name}" as ${handlers[name]}`);
    }
    call('enable-websocket', () =>
      http.enableWebsocket(server, chatPath, handlers.connect, handlers.message, handlers.disconnect),
    );
    runtime.log(`enabled WebSockets on ${chatPath}`);
    const route = call('add-route', () => http.addRoute(server, '/', 'GET', handlers.http));
    runtime.log(`added route ${route}: GET / lists the members`);
    const port = call('start-server', () => http.startServer(server));
    runtime.log(`started server ${server} on port ${port}`);
    return [save({ server: id(server), handlers: mapValues(handlers, id), members: [] })];
  },
};

/** Everyone hears a text message, its sender included. */
export const everyone = (members) => members;

/**
 * The room's handlers, given who hears a text message: chat-room-v2 builds its regression with
 * another choice and shares everything else.
 */
export function chatRoom(textRecipients) {
  return {
    handleWebsocketConnect(stateBytes, [, connection]) {
      const state = loadOrFresh(stateBytes);
      const member = memberId(connection);
      const others = state.members.filter((m) => m !== member);
      state.members = [...others, member];
      runtime.log(`${member} joined: ${count(state.members)}`);
      send(state, member, `welcome, you are ${member}; ${count(state.members)}`);
      for (const other of others) send(state, other, `${member} joined`);
      return [save(state)];
    },

    handleWebsocketMessage(stateBytes, [, connection, message]) {
      const state = loadOrFresh(stateBytes);
      const member = memberId(connection);
      switch (message.ty.tag) {
        case 'text': {
          // `/kick <id>` closes that member's connection (close-websocket); Theater then calls disconnect for it.
          const kick = /^\/kick (\d+)$/.exec(message.text ?? '');
          if (kick) {
            kickMember(state, member, kick[1]);
            break;
          }
          const line = `${member}: ${message.text ?? ''}`;
          // A replay may start after the sender joined: it hears its own line all the same.
          const members = state.members.includes(member) ? state.members : [...state.members, member];
          for (const to of textRecipients(members, member)) send(state, to, line);
          break;
        }
        case 'binary':
          runtime.log(`${member} sent ${message.data?.length ?? 0} bytes: echoed to ${member} only`);
          sendMessage(state, member, { ty: { tag: 'binary' }, data: message.data ?? new Uint8Array(), text: null });
          break;
        default:
          runtime.log(`ignored a ${message.ty.tag} message from ${member}`);
      }
      // Theater ignores this list: replies go out through send-websocket-message.
      return [stateBytes, [[]]];
    },

    handleWebsocketDisconnect(stateBytes, [, connection]) {
      const state = loadOrFresh(stateBytes);
      const member = memberId(connection);
      state.members = state.members.filter((m) => m !== member);
      runtime.log(`${member} left: ${count(state.members)}`);
      for (const other of state.members) send(state, other, `${member} left`);
      return [save(state)];
    },

    handleRequest(stateBytes, [, request]) {
      const state = loadOrFresh(stateBytes);
      runtime.log(`${request.method} ${request.uri}`);
      const body = `chat-room: ${count(state.members)}\n${state.members.map((m) => `${m}\n`).join('')}`;
      const headers = [['content-type', 'text/plain; charset=utf-8']];
      return [stateBytes, [{ status: 200, headers, body: utf8Encode(body) }]];
    },

    handleMiddleware(stateBytes, [, request]) {
      return [stateBytes, [{ proceed: true, request }]];
    },
  };
}

export const httpHandlers = chatRoom(everyone);

function kickMember(state, by, target) {
  if (!state.members.includes(target)) {
    send(state, by, `no member ${target}`);
    return;
  }
  try {
    http.closeWebsocket(u64(state.server), u64(target));
    runtime.log(`${by} closed ${target}'s connection`);
  } catch (e) {
    runtime.log(`closing ${target} failed: ${e instanceof Error ? e.message : e}`);
  }
}

function send(state, to, line) {
  sendMessage(state, to, { ty: { tag: 'text' }, data: null, text: line });
}

// One connection that is gone must not stop a broadcast to the rest, so a failed send is logged,
// not thrown.
function sendMessage(state, to, message) {
  if (state.server === null) fail('no server: init has not run');
  try {
    http.sendWebsocketMessage(u64(state.server), u64(to), message);
  } catch (e) {
    runtime.log(`send to ${to} failed: ${e instanceof Error ? e.message : e}`);
  }
}

// An http-framework function returns its ok value; its err is thrown, and becomes ours.
function call(name, f) {
  try {
    return f();
  } catch (e) {
    fail(`${name} failed: ${e instanceof Error ? e.message : e}`);
  }
}

// A thrown string becomes the `err` of the result: the host commits nothing and shows the text.
function fail(reason) {
  runtime.log(`error: ${reason}`);
  throw `chat-room: ${reason}`;
}

// Theater need not call init first (a replay may start mid-history), so none means fresh.
const loadOrFresh = (bytes) => (bytes ? load(bytes) : { server: null, handlers: {}, members: [] });
const load = (bytes) => loadState(bytes, fail);
const save = saveState;
const count = (members) => `${members.length} member${members.length === 1 ? '' : 's'}`;
const mapValues = (object, f) => Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));
/** A u64 as the state keeps it: the binding's number as a decimal string. */
const id = (value) => String(value);
/**
 * A kept id back as the binding takes a u64: componentize-qjs passes u64 as a JavaScript number
 * both ways (a BigInt argument traps), so an id past 2^53 arrives rounded and cannot be answered.
 */
const u64 = (decimal) => Number(decimal);

// Theater draws connection ids at random from all of u64, mostly past 2^53: say so when it shows.
function memberId(connection) {
  if (!Number.isSafeInteger(connection)) {
    runtime.log(`connection id ${connection} is past 2^53: QuickJS rounded it, so sends to it may reach no one`);
  }
  return id(connection);
}
