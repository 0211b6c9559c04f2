import type { OutcomeKind } from '../../core';

/** Drawn rather than typed: emoji fonts vary across systems, these follow the text colour. */
const GLYPHS = {
  ok: <path d="M5 8.2l2 2 4-4.4" />,
  err: <path d="M5.8 5.8l4.4 4.4m0-4.4l-4.4 4.4" />,
  trap: <path d="M8.8 3.8L5.6 8.6h2.8l-1.2 3.6 3.2-4.8H7.6z" fill="currentColor" strokeWidth="0.8" />,
  timeout: <path d="M8 5v3.2l2.2 1.3" />,
} as const satisfies Record<OutcomeKind, React.ReactElement>;

/** How a call ended, as a mark in the outcome's colour; the outcome's name says it in words beside it. */
export function OutcomeIcon({ kind }: { kind: OutcomeKind }) {
  return (
    <svg className="outcome-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="8" cy="8" r="6.2" />
      {GLYPHS[kind]}
    </svg>
  );
}
