import { describe, expect, it } from 'vitest';
import { editorLinkValue, sourceFromEditorLink } from './editorLink';

describe('an Editor source in a link', () => {
  it('comes back character for character, and fits in a URL without escaping', () => {
    const source = "export const websocketServer = { handleMessage(s, [m]) { return [s, [{ messages: [] }]]; } }; // é ✓ 🎭\n".repeat(20);
    const value = editorLinkValue(source);
    expect(value).toMatch(/^editor:[A-Za-z0-9_-]+$/);
    expect(value.length).toBeLessThan(source.length / 4);
    expect(sourceFromEditorLink(value)).toEqual({ ok: true, value: source });
  });

  it('says a cut or changed link is damaged instead of opening something else', () => {
    const value = editorLinkValue('export const websocketServer = {};');
    const cut = sourceFromEditorLink(value.slice(0, value.length - 6));
    expect(cut.ok ? cut.value : cut.error).toMatch(/damaged/);
    expect(sourceFromEditorLink('editor:***').ok).toBe(false);
  });
});
