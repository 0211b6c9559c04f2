/** The interfaces that give an actor its meaning to Theater (and so to the playground). */
export const WEBSOCKET_SERVER = 'theater:simple/websocket-server';
export const ACTOR = 'theater:simple/actor';
export const RUNTIME = 'theater:simple/runtime';

/** `wasi:cli/environment@0.2.0` → `wasi:cli/environment`: jco's glue looks imports up unversioned. */
export const unversioned = (name: string): string => name.replace(/@[^@/]*$/, '');
