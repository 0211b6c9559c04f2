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

// QuickJS has no TextEncoder or TextDecoder: UTF-8 by hand, so any language can be said.
function save(state) {
  const out = [];
  for (const char of JSON.stringify(state)) {
    const c = char.codePointAt(0);
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return new Uint8Array(out);
}

function load(bytes) {
  let json = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i++];
    const extra = b < 0x80 ? 0 : b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
    let c = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 0; k < extra; k++) c = (c << 6) | (bytes[i++] & 63);
    json += String.fromCodePoint(c);
  }
  return JSON.parse(json);
}
