import { useCallback, useId, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { GLOSSARY, type TermName } from './glossary';
import './term.css';

/** How long the tooltip stays after the pointer leaves, so it can move onto the tooltip itself. */
const LINGER_MS = 150;

/** What a control spreads on itself to be described by a term's tooltip. */
export interface TermTipProps {
  'aria-describedby': string;
  onFocus(event: FocusEvent): void;
  onBlur(event: FocusEvent): void;
  onMouseEnter(event: MouseEvent): void;
  onMouseLeave(): void;
  onKeyDown(event: KeyboardEvent): void;
}

/**
 * A term's explanation as a tooltip (WAI-ARIA's tooltip pattern): the control it belongs to is
 * described by it (`aria-describedby`), and it shows on hover and on focus, stays while the
 * pointer is over it, and goes on Escape. It lives in `document.body`, so no pane's overflow
 * clips it and no container's text includes it.
 */
export function useTermTip(term: TermName): { props: TermTipProps; tip: ReactNode } {
  const id = useId();
  const [position, setPosition] = useState<CSSProperties | null>(null);
  const linger = useRef<number | undefined>(undefined);

  const show = useCallback((target: Element) => {
    window.clearTimeout(linger.current);
    const box = target.getBoundingClientRect();
    const below = box.bottom + 120 < window.innerHeight;
    setPosition({
      left: Math.max(8, Math.min(box.left, window.innerWidth - 328)),
      ...(below ? { top: box.bottom + 4 } : { bottom: window.innerHeight - box.top + 4 }),
    });
  }, []);
  const hide = useCallback(() => {
    window.clearTimeout(linger.current);
    setPosition(null);
  }, []);
  const hideSoon = useCallback(() => {
    window.clearTimeout(linger.current);
    linger.current = window.setTimeout(() => setPosition(null), LINGER_MS);
  }, []);

  const props: TermTipProps = {
    'aria-describedby': id,
    onFocus: (event) => show(event.currentTarget),
    onBlur: hide,
    onMouseEnter: (event) => show(event.currentTarget),
    onMouseLeave: hideSoon,
    onKeyDown: (event) => {
      if (event.key !== 'Escape' || position === null) return;
      // Escape closes the tooltip only, not the dialog or menu around it.
      event.stopPropagation();
      hide();
    },
  };
  const tip = createPortal(
    <span
      role="tooltip"
      id={id}
      className="term-tip"
      hidden={position === null}
      style={position ?? undefined}
      onMouseEnter={() => window.clearTimeout(linger.current)}
      onMouseLeave={hideSoon}
    >
      {GLOSSARY[term]}
    </span>,
    document.body,
  );
  return { props, tip };
}
