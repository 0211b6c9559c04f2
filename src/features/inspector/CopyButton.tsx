import { useEffect, useRef, useState, type ReactNode } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies a value to the clipboard. `text` runs only on click: turning a 16 MiB state into hex
 * for every render would cost far more than the copy nobody asked for yet.
 */
export function CopyButton({ label, text, children = 'Copy' }: { label: string; text: () => string; children?: ReactNode }) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async () => {
    let next: CopyState = 'copied';
    try {
      await navigator.clipboard.writeText(text());
    } catch {
      // No clipboard permission, or not a secure context: say so on the button itself.
      next = 'failed';
    }
    setState(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), 1500);
  };

  return (
    <button type="button" className={`button copy-button copy-button--${state}`} aria-label={label} title={label} onClick={() => void copy()}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Failed' : children}
    </button>
  );
}
