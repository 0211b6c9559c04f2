import { useMemo, useState } from 'react';
import type { ComparedAspect, Difference } from '../../core';
import { ClippedText } from '../../ui/ClippedText';
import { TextDiffView } from '../../ui/diff/TextDiffView';
import { differenceDiff, type DifferenceStates } from './differenceDiff';

const ASPECT_NAMES = { outcome: 'outcome', state: 'state', responses: 'responses', hostCalls: 'host calls', upstream: 'upstream answer' } as const satisfies Record<ComparedAspect, string>;

/**
 * One difference of a replay or rewrite report: its one-line sides, and on request the word diff
 * of the two (states by their bytes). Computed only when opened: a report can list hundreds.
 */
export function DifferenceDiff({ difference, states }: { difference: Difference; states?: DifferenceStates }) {
  const [open, setOpen] = useState(false);
  // By the bytes, not the object: a report re-renders with new objects around the same states.
  const hasStates = states !== undefined;
  const recorded = states?.recorded;
  const replayed = states?.replayed;
  const diff = useMemo(() => (open ? differenceDiff(difference, hasStates ? { recorded, replayed } : undefined) : undefined), [open, difference, hasStates, recorded, replayed]);
  const comparable = difference.aspect !== 'state' || hasStates;
  return (
    <div className="replay-report__difference">
      <dt>{difference.aspect}</dt>
      <dd>
        <span className="replay-report__side">recorded</span> <code>
          <ClippedText text={difference.recorded} />
        </code>
      </dd>
      <dd>
        <span className="replay-report__side">replayed</span> <code>
          <ClippedText text={difference.replayed} />
        </code>
      </dd>
      {comparable && (
        <dd>
          <button type="button" className="button button--quiet" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? `Hide ${ASPECT_NAMES[difference.aspect]} diff` : `Show ${ASPECT_NAMES[difference.aspect]} diff`}
          </button>
          {diff && <TextDiffView diff={diff} />}
        </dd>
      )}
    </div>
  );
}
