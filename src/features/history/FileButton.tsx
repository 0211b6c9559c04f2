import { useRef } from 'react';
import type { TermTipProps } from '../../ui/term/useTermTip';

/**
 * A button that opens the file picker: the visible control has the accessible name people and
 * tests use (`Import session`), the input behind it only carries the file. `described` makes it
 * described by a term's tooltip (`useTermTip`), for a button whose label is a term.
 */
export function FileButton({ label, accept, onFile, described }: { label: string; accept: string; onFile: (file: File) => void; described?: TermTipProps }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} {...described}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so choosing the same file again still fires a change.
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
