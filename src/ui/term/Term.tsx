import type { ReactNode } from 'react';
import type { TermName } from './glossary';
import { useTermTip } from './useTermTip';

/**
 * A word the page uses, with its short explanation on hover and on focus: focusable, dotted
 * underlined, and described by its tooltip for screen readers. For a control that is itself the
 * term (a button), spread `useTermTip`'s props on the control instead.
 */
export function Term({ term, children }: { term: TermName; children: ReactNode }) {
  const { props, tip } = useTermTip(term);
  return (
    <>
      <span className="term" tabIndex={0} {...props}>
        {children}
      </span>
      {tip}
    </>
  );
}
