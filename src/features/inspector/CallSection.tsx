import { useState } from 'react';
import { ACTOR, HTTP_HANDLERS, waveCall, waveResult, WEBSOCKET_SERVER, type ActorEvent, type CallOutcome } from '../../core';
import { usePlayground } from '../../store';
import { PREVIEW_CHARS } from '../../ui/ClippedText';
import { CopyButton } from './CopyButton';
import { SectionHead } from './SectionHead';
import { Term } from '../../ui/term/Term';

/** Byte lists up to this long are written out; longer ones show a preview and their size. */
const SHORT_BYTES = 16;
/** Strings up to this long are written out; longer ones show their start and their size. */
const SHORT_CHARS = PREVIEW_CHARS;
/** "Show all" writes lists out up to this size; a bigger state is read in the diff below. */
const EXPANDED_BYTES = 64 * 1024;

/** The call and its result in WAVE, as the interface declares them, with long byte lists and strings folded. */
export function CallSection({ event }: { event: ActorEvent }) {
  const stateBytes = usePlayground((s) => s.stateBytes);
  const [expanded, setExpanded] = useState(false);
  const before = stateBytes(event.stateBefore);
  const after = stateBytes(event.stateAfter);
  // Shown whole once asked for: strings have no preview elsewhere (a state does, in the diff below).
  const options = expanded ? { maxBytes: EXPANDED_BYTES } : { maxBytes: SHORT_BYTES, maxChars: SHORT_CHARS };
  const result = waveResult(event, after, options);
  const longest = Math.max(before?.length ?? 0, after?.length ?? 0, event.input?.data?.length ?? 0, ...event.responses.map((r) => r.message.data?.length ?? 0));
  const texts = [event.input?.text, event.outcome.kind === 'err' ? event.outcome.message : undefined, ...event.responses.map((r) => r.message.text)];
  const longText = texts.some((text) => text !== undefined && text.length > SHORT_CHARS);

  return (
    <section className="inspector__section" aria-label="Call">
      <SectionHead
        title={
          <>
            Call <span className="inspector__muted">{event.kind === 'init' ? ACTOR : event.http ? HTTP_HANDLERS : WEBSOCKET_SERVER}, in <Term term="wave">WAVE</Term></span>
          </>
        }
      >
        {(longest > SHORT_BYTES || longText) && (
          <button type="button" className="button button--quiet inspector__small" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Fold long values' : 'Show all'}
          </button>
        )}
        <CopyButton label="Copy call as WAVE" text={() => waveCall(event, before)} />
      </SectionHead>
      <pre className={`wave${expanded ? ' wave--all' : ''}`} aria-label="Call in WAVE">
        {waveCall(event, before, options)}
      </pre>
      {expanded && longest > EXPANDED_BYTES && <p className="inspector__muted inspector__note">Lists over {EXPANDED_BYTES / 1024} KiB stay folded: the state diff below shows every byte.</p>}
      <SectionHead title="Result">{result !== undefined && <CopyButton label="Copy result as WAVE" text={() => waveResult(event, after) ?? ''} />}</SectionHead>
      {result !== undefined ? (
        <pre className={`wave${expanded ? ' wave--all' : ''}`} aria-label="Result in WAVE">
          {result}
        </pre>
      ) : (
        <p className="wave wave--failed" aria-label="Result in WAVE">
          {noResult(event.outcome, event.http)}
        </p>
      )}
    </section>
  );
}

/** What stands in for the result when the call returned nothing at all. */
const noResult = (outcome: CallOutcome, http: ActorEvent['http']): string => (http?.handler === null ? 'no call, so no result' : outcome.kind === 'timeout' ? `timeout: no result within ${outcome.afterMs} ms` : outcome.kind === 'trap' ? `trap: ${outcome.message}` : '');
