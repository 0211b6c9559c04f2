import type { TextDiff } from '../../core';
import './diff.css';

const counted = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'character' : 'characters'}`;

/** The UTF-8 text of both states as one word diff: deletions struck, insertions underlined, long unchanged stretches cut. */
export function TextDiffView({ diff }: { diff: TextDiff }) {
  return (
    <div className="text-diff">
      <p className="text-diff__note">
        {counted(diff.added)} inserted, {counted(diff.removed)} deleted
        {diff.method === 'whole' && ': the changed part is too large for a word diff, so it is shown replaced whole'}
      </p>
      <pre className="text-diff__body" aria-label="Text diff">
        {diff.segments.map((segment, i) => {
          switch (segment.op) {
            case 'equal':
              return segment.text;
            case 'delete':
              return (
                <del key={i} title="deleted">
                  {segment.text}
                </del>
              );
            case 'insert':
              return (
                <ins key={i} title="inserted">
                  {segment.text}
                </ins>
              );
            case 'skip':
              return (
                <span key={i} className={`text-diff__skip text-diff__skip--${segment.of}`}>
                  {' '}
                  ⋯ {counted(segment.chars)} {segment.of === 'equal' ? 'unchanged' : segment.of === 'insert' ? 'more inserted' : 'more deleted'} ⋯{' '}
                </span>
              );
            default: {
              const exhaustive: never = segment;
              return exhaustive;
            }
          }
        })}
      </pre>
    </div>
  );
}
