// Chat room: the transcript lives in the state. Open two connections and send from one: the
// reply goes only to the sender. A websocket-server actor answers the connection that sent the
// message and no other, so the other connection sees the message only when it asks ("history").
/** @type {typeof import('theater:simple/websocket-server')} */
export const websocketServer = {
  handleMessage(bytes, [message]) {
    const room = bytes ? load(bytes) : { lines: [] };
    switch (message.ty.tag) {
      case 'connect':
        return [bytes, [{ messages: [text(`Welcome! ${room.lines.length} lines so far. Send "history" to read them.`)] }]];
      case 'text': {
        if (message.text === 'history') return [bytes, [{ messages: room.lines.map(text) }]];
        room.lines.push(message.text ?? '');
        // Only the last 20 lines are kept: the state is sent to the actor on every call.
        room.lines = room.lines.slice(-20);
        return [save(room), [{ messages: [text(`said (line ${room.lines.length}); others see it with "history"`)] }]];
      }
      default:
        return [bytes, [{ messages: [] }]];
    }
  },
};

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: undefined };
}

// QuickJS has no TextEncoder or TextDecoder (neither here nor in the standalone build): UTF-8
// through encodeURIComponent, which every engine has, so any language can be said.
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
