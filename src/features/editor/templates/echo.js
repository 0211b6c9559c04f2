// Echo: every message goes back to the connection that sent it.
// The host calls handleMessage once per event with the state it keeps for this actor and the
// message; the actor returns the state to keep and the messages to send back. Edit a reply, press
// Run actor, and chat with it.

/** @type {typeof import('theater:simple/websocket-server')} */
export const websocketServer = {
  handleMessage(state, [message]) {
    switch (message.ty.tag) {
      case 'connect':
        return [state, [{ messages: [text('Welcome! I send back whatever you send me.')] }]];
      case 'text':
        return [state, [{ messages: [text(message.text ?? '')] }]];
      case 'binary':
        return [state, [{ messages: [{ ty: { tag: 'binary' }, data: message.data, text: undefined }] }]];
      case 'ping':
        // A ping is answered by a pong with the same payload (RFC 6455).
        return [state, [{ messages: [{ ty: { tag: 'pong' }, data: message.data, text: undefined }] }]];
      default:
        // close, pong and other: nothing to say.
        return [state, [{ messages: [] }]];
    }
  },
};

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: undefined };
}
