import { useRef, type ReactElement } from 'react';
import type { TermTipProps } from '../../ui/term/useTermTip';

/**
 * A hidden file input and the function that opens its picker: the visible control (a button or a
 * menu item) carries the accessible name people and tests use, the input only carries the file.
 * The input stays mounted while a menu that opened it closes, so the choice still arrives.
 */
export function useFilePicker(accept: string, onFile: (file: File) => void): { open(): void; input: ReactElement } {
  const ref = useRef<HTMLInputElement>(null);
  const input = (
    <input
      ref={ref}
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
  );
  return { open: () => ref.current?.click(), input };
}

/**
 * A button that opens the file picker (`Replay against another build`). `described` makes it
 * described by a term's tooltip (`useTermTip`), for a button whose label is a term.
 */
export function FileButton({ label, accept, onFile, described }: { label: string; accept: string; onFile: (file: File) => void; described?: TermTipProps }) {
  const picker = useFilePicker(accept, onFile);
  return (
    <>
      <button type="button" onClick={picker.open} {...described}>
        {label}
      </button>
      {picker.input}
    </>
  );
}
