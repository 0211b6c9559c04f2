import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './policy.ts';

/** Where the dev server serves an inline script moved out of the page (Vite's form for a virtual module's URL). */
const INLINE_PREFIX = 'virtual:theater-inline-script/';
const RESOLVED_PREFIX = `\0${INLINE_PREFIX}`;

/** An inline module script in the page: `<script type="module">code</script>`. */
const INLINE_MODULE = /<script type="module">([\s\S]*?)<\/script>/g;

/**
 * Serves the page's Content Security Policy (csp/policy.ts) from the dev server and `vite preview`
 * as a header on every response (workers take theirs from the header of their own script), and
 * writes it into the built `index.html` as a `<meta>` for static hosts that send no header.
 *
 * The dev server's page carries one inline script of its own (React Fast Refresh's preamble, from
 * @vitejs/plugin-react): it is served as a module of its own instead, so the dev server runs
 * under the same policy as the build, with no exception for inline scripts.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  const inline: string[] = [];
  return {
    name: 'theater-content-security-policy',
    config: () => {
      const headers = { 'Content-Security-Policy': contentSecurityPolicy('header') };
      return { server: { headers }, preview: { headers } };
    },
    resolveId: (id) => (id.startsWith(INLINE_PREFIX) ? `\0${id}` : undefined),
    load: (id) => (id.startsWith(RESOLVED_PREFIX) ? inline[Number(id.slice(RESOLVED_PREFIX.length))] : undefined),
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        if (context.server === undefined) {
          return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy('meta') }, injectTo: 'head-prepend' }];
        }
        return html.replace(INLINE_MODULE, (_, code: string) => {
          const index = inline.indexOf(code) >= 0 ? inline.indexOf(code) : inline.push(code) - 1;
          return `<script type="module" src="/@id/__x00__${INLINE_PREFIX}${index}"></script>`;
        });
      },
    },
  };
}
