// The one call to componentize-qjs that every JavaScript actor build in this repository makes: the
// examples (scripts/build-actors.mjs), the tests' actors (src/runtime/testing/builtActor.ts), one
// file (scripts/build-actor.ts) and the dev server's POST /__build-actor (both through
// buildActor.ts). Plain JavaScript, typed by componentize.d.mts, because build-actors.mjs runs under
// bare Node before dev, build and test, with no TypeScript loader.

/** The tail of componentize-qjs's error: `at FILE:LINE:COL` or `at NAME (FILE:LINE:COL)`. */
const LOCATION = /^\s*at (?:.*\()?(.+?):(\d+):(\d+)\)?\s*$/m;

/**
 * What componentize-qjs says when it runs the module at build time (it evaluates it under Wizer),
 * by the step that failed: parsing, linking its imports, or running its top-level code.
 */
const STAGES = [
  ['Failed to declare JavaScript module', 'syntax'],
  ['Failed to evaluate JavaScript module', 'import'],
  ['Failed to finish JavaScript module evaluation', 'top-level'],
];

/** Builds run one at a time in a process: the native binding is not safe to enter twice. */
let queue = Promise.resolve();

/** See componentize.d.mts. */
export function componentizeActor(options) {
  const build = queue.then(() => componentizeNow(options));
  // A failed build must not stop the ones queued behind it.
  queue = build.then(
    () => undefined,
    () => undefined,
  );
  return build;
}

async function componentizeNow({ witDir, world, jsSource, jsPath, moduleRoot, wasi = false }) {
  // Loaded only when needed: the native binding is the slow part of starting a process that may
  // not build anything (an up-to-date build-actors run, a dev server nobody builds on).
  const { componentize } = await import('componentize-qjs');
  const { component } = await componentize({
    witPath: witDir,
    world,
    jsSource,
    ...(jsPath === undefined ? {} : { jsPath }),
    ...(moduleRoot === undefined ? {} : { moduleRoot }),
    // Without sync the component uses the async ABI, which needs JSPI (absent from Node 20).
    sync: true,
    // Most actors use no WASI; stubs keep WASI out of their imports. componentize-qjs 0.4.5 stubs
    // every WASI import, those the world names included (the dice world's wasi:random and
    // wasi:clocks were gone), so an actor that uses WASI (`wasi: true`) is built without stubs: it
    // imports the WASI its QuickJS runtime links (0.2.12, which takes in the world's 0.2.3), and
    // the playground records the clocks, random and environment and sandboxes the rest.
    stubWasi: !wasi,
  });
  return new Uint8Array(component.buffer, component.byteOffset, component.byteLength);
}

/** See componentize.d.mts. */
export function parseComponentizeError(error) {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^:\s*/, '').trim();
  // A module it cannot find fails the parse step, but it is the import that is wrong.
  const stage = text.includes('Error resolving module') ? 'import' : (STAGES.find(([prefix]) => text.includes(prefix))?.[1] ?? 'other');
  const located = LOCATION.exec(text);
  // The first line, without the steps' prefixes and QuickJS's generic `Error: ` (it says Error for
  // a SyntaxError too).
  const message = text
    .split('\n')[0]
    .replace(/^(Failed to [^:]*: )+/, '')
    .replace(/^Error: /, '')
    .trim();
  const location = located ? { path: located[1], line: Number(located[2]), column: Number(located[3]) } : null;
  return { stage, message, location };
}
