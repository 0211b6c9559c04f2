// An actor written against Theater's `ntwk:theater` package of April 2025: `init` receives the
// actor id in its params and keeps it as the state; every text is answered with that id, so a
// test can see which id the host passed.
import runtime from 'ntwk:theater/runtime';

// Actor ids are UUIDs (ASCII), and QuickJS has no TextEncoder.
const ascii = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0x7f);
const fromAscii = (bytes) => String.fromCharCode(...bytes);

export const actor = {
  init(state, [actorId]) {
    runtime.log(`init as ${actorId}`);
    return [state ?? ascii(actorId)];
  },
};

export const websocketServer = {
  handleMessage(state, [message]) {
    const id = state ? fromAscii(state) : 'no id';
    const messages = message.ty.tag === 'text' ? [{ ty: { tag: 'text' }, text: `${id}: ${message.text}` }] : [];
    return [state, [{ messages }]];
  },
};
