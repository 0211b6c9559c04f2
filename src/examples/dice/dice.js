// Rolls dice with WASI's random source and stamps each roll with WASI's wall clock, both imported
// by name (world websocket-actor-with-wasi) and called through the bindings. The playground
// answers both from a seeded generator and a virtual clock and records every call, so a replay
// gives the same rolls at the same times. The rolls so far are JSON state.
import random from 'wasi:random/random@0.2.3';
import clock from 'wasi:clocks/wall-clock@0.2.3';
import runtime from 'theater:simple/runtime';
import { loadState, saveState } from '../shared/jsonState.js';

const help = 'roll NdM (e.g. roll 2d6; roll alone is 1d6), history, clear';
// Keeps one message's rolls and the kept history small enough to read.
const maxDice = 100;
const maxSides = 1000;
const keptRolls = 50;

export const actor = {
  init(state) {
    if (state) {
      load(state);
      return [state];
    }
    runtime.log('dice ready');
    return [save({ rolls: [] })];
  },
};

export const websocketServer = {
  handleMessage(stateBytes, [message]) {
    const state = stateBytes ? load(stateBytes) : { rolls: [] };
    switch (message.ty.tag) {
      case 'connect':
        return [save(state), [{ messages: [text(`dice: ${help}`)] }]];
      case 'text': {
        // The command first: it changes the state that is then saved.
        const replies = command(state, message.text ?? '');
        return [save(state), [{ messages: replies.map(text) }]];
      }
      default:
        return [save(state), [{ messages: [] }]];
    }
  },
};

function command(state, input) {
  const [name, ...args] = input.trim().split(/\s+/);
  switch (name) {
    case 'roll':
      return [roll(state, args.length === 0 ? '1d6' : args.join(''))];
    case 'history':
      return state.rolls.length === 0 ? ['no rolls yet'] : state.rolls.map(describe);
    case 'clear':
      state.rolls = [];
      return ['history cleared'];
    default:
      fail(`unknown command "${input}": ${help}`);
  }
}

function roll(state, spec) {
  const match = /^(\d+)d(\d+)$/.exec(spec);
  const count = match ? Number(match[1]) : 0;
  const sides = match ? Number(match[2]) : 0;
  if (!match || count < 1 || count > maxDice || sides < 2 || sides > maxSides) fail(`"${spec}" is not NdM with N from 1 to ${maxDice} and M from 2 to ${maxSides}`);
  const values = Array.from({ length: count }, () => die(sides));
  const { seconds, nanoseconds } = clock.now();
  const at = new Date(Number(seconds) * 1000 + Math.floor(nanoseconds / 1e6)).toISOString();
  const entry = { dice: `${count}d${sides}`, values, total: values.reduce((a, b) => a + b, 0), at };
  state.rolls = [...state.rolls, entry].slice(-keptRolls);
  runtime.log(`rolled ${describe(entry)}`);
  return describe(entry);
}

// One die from four random bytes, redrawn when they fall in the uneven tail so every face is as likely.
function die(sides) {
  const limit = Math.floor(0x1_0000_0000 / sides) * sides;
  for (;;) {
    const [a, b, c, d] = random.getRandomBytes(4);
    const value = (a | (b << 8) | (c << 16) | (d << 24)) >>> 0;
    if (value < limit) return (value % sides) + 1;
  }
}

function describe({ dice, values, total, at }) {
  return `${dice}: ${values.join(' + ')} = ${total} at ${at}`;
}

// A thrown string becomes the `err` of the result: the host commits nothing and shows the text.
function fail(reason) {
  runtime.log(`error: ${reason}`);
  throw `dice: ${reason}`;
}

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: null };
}

const load = (bytes) => loadState(bytes, fail);
const save = saveState;
