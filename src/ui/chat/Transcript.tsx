import { useEffect, useMemo, useRef } from 'react';
import { transcriptOf, usePlayground } from '../../store';
import { TranscriptEntry } from './TranscriptEntry';

/** The conversation as this client saw it, newest at the bottom and kept in view. */
export function Transcript({ connectionId }: { connectionId: number }) {
  const events = usePlayground((s) => s.events);
  // The history is append-only and shared; its length is what says it changed.
  const eventCount = usePlayground((s) => s.eventCount);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- eventCount stands for the array's contents
  const lines = useMemo(() => transcriptOf(events, connectionId), [events, eventCount, connectionId]);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lines.length]);
  return (
    <ol ref={list} className="transcript" aria-label="Transcript">
      {lines.map((line) => (
        <TranscriptEntry key={line.key} line={line} />
      ))}
    </ol>
  );
}
