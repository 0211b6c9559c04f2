/**
 * The page's Content Security Policy (issue 14): what the playground's own work needs and no more
 * on the script side, where an injected script would do harm.
 *
 * - Scripts come from the app's own files, plus `blob:` for the glue jco generates for each loaded
 *   component (the actor worker imports it from a Blob URL: workers/actorWorker.ts), plus
 *   `'wasm-unsafe-eval'` to compile WebAssembly. No inline script, no `eval`.
 * - Styles allow inline: Monaco and React set them at run time (no script can run from a style).
 * - Connections: the app's own origin; `ws:`/`wss:` because the bridge's endpoints are whatever
 *   URL the user types; `https:` because a shared `?actor=` link may name a component on another
 *   site; plain `http:` only to this machine (by name: CSP has no form for an IPv6 address), where the bridge answers its probe and token.
 * - Nothing may frame the page, no plugins, no `<base>` rewrites, no form posts.
 */
const DIRECTIVES: ReadonlyArray<readonly [name: string, sources: string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval' blob:"],
  ['worker-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self' ws: wss: https: http://localhost:* http://127.0.0.1:*"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a `<meta>` policy may not carry: browsers ignore them there and say so in the console. */
const HEADER_ONLY = new Set(['frame-ancestors']);

/**
 * The policy as text: for the `Content-Security-Policy` response header (`'header'`: every
 * directive), or for a `<meta http-equiv>` in the built `index.html` (`'meta'`: without the
 * directives browsers only honour in a header), for static hosts that send no header.
 */
export function contentSecurityPolicy(form: 'header' | 'meta'): string {
  return DIRECTIVES.filter(([name]) => form === 'header' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');
}
