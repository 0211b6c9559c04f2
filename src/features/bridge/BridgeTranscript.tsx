import { memo, useEffect, useMemo, useRef } from 'react';
import { eventsOfConnection } from '../../core';
import { usePlayground } from '../../store';
import { useOnScreen, usePlaygroundWhileShown } from '../../ui/useOnScreen';
import { LineTime } from '../../ui/transcript/LineTime';
import { MessageContent } from '../../ui/transcript/MessageContent';
import { payloadOfMessage } from '../../ui/transcript/payload';
import { bridgeLinesOf, type BridgeLine } from './bridgeLines';

/** A long exchange shows its latest lines; the timeline has them all. */
const SHOWN = 300;

function ShadowMark({ line }: { line: Extract<BridgeLine, { kind: 'frame' }> }) {
  const { shadow } = line;
  if (!shadow) return null;
  if (shadow.match) return <span className="bridge-shadow bridge-shadow--match" title={`The actor answered the same (event #${shadow.actorSeq})`}>shadow: same</span>;
  return (
    <span className="bridge-shadow bridge-shadow--differs">
      shadow differs (actor event #{shadow.actorSeq}): {shadow.detail}
    </span>
  );
}

const Line = memo(function Line({ line }: { line: BridgeLine }) {
  if (line.kind === 'socket')
    return (
      <li className="chat-line chat-line--centre">
        <div className="bubble bubble--socket">
          {line.text} <LineTime seq={line.seq} at={line.at} />
        </div>
      </li>
    );
  const payload = payloadOfMessage(line.message);
  const differs = line.shadow?.match === false;
  return (
    <li className={`chat-line chat-line--${line.side}`}>
      <div className={`bubble bubble--message${differs ? ' bridge-bubble--differs' : ''}`}>
        <span className="visually-hidden">{line.side === 'out' ? 'sent' : 'received'}</span> <MessageContent payload={payload} /> <LineTime seq={line.seq} at={line.at} />
        <ShadowMark line={line} />
      </div>
    </li>
  );
});

/** Every frame of one bridge connection, newest at the bottom, with shadow verdicts where compared. */
export function BridgeTranscript({ connectionId }: { connectionId: number }) {
  const box = useRef<HTMLDivElement>(null);
  const onScreen = useOnScreen(box);
  const events = usePlayground((s) => s.events);
  // The history is append-only and shared; this connection's share of it growing is what says
  // its lines changed (not read while the card is off screen).
  const ownCount = usePlaygroundWhileShown(onScreen, (s) => eventsOfConnection(s.events, connectionId).length);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- ownCount stands for the array's contents
  const lines = useMemo(() => bridgeLinesOf(events, connectionId), [events, ownCount, connectionId]);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [lines.length]);
  return (
    <div ref={box} className="chat-transcript">
      {lines.length > SHOWN && <p className="chat-transcript__more">{lines.length - SHOWN} earlier lines are in the timeline</p>}
      <ol ref={list} className="chat-transcript__lines" aria-label="Transcript">
        {lines.slice(-SHOWN).map((line) => (
          <Line key={line.key} line={line} />
        ))}
      </ol>
    </div>
  );
}
