// Counter: the state is JSON the host keeps between calls. The actor itself remembers nothing:
// each call gets the last committed state and returns the next one. Send inc, dec, get or reset.
import { log } from 'theater:simple/runtime';

/** @type {typeof import('theater:simple/actor')} */
export const actor = {
  init(state) {
    // A fresh actor starts at zero; a restarted one is handed its last state back.
    return [state ?? save({ count: 0 })];
  },
};

/** @type {typeof import('theater:simple/websocket-server')} */
export const websocketServer = {
  handleMessage(bytes, [message]) {
    const state = bytes ? load(bytes) : { count: 0 };
    if (message.ty.tag !== 'text') return [bytes, [{ messages: [] }]];
    switch (message.text) {
      case 'inc':
        state.count += 1;
        break;
      case 'dec':
        state.count -= 1;
        break;
      case 'reset':
        state.count = 0;
        break;
      case 'get':
        break;
      default:
        return [bytes, [{ messages: [text('send inc, dec, get or reset')] }]];
    }
    log(`count is ${state.count}`);
    return [save(state), [{ messages: [text(`count: ${state.count}`)] }]];
  },
};

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: undefined };
}

// QuickJS has no TextEncoder: the JSON here is ASCII, one byte per character.
function save(state) {
  return Uint8Array.from(JSON.stringify(state), (c) => c.charCodeAt(0));
}

function load(bytes) {
  return JSON.parse(String.fromCharCode(...bytes));
}
