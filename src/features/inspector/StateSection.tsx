import { useEffect } from 'react';
import { decodeUtf8, DIFF_VIEWS, toBase64, toHex, type ActorEvent, type DiffView, type StateDiff } from '../../core';
import { usePlayground } from '../../store';
import { diffKey } from './inspectorSlice';
import { formatSize } from '../../ui/format';
import { Tabs } from '../../ui/layout/Tabs';
import { ChangeTraceNote } from './ChangeTraceNote';
import { CopyButton } from './CopyButton';
import { DiffSummary } from './DiffSummary';
import { HexDiffView } from './HexDiffView';
import { JsonDiffView } from './JsonDiffView';
import { SectionHead } from './SectionHead';
import { TextDiffView } from '../../ui/diff/TextDiffView';

const VIEW_LABELS = { hex: 'Hex', text: 'Text', json: 'JSON' } as const satisfies Record<DiffView, string>;

/** The state the call was given and the one it left, with a diff in the view that reads best. */
export function StateSection({ event }: { event: ActorEvent }) {
  const stateBytes = usePlayground((s) => s.stateBytes);
  const diffView = usePlayground((s) => s.diffView);
  const status = usePlayground((s) => s.stateDiff);
  const diffStates = usePlayground((s) => s.diffStates);
  const setDiffView = usePlayground((s) => s.setDiffView);
  // Computed only for the event on screen, and again only when the person picks another view.
  useEffect(() => {
    void diffStates(event.seq);
  }, [diffStates, event, diffView]);

  const key = diffKey(event);
  const mine = status?.key === key ? status : undefined;
  const diff = mine?.diff;
  const before = stateBytes(event.stateBefore);
  const after = stateBytes(event.stateAfter);
  const selected: DiffView = mine?.pending ? (mine.view ?? diff?.best ?? 'hex') : (diff?.detail.view ?? 'hex');
  const content = (view: DiffView) => (diff ? viewContent(view, diff, before, after, key) : null);

  return (
    <section className="inspector__section" aria-label="State">
      <SectionHead title="State" />
      <dl className="facts inspector__states">
        <StateFacts side="before" bytes={before} json={diff?.available.json ?? false} />
        <StateFacts side="after" bytes={after} json={diff?.available.json ?? false} />
      </dl>
      <DiffSummary summary={diff?.bytes.summary} unchanged={event.stateBefore === event.stateAfter} present={{ before: before !== undefined, after: after !== undefined }} />
      <ChangeTraceNote event={event} />
      {mine?.error && <p className="inspector__failed">The diff failed: {mine.error}</p>}
      {!before && !after ? null : diff ? (
        <Tabs<DiffView> label="State diff view" tabs={DIFF_VIEWS.filter((view) => diff.available[view]).map((view) => ({ id: view, label: VIEW_LABELS[view], content: content(view) }))} selected={selected} onSelect={setDiffView} />
      ) : (
        !mine?.error && <p className="inspector__muted">Computing the diff…</p>
      )}
    </section>
  );
}

function viewContent(view: DiffView, diff: StateDiff, before: Uint8Array | undefined, after: Uint8Array | undefined, key: string) {
  const { detail } = diff;
  switch (view) {
    case 'hex':
      // Keyed by the pair: another state change starts scrolled to the top.
      return <HexDiffView key={key} diff={diff.bytes} before={before} after={after} />;
    case 'text':
      return detail.view === 'text' ? <TextDiffView diff={detail.text} /> : <p className="inspector__muted">Computing…</p>;
    case 'json':
      return detail.view === 'json' ? <JsonDiffView diff={detail.json} /> : <p className="inspector__muted">Computing…</p>;
    default: {
      const exhaustive: never = view;
      return exhaustive;
    }
  }
}

/** One side's size and its copy buttons; JSON only when both sides are JSON. */
function StateFacts({ side, bytes, json }: { side: 'before' | 'after'; bytes: Uint8Array | undefined; json: boolean }) {
  return (
    <>
      <dt>{side === 'before' ? 'Before' : 'After'}</dt>
      <dd className="inspector__row">
        {bytes ? <span>{formatSize(bytes.length)}</span> : <span className="inspector__muted">none</span>}
        {bytes && (
          <span className="inspector__actions">
            <CopyButton label={`Copy state ${side} as hex`} text={() => toHex(bytes)}>
              hex
            </CopyButton>
            <CopyButton label={`Copy state ${side} as base64`} text={() => toBase64(bytes)}>
              base64
            </CopyButton>
            {json && (
              <CopyButton label={`Copy state ${side} as JSON`} text={() => decodeUtf8(bytes) ?? ''}>
                JSON
              </CopyButton>
            )}
          </span>
        )}
      </dd>
    </>
  );
}
