import type { ReactNode } from 'react';

/** A section's title with its actions (copy buttons, toggles) on the same line. */
export function SectionHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="inspector__head">
      <h3>{title}</h3>
      {children && <div className="inspector__actions">{children}</div>}
    </div>
  );
}
