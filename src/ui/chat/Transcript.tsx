import { useEffect, useMemo, useRef } from 'react';
import { transcriptOf, usePlayground } from '../../store';
import { TranscriptEntry } from './TranscriptEntry';

/** The conversation as this client saw it, newest at the bottom and kept in view. */
export function Transcript({ connectionId }: { connectionId: number }) {
  const events = usePlayground((s) => s.events);
  const lines = useMemo(() => transcriptOf(events, connectionId), [events, connectionId]);
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
