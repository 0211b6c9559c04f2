// An actor written against Theater's `ntwk:theater` package of April 2025: `init` receives the
// actor id in its params and keeps it as the state; every text is answered with that id, so a
// test can see which id the host passed. The text `chain` is answered with what `get-chain` says:
// how many entries, and the first one's data (init's call, as that era's Theater wrote it).
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
    if (message.ty.tag === 'text' && message.text === 'chain') {
      const { events } = runtime.getChain();
      const text = `${events.length} entries, the first ${fromAscii(events[0].event.data)}`;
      return [state, [{ messages: [{ ty: { tag: 'text' }, text }] }]];
    }
    const messages = message.ty.tag === 'text' ? [{ ty: { tag: 'text' }, text: `${id}: ${message.text}` }] : [];
    return [state, [{ messages }]];
  },
};
