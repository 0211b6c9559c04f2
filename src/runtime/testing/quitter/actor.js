// A test actor that stops itself: `quit` calls runtime.shutdown twice, first with none, then with
// some(bytes) (the UTF-8 of the rest of the text after `quit `, or of `bye`), and answers `bye`;
// `log <text>` logs the text; any other text is echoed. Chains write a host call's arguments as one
// JSON value, so these two calls are the ones whose argument count a chain cannot keep.
import runtime from 'theater:simple/runtime';

// QuickJS has no TextEncoder; the tests send ASCII.
const ascii = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
const text = (t) => ({ ty: { tag: 'text' }, text: t });

export const websocketServer = {
  handleMessage(state, [message]) {
    const said = message.ty.tag === 'text' ? message.text : '';
    if (said === 'quit' || said.startsWith('quit ')) {
      runtime.shutdown(undefined);
      runtime.shutdown(ascii(said.slice('quit '.length) || 'bye'));
      return [state, [{ messages: [text('bye')] }]];
    }
    if (said.startsWith('log ')) runtime.log(said.slice('log '.length));
    return [state, [{ messages: [text(said)] }]];
  },
};
