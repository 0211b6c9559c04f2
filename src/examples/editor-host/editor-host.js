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
      throw new Error('the actor must export websocketServer = { handleMessage(state, [message]) { ... } }');
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

export const actor = {
  init(state) {
    return reported(() => {
      const { actor: own } = loaded();
      // A source without init keeps the state it is given, as `npm run build:actor` makes it.
      return typeof own?.init === 'function' ? own.init(state) : [state];
    });
  },
};

export const websocketServer = {
  handleMessage(state, params) {
    return reported(() => loaded().websocketServer.handleMessage(state, params));
  },
};
