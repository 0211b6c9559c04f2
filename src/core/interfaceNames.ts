/** The interfaces that give an actor its meaning to Theater (and so to the playground). */
export const WEBSOCKET_SERVER = 'theater:simple/websocket-server';
export const ACTOR = 'theater:simple/actor';
export const RUNTIME = 'theater:simple/runtime';
/** The host interface an `http-framework` actor imports (servers, handlers, WebSocket paths, send). */
export const HTTP_FRAMEWORK = 'theater:simple/http-framework';
/** The export an `http-framework` actor is called through (core/actorKind.ts). */
export const HTTP_HANDLERS = 'theater:simple/http-handlers';

/**
 * The WIT packages Theater's component actors were built against, newest first: `theater:simple`
 * since June 2025, `ntwk:theater` before (the same interfaces under the older name).
 */
export const THEATER_PACKAGES = ['theater:simple', 'ntwk:theater'] as const;
export type TheaterPackage = (typeof THEATER_PACKAGES)[number];

/** Which Theater each package belongs to, for people reading which one an actor was built for. */
export const THEATER_PACKAGE_ERAS: Record<TheaterPackage, string> = {
  'theater:simple': 'Theater since June 2025',
  'ntwk:theater': 'Theater before June 2025',
};

/** The interfaces the playground looks for in each package. */
export const THEATER_INTERFACES = ['websocket-server', 'actor', 'runtime', 'http-framework', 'http-handlers'] as const;
export type TheaterInterface = (typeof THEATER_INTERFACES)[number];

/** `theaterInterface('ntwk:theater', 'actor')` → `ntwk:theater/actor`. */
export const theaterInterface = (pkg: TheaterPackage, name: TheaterInterface): string => `${pkg}/${name}`;

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

/**
 * Who answers an import: Theater's runtime (the playground's), the sandboxed WASI shim, the
 * playground's own interface for the Editor's host component, or a recorded stub.
 */
export type ImportProvider = 'theater' | 'wasi' | 'playground' | 'stub';

/** The playground's own interface (wit/deps/playground-editor), which only the Editor's host imports. */
export const PLAYGROUND_EDITOR_SOURCE = 'playground:editor/source';

/**
 * `ntwk:theater/runtime` is Theater's runtime too: the playground answers it like
 * `theater:simple/runtime`. `http-framework` is answered by the simulated server (only
 * `theater:simple` had it).
 */
export function providerOf(name: string): ImportProvider {
  const plain = unversioned(name);
  if (THEATER_PACKAGES.some((pkg) => plain === theaterInterface(pkg, 'runtime')) || plain === HTTP_FRAMEWORK) return 'theater';
  if (plain === PLAYGROUND_EDITOR_SOURCE) return 'playground';
  return SHIMMED_WASI.has(plain) ? 'wasi' : 'stub';
}

/** Every interface of Theater's own package (its component-era `package.wit`), by name within it. */
export const THEATER_PACKAGE_INTERFACES = [
  'actor', 'environment', 'filesystem', 'http-types', 'http-client', 'websocket-types', 'http-framework', 'http-handlers',
  'process', 'process-handlers', 'random', 'store', 'timing', 'types', 'message-server-client', 'message-server-host',
  'runtime', 'supervisor', 'supervisor-handlers', 'websocket-server',
] as const;

/**
 * Whether an import is one of Theater's own interfaces, under either package name Theater used
 * (the playground provides runtime and stubs the rest).
 */
export const isTheaterInterface = (name: string): boolean =>
  THEATER_PACKAGES.some((pkg) => (THEATER_PACKAGE_INTERFACES as readonly string[]).some((iface) => unversioned(name) === `${pkg}/${iface}`));
