/**
 * Which web origins may drive the bridge (open `/control`, read `/token`).
 *
 * The threat is a foreign web page in the user's browser: it can reach 127.0.0.1 too, but the
 * browser stamps its real Origin on every request and it cannot forge one, so checking the
 * Origin (plus the token only an allowed page can read) keeps it out. DNS rebinding does not help
 * it either: the Origin stays the attacker's. Non-browser local processes can forge anything,
 * but they could also just connect to the actor's public endpoint; they are not the threat.
 */

/** Vite's dev server and `vite preview`, under both loopback names. */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

/** The environment variable whose comma-separated origins every bridge also allows. */
export const ORIGINS_ENV = 'THEATER_BRIDGE_ORIGINS';

/** The origins listed in `THEATER_BRIDGE_ORIGINS` (comma- or space-separated), none when unset. */
export function originsFromEnv(env: Record<string, string | undefined>): string[] {
  return (env[ORIGINS_ENV] ?? '').split(/[\s,]+/).filter((origin) => origin !== '');
}

/**
 * A page served on this machine at `port`, under each loopback name a browser may use for it:
 * what a dev server's own bridge allows, whatever port the server ended up on.
 */
export function loopbackOrigins(port: number, scheme: 'http' | 'https' = 'http'): string[] {
  return ['localhost', '127.0.0.1', '[::1]'].map((host) => `${scheme}://${host}:${port}`);
}

/**
 * The canonical form of an origin (`scheme://host[:port]`, lowercase, default port dropped), or
 * null for anything that is not an http(s) origin, including the opaque origin `null` that
 * sandboxed frames and `file:` pages send.
 */
export function normalizeOrigin(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // URL drops the default port and lowercases scheme and host; `origin` drops path and query.
  return url.origin;
}

export class OriginAllowList {
  readonly #origins: ReadonlySet<string>;

  /** Throws on an entry that is not an http(s) origin: that is a configuration bug, not a request. */
  constructor(origins: Iterable<string>) {
    const normalized = new Set<string>();
    for (const origin of origins) {
      const canonical = normalizeOrigin(origin);
      if (canonical === null) throw new Error(`not an http(s) origin: ${JSON.stringify(origin)} (expected e.g. http://localhost:5173)`);
      normalized.add(canonical);
    }
    this.#origins = normalized;
  }

  /** The canonical origin if the request's `Origin` header is allowed, else null (missing counts as foreign). */
  match(header: string | string[] | undefined): string | null {
    if (typeof header !== 'string') return null;
    const canonical = normalizeOrigin(header);
    return canonical !== null && this.#origins.has(canonical) ? canonical : null;
  }

  list(): string[] {
    return [...this.#origins];
  }
}
