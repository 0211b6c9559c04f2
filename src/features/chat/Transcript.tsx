import { useEffect, useMemo, useRef, useState } from 'react';
import { eventsOfConnection } from '../../core';
import { TranscriptLines, usePlayground } from '../../store';
import { useOnScreen, usePlaygroundWhileShown } from '../../ui/useOnScreen';
import { TranscriptEntry } from './TranscriptEntry';
import { PendingLine } from './PendingLine';
import type { PendingCall } from './pendingCalls';
import '../../ui/transcript/chat.css';

/**
 * Lines rendered at first: more than a typed conversation needs. A replayed, imported or bridged
 * history can be far longer, and every rendered line costs every layout of the page (ten busy
 * real clients' transcripts at 300 lines each made each frame several times dearer).
 */
const PAGE = 100;
/** When the cursor is far back in a long transcript, how much of what followed stays in view. */
const AFTER_CURSOR = 30;
/** Room left below the line brought into view, so it does not sit on the list's edge. */
const LINE_GAP = 8;

/**
 * The conversation as this client saw it, newest at the bottom. It follows the history cursor:
 * what happened after the selected event is greyed out and the selected moment is kept in view,
 * so stepping back shows the conversation as it was then.
 */
export function Transcript({ connectionId, open }: { connectionId: number; open: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(box);
  const events = usePlayground((s) => s.events);
  // The history is append-only and shared; this connection's share of it growing is what says
  // its lines changed. Off screen, it is not read: other clients' traffic costs this card nothing.
  const ownCount = usePlaygroundWhileShown(onScreen, (s) => eventsOfConnection(s.events, connectionId).length);
  // Null while following the newest event: then no line is later than the cursor, and a new
  // event elsewhere does not re-render this transcript. Off screen it catches up once the page is
  // quiet: a jump through a history of a hundred connections re-renders the few cards in view,
  // not every card's lines (1.5-2.7 s a jump with 100 connections, trial).
  const cursor = usePlaygroundWhileShown(onScreen, (s) => s.cursor);
  const following = cursor === null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- ownCount stands for the array's contents
  const lines = useMemo(() => new TranscriptLines(events, connectionId, open), [events, ownCount, connectionId, open]);
  const allPending = usePlayground((s) => s.pendingCalls);
  const pending = useMemo(() => allPending.filter((call: PendingCall) => call.connectionId === connectionId), [allPending, connectionId]);
  const [limit, setLimit] = useState(PAGE);
  const list = useRef<HTMLOListElement>(null);

  // A long transcript shows its last lines, or, when the cursor is further back, the lines up to
  // just after it: the selected moment is always among the lines shown.
  const firstLater = following ? -1 : lines.firstAfter(cursor);
  const end = firstLater !== -1 && firstLater < lines.length - limit ? firstLater + AFTER_CURSOR : lines.length;
  const start = Math.max(0, end - limit);
  const shown = useMemo(() => lines.slice(start, end), [lines, start, end]);

  useEffect(() => {
    const element = list.current;
    // Off screen nothing is shown: reading its layout would lay out a card the page skips
    // (content-visibility), once per card per batch. It scrolls when it comes into view.
    if (!element || !onScreen) return;
    // Scrolled in the frame that draws the new lines, not now: a scroll needs the page laid out,
    // and laid out now, the rest of this task (the timeline, the composer) lays it out again.
    const frame = requestAnimationFrame(() => scrollToCursor(element, following));
    return () => cancelAnimationFrame(frame);
  }, [lines.length, pending.length, cursor, following, onScreen]);

  return (
    <div ref={box} className="chat-transcript">
      {start > 0 && (
        <button type="button" className="chat-transcript__more" onClick={() => setLimit((n) => n + PAGE)}>
          Show earlier lines ({start} hidden)
        </button>
      )}
      <ol ref={list} className="chat-transcript__lines" aria-label="Transcript">
        {shown.map((line) => (
          <TranscriptEntry key={line.key} line={line} later={!following && line.seq > cursor} />
        ))}
        {end === lines.length && pending.map((call) => <PendingLine key={`pending-${call.id}`} call={call} />)}
      </ol>
      {end < lines.length && <p className="chat-transcript__more">{lines.length - end} later lines not shown</p>}
    </div>
  );
}

/** Scrolls `element`, a transcript's list, to its end (`following`) or to the latest line at the cursor, scrolling this list only (scrollIntoView would scroll the panes around it too). */
function scrollToCursor(element: HTMLElement, following: boolean): void {
  if (following) {
    element.scrollTop = element.scrollHeight;
    return;
  }
  const current = element.querySelectorAll<HTMLElement>('.chat-line:not(.chat-line--later)');
  const last = current[current.length - 1];
  if (!last) {
    element.scrollTop = 0;
    return;
  }
  const bottom = last.offsetTop + last.offsetHeight;
  const hidden = bottom > element.scrollTop + element.clientHeight || last.offsetTop < element.scrollTop;
  if (hidden) element.scrollTop = bottom - element.clientHeight + LINE_GAP;
}
