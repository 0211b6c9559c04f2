import { isIP } from 'node:net';

/**
 * Whether binding to `host` keeps the bridge reachable from this machine only. The bridge hands
 * an in-page actor to anyone who can connect, so anything else must be asked for explicitly.
 * Host names other than `localhost` count as remote: what they resolve to can change.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  const lower = bare.toLowerCase();
  switch (isIP(bare)) {
    case 4:
      return bare.startsWith('127.');
    case 6:
      return lower === '::1' || lower === '0:0:0:0:0:0:0:1' || (lower.startsWith('::ffff:') && isIP(lower.slice(7)) === 4 && lower.slice(7).startsWith('127.'));
    default:
      return false;
  }
}

export type BindCheck = { ok: true; remote: boolean } | { ok: false; error: { code: 'remote-not-allowed'; message: string } };

/** Refuses a non-loopback host unless the caller said `allowRemote`; says which it is either way. */
export function checkBindHost(host: string, allowRemote: boolean): BindCheck {
  if (isLoopbackHost(host)) return { ok: true, remote: false };
  if (allowRemote) return { ok: true, remote: true };
  return {
    ok: false,
    error: {
      code: 'remote-not-allowed',
      message:
        `refusing to bind the bridge to ${host}: that is not a loopback address, so other machines could drive ` +
        `the actor in your page. Use 127.0.0.1 (the default), or pass --allow-remote (allowRemote: true) if you mean it.`,
    },
  };
}

/** `ws://host:port` with IPv6 literals bracketed. */
export function wsAddress(host: string, port: number): string {
  const bracketed = isIP(host) === 6 ? `[${host}]` : host;
  return `ws://${bracketed}:${port}`;
}
