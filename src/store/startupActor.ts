import { actorNameOf, EDITOR_LINK_PREFIX, sourceFromEditorLink, type Result } from '../core';

/** The example a first-time visitor gets, so they can chat before finding a file of their own. */
export const DEFAULT_ACTOR = { url: './actors/echo.wasm', name: 'echo' } as const;

/** What to do when an example cannot be fetched: the examples are built, not committed. */
export const BUILD_EXAMPLES_HINT = 'Build the examples with `npm run build:actors`.';

/**
 * The actor to load when the page opens: `?actor=<url>` (relative to the page or absolute), so a
 * link can open the playground on someone's own build, or `?actor=editor:<source>` (a source
 * written in the Editor: core/editor/editorLink.ts), else the default example.
 */
export function startupActor(search: string): { url: string; name: string; linked: boolean; editorSource?: Result<string, string> } {
  const url = new URLSearchParams(search).get('actor')?.trim();
  if (!url) return { ...DEFAULT_ACTOR, linked: false };
  if (url.startsWith(EDITOR_LINK_PREFIX)) return { ...DEFAULT_ACTOR, linked: true, editorSource: sourceFromEditorLink(url) };
  return { url, name: nameFromUrl(url), linked: true };
}

/** The file name without `.wasm`, as for a chosen file; any query or fragment is not part of it. */
function nameFromUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  const last = path.split('/').filter(Boolean).at(-1) ?? '';
  let file = last;
  try {
    file = decodeURIComponent(last);
  } catch {
    // A stray % is not worth failing over: the name is only a label.
  }
  return actorNameOf(file) || 'actor';
}
