// An actor that misbehaves on demand, to exercise the host's failure paths: an `err` result, a
// trap, a call that never returns, responses Theater would drop, a very large state, and memory
// exhausted.
// The state counts successful calls, so a failed call that wrongly committed would show.
import runtime from 'theater:simple/runtime';

const mebibyte = 1024 * 1024;

export const websocketServer = {
  handleMessage(state, [message]) {
    const input = message.ty.tag === 'text' ? (message.text ?? '').trim() : '';
    const [name, arg] = input.split(/\s+/);
    runtime.log(`faulty: ${input || message.ty.tag}`);
    switch (name) {
      case 'err':
        // A thrown string becomes the `err` of the result: a clean failure.
        throw 'faulty: asked to fail';
      case 'trap':
        // An unknown variant case cannot be lowered into the canonical ABI, so the guest's
        // lowering code executes `unreachable`: the host sees a WebAssembly.RuntimeError.
        return [state, [{ messages: [{ ty: { tag: 'no-such-message-type' }, data: null, text: null }] }]];
      case 'loop':
        // No preemption inside a synchronous call: only the host's watchdog can stop this.
        for (;;) { /* spin */ }
      case 'notext':
        return reply(state, { ty: { tag: 'text' }, text: null, data: null });
      case 'nodata':
        return reply(state, { ty: { tag: 'binary' }, text: null, data: null });
      case 'other':
        return reply(state, { ty: { tag: 'other', val: 'custom' }, text: null, data: null });
      case 'huge': {
        const size = Number(arg ?? 4);
        if (!/^\d+$/.test(arg ?? '4') || size > 64) throw `faulty: "huge" takes 0 to 64 MiB, got "${arg}"`;
        const calls = parse(state).calls + 1;
        return [padded(calls, size * mebibyte), [{ messages: [text(`ok ${calls}, state ${size} MiB`)] }]];
      }
      case 'hog': {
        // Every chunk stays reachable, so nothing can be collected: the actor's memory grows
        // until its allocator fails (all 4 GiB of a 32-bit memory), as a leak would.
        const chunks = [];
        for (;;) chunks.push(new Uint8Array(64 * mebibyte));
      }
      default:
        return reply(state, text(`ok ${parse(state).calls + 1}`));
    }
  },
};

function reply(state, message) {
  const { calls, rest } = parse(state);
  return [concat(bytes(`{"calls":${calls + 1}`), rest), [{ messages: [message] }]];
}

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: null };
}

// The state is always valid JSON that starts `{"calls":N`, followed by `}` or, after `huge`, by
// `,"pad":"xxx…"}`. Only that short prefix is read and rewritten, so a state of many MiB costs a
// copy per call rather than a parse, and the counter stays readable in any viewer.
function parse(state) {
  const match = state && /^\{"calls":(\d+)/.exec(ascii(state.subarray(0, 32)));
  return match ? { calls: Number(match[1]), rest: state.subarray(match[0].length) } : { calls: 0, rest: bytes('}') };
}

function padded(calls, padBytes) {
  if (padBytes === 0) return bytes(`{"calls":${calls}}`);
  const head = bytes(`{"calls":${calls},"pad":"`);
  const out = new Uint8Array(head.length + padBytes + 2);
  out.set(head);
  // 'x' rather than zeros: every byte is really written and copied, like real data would be.
  out.fill(0x78, head.length, head.length + padBytes);
  out.set(bytes('"}'), head.length + padBytes);
  return out;
}

// The state is ASCII by construction, so one byte per character is enough here.
function ascii(view) {
  return String.fromCharCode(...view);
}

function bytes(string) {
  return Uint8Array.from(string, (c) => c.charCodeAt(0));
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
