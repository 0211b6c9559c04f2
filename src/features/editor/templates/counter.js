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

// QuickJS has no TextEncoder or TextDecoder (neither here nor in the standalone build): UTF-8
// through encodeURIComponent, which every engine has.
function save(state) {
  return Uint8Array.from(unescape(encodeURIComponent(JSON.stringify(state))), (c) => c.charCodeAt(0));
}

function load(bytes) {
  // One character at a time: spreading a large state into String.fromCharCode passes QuickJS's
  // limit of 65,535 arguments.
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return JSON.parse(decodeURIComponent(escape(binary)));
}
