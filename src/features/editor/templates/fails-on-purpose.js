// Fails on purpose, to see what failing costs. The host commits a state only when the call
// returns ok: an err or a thrown error leaves the state as it was, and so does a trap.
//   "add"    adds one to the count (ok: committed)
//   "err"    adds one, then refuses: throwing an Error makes the call err with its message
//   "crash"  reads a property of undefined: a runtime error, shown at its line in the Editor
//   "count"  says the count, to check that neither failure changed it
/** @type {typeof import('theater:simple/websocket-server')} */
export const websocketServer = {
  handleMessage(state, [message]) {
    const count = state ? state[0] : 0;
    if (message.ty.tag !== 'text') return [state, [{ messages: [] }]];
    switch (message.text) {
      case 'add':
        return [new Uint8Array([count + 1]), [{ messages: [text(`count: ${count + 1}`)] }]];
      case 'err':
        // The count + 1 computed here is never committed.
        throw new Error(`refused on purpose (count would have been ${count + 1})`);
      case 'crash': {
        const missing = undefined;
        return [state, [{ messages: [text(missing.field)] }]];
      }
      case 'count':
        return [state, [{ messages: [text(`count: ${count}`)] }]];
      default:
        return [state, [{ messages: [text('send add, err, crash or count')] }]];
    }
  },
};

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: undefined };
}
