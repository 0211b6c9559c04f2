// A stateful actor: the state is JSON in UTF-8 bytes, so the playground's state inspector and diffs
// have something readable to show, and `history` lets the state grow without bound.
import runtime from 'theater:simple/runtime';
import { loadState, saveState } from '../shared/jsonState.js';

const initialState = { count: 0, connections: 0, history: [] };
// Keeps one `burst` from flooding the timeline; large enough to show many messages per event.
const maxBurst = 100;

export const actor = {
  init(state) {
    // A restart hands back the last committed state; only a fresh actor starts from zero.
    if (state) {
      load(state);
      runtime.log('counter resumed');
      return [state];
    }
    runtime.log('counter initialised');
    return [save(initialState)];
  },
};

export const websocketServer = {
  handleMessage(stateBytes, [message]) {
    // Theater need not call init first (a replay may start mid-history), so none means fresh.
    const state = stateBytes ? load(stateBytes) : { ...initialState, history: [] };
    const replies = handle(state, message);
    return [save(state), [{ messages: replies.map(text) }]];
  },
};

function handle(state, message) {
  switch (message.ty.tag) {
    case 'connect':
      state.connections += 1;
      runtime.log(`connect -> ${state.connections} open`);
      return [`connected (${state.connections} open)`];
    case 'close':
      // A replay can start after the connect, so never go below zero.
      state.connections = Math.max(0, state.connections - 1);
      runtime.log(`close -> ${state.connections} open`);
      return [];
    case 'text':
      return command(state, message.text ?? '');
    default:
      runtime.log(`ignored a message of type ${message.ty.tag}`);
      return [];
  }
}

function command(state, input) {
  const [name, ...args] = input.trim().split(/\s+/);
  switch (name) {
    case 'inc':
    case 'dec': {
      const n = args.length === 0 ? 1 : wholeNumber(name, args, Number.MAX_SAFE_INTEGER);
      const count = state.count + (name === 'inc' ? n : -n);
      // Past 2^53 JSON numbers stop being exact, and the state would silently go wrong.
      if (!Number.isSafeInteger(count)) fail(`"${name} ${n}" would take the count past ±${Number.MAX_SAFE_INTEGER}`);
      state.count = count;
      runtime.log(`${name} ${n} -> count ${state.count}`);
      return [`count: ${state.count}`];
    }
    case 'reset':
      noArgs(name, args);
      state.count = 0;
      runtime.log('reset -> count 0');
      return ['count: 0'];
    case 'get':
      noArgs(name, args);
      runtime.log(`get -> count ${state.count}`);
      return [`count: ${state.count}`];
    case 'burst': {
      const n = wholeNumber(name, args, maxBurst);
      runtime.log(`burst ${n}`);
      return Array.from({ length: n }, (_, i) => `${i + 1}/${n}`);
    }
    default:
      state.history.push(input);
      runtime.log(`stored "${input}" (${state.history.length} items)`);
      return [`stored (${state.history.length} items)`];
  }
}

function wholeNumber(name, args, max) {
  const [arg] = args;
  if (args.length !== 1 || !/^\d+$/.test(arg) || Number(arg) < 1 || Number(arg) > max) {
    fail(`"${name}" needs one whole number from 1 to ${max}, got "${args.join(' ')}"`);
  }
  return Number(arg);
}

function noArgs(name, args) {
  if (args.length > 0) fail(`"${name}" takes no argument, got "${args.join(' ')}"`);
}

// A thrown string becomes the `err` of the result: the host commits nothing and shows the text.
// It is logged too, so a failed command still leaves its line in the event's log.
function fail(reason) {
  runtime.log(`error: ${reason}`);
  throw `counter: ${reason}`;
}

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: null };
}

const load = (bytes) => loadState(bytes, fail);
const save = saveState;
