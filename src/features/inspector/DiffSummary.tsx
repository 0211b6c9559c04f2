import type { ByteSummary } from '../../core';
import { formatSize } from '../../ui/format';

/** Counts in their colour, zeros muted: the eye should land on what happened. */
const tone = (kind: 'added' | 'removed' | 'changed', n: number): string => (n === 0 ? 'diff-summary__none' : `diff-summary__${kind}`);

const bytesText = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'byte' : 'bytes'}`;

/** The size of the change in bytes: shown whatever view is chosen, as soon as the diff is there. */
export function DiffSummary({ summary, unchanged, present }: { summary: ByteSummary | undefined; unchanged: boolean; present: { before: boolean; after: boolean } }) {
  if (unchanged) return <p className="diff-summary">The call left the state as it was{present.after ? '' : ' (none)'}.</p>;
  if (!summary) return <p className="diff-summary inspector__muted">Measuring the change…</p>;
  const { beforeSize, afterSize, added, removed, changed } = summary;
  return (
    <p className="diff-summary" aria-label="Change summary">
      <span>
        {present.before ? formatSize(beforeSize) : 'none'} → {present.after ? formatSize(afterSize) : 'none'}:
      </span>{' '}
      <span className={tone('added', added)}>{bytesText(added)} added</span>, <span className={tone('removed', removed)}>{bytesText(removed)} removed</span>,{' '}
      <span className={tone('changed', changed)}>{bytesText(changed)} changed</span>
    </p>
  );
}
