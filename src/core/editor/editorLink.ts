import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fail, ok, type Result } from '../result';

/**
 * A link that opens the page on an Editor source: `?actor=editor:<payload>`, the source's UTF-8
 * deflated (raw DEFLATE, RFC 1951) and in base64url (RFC 4648 §5), so a 2 KB actor makes a link
 * of about 1 KB. `editor:` is no URL scheme a component could be fetched from, so `?actor=`
 * keeps its meaning for every other link.
 */
export const EDITOR_LINK_PREFIX = 'editor:';

/** The `?actor=` value for `source`. */
export function editorLinkValue(source: string): string {
  const packed = deflateSync(strToU8(source), { level: 9 });
  let binary = '';
  for (const byte of packed) binary += String.fromCharCode(byte);
  return EDITOR_LINK_PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The source an `editor:` value carries, or why it carries none a person could use. */
export function sourceFromEditorLink(value: string): Result<string, string> {
  const payload = value.slice(EDITOR_LINK_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(payload);
    return ok(strFromU8(inflateSync(Uint8Array.from(binary, (c) => c.charCodeAt(0)))));
  } catch {
    return fail('the link’s actor source is damaged (it was cut short or changed): ask for the link again, or paste the source into the Editor');
  }
}
