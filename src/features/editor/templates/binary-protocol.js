// A binary protocol: each binary message is [opcode, ...operands] in bytes, and so is each reply.
//   0x01 a b   add: replies [0x81, (a + b) & 0xff]
//   0x02 ...   reverse: replies [0x82, ...the operands reversed]
//   0x03       total: replies [0x83, the four bytes of a running sum kept in the state]
// Send binary in the composer (Message type: binary, hex such as 01 02 03).
/** @type {typeof import('theater:simple/websocket-server')} */
export const websocketServer = {
  handleMessage(state, [message]) {
    if (message.ty.tag !== 'binary' || !message.data || message.data.length === 0) {
      return [state, [{ messages: [] }]];
    }
    const [opcode, ...operands] = message.data;
    const total = state ? new DataView(state.buffer, state.byteOffset, 4).getUint32(0) : 0;
    switch (opcode) {
      case 0x01: {
        const sum = ((operands[0] ?? 0) + (operands[1] ?? 0)) & 0xff;
        return [u32(total + sum), [{ messages: [binary([0x81, sum])] }]];
      }
      case 0x02:
        return [state, [{ messages: [binary([0x82, ...operands.reverse()])] }]];
      case 0x03:
        return [state, [{ messages: [binary([0x83, ...u32(total)])] }]];
      default:
        // An unknown opcode gets 0xff and the opcode back: the client learns what was refused.
        return [state, [{ messages: [binary([0xff, opcode])] }]];
    }
  },
};

function binary(bytes) {
  return { ty: { tag: 'binary' }, data: new Uint8Array(bytes), text: undefined };
}

function u32(value) {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0);
  return bytes;
}
