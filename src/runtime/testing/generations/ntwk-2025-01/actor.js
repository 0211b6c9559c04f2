// An actor written against Theater's websocket-server of January 2025: the message comes first,
// the state is plain bytes, and the answer is a bare tuple (no result). It answers nothing.
export const websocketServer = {
  handleMessage(message, state) {
    return [state, { messages: [] }];
  },
};
