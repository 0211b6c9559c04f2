import { useState } from 'react';
import { editorLinkValue } from '../../core';
import { usePlayground } from '../../store';

/**
 * A link that opens the playground on this source (`?actor=editor:…`), shown to copy by hand and
 * put on the clipboard where the browser allows it (not over plain http from another machine).
 */
export function ShareLink() {
  const text = usePlayground((s) => s.editorText);
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const share = async () => {
    const url = new URL(globalThis.location.href);
    url.search = '';
    url.hash = '';
    url.searchParams.set('actor', editorLinkValue(text));
    const copied = await navigator.clipboard?.writeText(url.href).then(
      () => true,
      () => false,
    );
    setLink({ url: url.href, copied: copied === true });
  };
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => void share()}>
        Share link
      </button>
      {link && (
        <label className="editor__link">
          {link.copied ? 'Copied:' : 'Copy this link:'}{' '}
          <input readOnly value={link.url} aria-label="Link to this source" onFocus={(e) => e.target.select()} />
        </label>
      )}
    </>
  );
}
