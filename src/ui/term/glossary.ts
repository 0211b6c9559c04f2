/**
 * The words the playground uses without stopping to explain them, each with the short explanation
 * its `Term` shows on hover and focus. Where the interface documents the thing, the text quotes
 * the WIT in `wit/` (kept in step by `glossary.test.ts`).
 */
export const GLOSSARY = {
  wave:
    'WAVE (WebAssembly Value Encoding): the text form of component-model values, written as the interface declares them, ' +
    'e.g. some([104, 105]) for an option<list<u8>> or ok((none, ([],))) for a result. Copy it to keep a call as a regression test.',
  'chain-hash':
    "Chain hash: the SHA-1 that Theater's event chain gives this entry, computed over the entry and its parent's hash, " +
    'so changing any earlier event changes every hash after it. Equal hashes mean equal histories up to here.',
  stubbed:
    'Stubbed: the playground does not implement this import, so a recorded stub answered each call with a well-typed default ' +
    '(zero, empty, none, ok) rather than a real host. Replies that depend on it may differ under Theater.',
  'hot-swap':
    'Hot swap: replace the running component with another build of it, keeping the history, the connections and the ' +
    'committed state; the next call runs the new code on the old state.',
  init:
    "init (theater:simple/actor): “The lifecycle interface: `init` runs once, before the first event.” It “receives the initial " +
    'state (none on a fresh start) and returns the first committed state.”',
  'init-none':
    'No init: the component does not export theater:simple/actor, so nothing ran at load and the first event starts with no state. ' +
    "(The lifecycle interface's `init` runs once, before the first event.)",
  state:
    'State: the bytes the host keeps for the actor between calls (option<list<u8>> in handle-message). Each call gets the last ' +
    'committed state and returns the next; only ok commits it. None: the actor has committed no state (or committed none).',
  'runtime-internal':
    "Runtime-internal: an export the actor's language runtime adds for itself (componentize-qjs, the JavaScript runtime, " +
    'exports a bare init for its own start-up). Theater never calls it; it is not theater:simple/actor.init.',
  trap:
    'Trap: the WebAssembly code hit an instruction it cannot go past, and the call stopped at once. Nothing was committed, and ' +
    'the instance was replaced.',
  'actor-connection-id':
    'Connection id: the id an http-framework actor is given for this client (handle-websocket-connect) and reaches it by (send-websocket-message); the card number is the playground\'s own. ' +
    'Theater draws any u64; the playground draws ids below 2^53, as a JavaScript actor rounds larger ones.',
} as const;

export type TermName = keyof typeof GLOSSARY;
