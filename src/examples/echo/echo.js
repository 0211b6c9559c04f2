// The default actor: it answers every event so a first-time user sees each message type round-trip.
// The state is never touched, which makes every call trivially replayable.

export const websocketServer = {
  handleMessage(state, [message]) {
    return [state, [{ messages: reply(message) }]];
  },
};

function reply(message) {
  switch (message.ty.tag) {
    // Text and binary go back as they came, so the playground can show identity on the wire.
    case 'text':
      return [{ ty: { tag: 'text' }, text: message.text, data: null }];
    case 'binary':
      return [{ ty: { tag: 'binary' }, data: message.data, text: null }];
    case 'connect':
      return [text('Welcome! You are connected to the echo actor.')];
    // A ping must be answered by a pong with the same payload (RFC 6455, section 5.5.3).
    case 'ping':
      return [{ ty: { tag: 'pong' }, data: message.data, text: null }];
    // Answering a pong or a close would only start a loop or talk to a closed socket.
    case 'pong':
    case 'close':
      return [];
    default:
      return [text(`echo: unknown message type "${message.ty.val}"`)];
  }
}

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: null };
}
