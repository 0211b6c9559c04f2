import { useMemo } from 'react';
import type { ActorEvent } from '../../core';
import { usePlayground } from '../../store';

/** What a history holds from an imported Theater chain: how many events are read-only, and in which format. */
function chainSummary(events: readonly ActorEvent[]): { readOnly: number; replayable: number; text: boolean } | undefined {
  let readOnly = 0;
  let text = false;
  for (const event of events) {
    if (event.kind !== 'chain') continue;
    readOnly++;
    text ||= event.chain?.format === 'text';
  }
  return readOnly === 0 ? undefined : { readOnly, replayable: events.length - readOnly, text };
}

/**
 * Says above the timeline what an imported chain could not give: events that cannot be replayed,
 * and for Theater's text format, hashes that cannot be verified. Derived from the history itself,
 * so it holds after a reload and goes when the history is replaced.
 */
export function ChainNote() {
  const events = usePlayground((s) => s.events);
  const eventCount = usePlayground((s) => s.eventCount);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- eventCount stands for the array's contents
  const summary = useMemo(() => chainSummary(events), [events, eventCount]);
  if (!summary) return null;
  const { readOnly, replayable, text } = summary;
  const format = text
    ? "From Theater's text chain format (.chain): parent links checked; its hashes cover a binary encoding the playground cannot reproduce, so they were not verified. "
    : '';
  const replay =
    replayable === 0
      ? `Nothing in this chain can be replayed: its ${readOnly === 1 ? 'event is' : `${readOnly} events are`} shown read-only.`
      : `${readOnly} ${readOnly === 1 ? 'event' : 'events'} from an imported Theater chain ${readOnly === 1 ? 'is' : 'are'} read-only: shown, not replayable.`;
  return (
    <p className="timeline__note" role="note" aria-label="Imported chain">
      {format}
      {replay}
    </p>
  );
}
