// The Editor tab's host: a real component that runs the JavaScript actor a learner types in the
// page, so an edit needs no toolchain. The playground hands it the source through its own import
// (playground:editor/source, answered only by the playground) as a function body in which the
// source's `export`s became `exports.<name> =` and its imports `require(...)` on the same lines.
//
// It behaves as the same source built on its own with componentize-qjs (`npm run build:actor`):
// the same QuickJS runs it, and a thrown error leaves the call as componentize-qjs makes it (err
// with the error's message). The one thing it adds is telling the playground where the error was.
import { getSource, reportError } from 'playground:editor/source';
import * as runtime from 'theater:simple/runtime';

// The only module an actor here can import: the rest of its world is the playground's.
const modules = { 'theater:simple/runtime': runtime };

let actorModule;

function require(name) {
  const module = modules[name];
  if (!module) throw new Error(`cannot import "${name}": an actor in the Editor can import only theater:simple/runtime`);
  return module;
}

/** The source's exports, evaluated once per instance (a trap makes a new instance, which runs it again). */
function loaded() {
  if (!actorModule) {
    // Two parameters: QuickJS numbers the body's lines from 3 (`function anonymous(exports,require\n) {\n`).
    const body = new Function('exports', 'require', getSource());
    const exports = {};
    body(exports, require);
    if (typeof exports.websocketServer?.handleMessage !== 'function') {
      const found = Object.keys(exports).filter((name) => name !== '__esModule');
      throw new Error(`the actor must export websocketServer = { handleMessage(state, [message]) { ... } } (it exports ${found.length > 0 ? found.join(', ') : 'nothing'})`);
    }
    actorModule = exports;
  }
  return actorModule;
}

/** Runs `call`, telling the playground about anything it throws before letting it go on as it was. */
function reported(call) {
  try {
    return call();
  } catch (error) {
    const name = error instanceof Error ? error.name : typeof error;
    const message = error instanceof Error ? error.message : String(error);
    reportError(name, message, error instanceof Error ? String(error.stack ?? '') : '');
    throw error;
  }
}

/** What is wrong with a value an actor returns, if anything, said as the learner wrote it. */
function shapeProblem(value, call, expected) {
  const isState = (state) => state === undefined || state === null || state instanceof Uint8Array;
  const isMessage = (m) => typeof m === 'object' && m !== null && typeof m.ty?.tag === 'string';
  const said = (v) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : Array.isArray(v) ? `an array of ${v.length}` : v === null ? 'null' : typeof v);
  if (!Array.isArray(value)) return `${call} returned ${said(value)}: it must return ${expected}`;
  if (!isState(value[0])) return `${call} returned ${said(value[0])} as the state: it must be a Uint8Array (or undefined for none)`;
  if (call === 'init') return undefined;
  const messages = Array.isArray(value[1]) ? value[1][0]?.messages : undefined;
  if (!Array.isArray(messages)) return `${call} returned ${said(value[1])} where [{ messages: [...] }] goes: it must return ${expected}`;
  const bad = messages.findIndex((m) => !isMessage(m));
  return bad < 0 ? undefined : `${call} returned ${said(messages[bad])} as message ${bad}: each message is { ty: { tag: 'text' }, text, data }`;
}

/**
 * A value the component cannot hand back traps in the glue (as it does in the standalone build):
 * the playground is told what was wrong first, since the trap itself says nothing of it.
 */
function checked(value, call, expected) {
  const problem = shapeProblem(value, call, expected);
  if (problem) reportError('TypeError', problem, '');
  return value;
}

export const actor = {
  init(state) {
    return reported(() => {
      const { actor: own } = loaded();
      // A source without init keeps the state it is given, as `npm run build:actor` makes it.
      return typeof own?.init === 'function' ? checked(own.init(state), 'init', '[state]') : [state];
    });
  },
};

export const websocketServer = {
  handleMessage(state, params) {
    return reported(() => checked(loaded().websocketServer.handleMessage(state, params), 'handleMessage', '[state, [{ messages: [...] }]]'));
  },
};
