/** The interfaces that give an actor its meaning to Theater (and so to the playground). */
export const WEBSOCKET_SERVER = 'theater:simple/websocket-server';
export const ACTOR = 'theater:simple/actor';
export const RUNTIME = 'theater:simple/runtime';

/** `wasi:cli/environment@0.2.0` → `wasi:cli/environment`: jco's glue looks imports up unversioned. */
export const unversioned = (name: string): string => name.replace(/@[^@/]*$/, '');

/** The WASI 0.2 interfaces `@bytecodealliance/preview2-shim` provides (its import object's keys). */
export const SHIMMED_WASI = new Set(
  [
    'cli/environment', 'cli/exit', 'cli/stderr', 'cli/stdin', 'cli/stdout', 'cli/terminal-input', 'cli/terminal-output',
    'cli/terminal-stderr', 'cli/terminal-stdin', 'cli/terminal-stdout', 'sockets/instance-network', 'sockets/ip-name-lookup',
    'sockets/network', 'sockets/tcp', 'sockets/tcp-create-socket', 'sockets/udp', 'sockets/udp-create-socket',
    'filesystem/preopens', 'filesystem/types', 'io/error', 'io/poll', 'io/streams', 'random/random', 'random/insecure',
    'random/insecure-seed', 'clocks/monotonic-clock', 'clocks/wall-clock', 'http/types', 'http/incoming-handler', 'http/outgoing-handler',
  ].map((name) => `wasi:${name}`),
);

/** Who answers an import: Theater's runtime (the playground's), the sandboxed WASI shim, or a recorded stub. */
export type ImportProvider = 'theater' | 'wasi' | 'stub';

export function providerOf(name: string): ImportProvider {
  const plain = unversioned(name);
  if (plain === RUNTIME) return 'theater';
  return SHIMMED_WASI.has(plain) ? 'wasi' : 'stub';
}
