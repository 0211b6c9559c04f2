import { memo, type ReactNode } from 'react';
import { bridgeFrameOf, describeMessage, timesRecorded, type ActorEvent, type StateRef } from '../../core';
import { formatClock, formatDuration, NO_TIMES, READ_ONLY_NOTE } from '../../ui/format';
import { chainHeadline, connectionLabel } from './chainRow';
import { deliveryBadge } from './deliveryBadge';
import { detailLines } from './eventDetails';
import { FrameHead } from './FrameHead';
import { OutcomeIcon } from './OutcomeIcon';
import { stateChange } from './stateChange';

/** A row is one line: more of a long text would only be cut off by the row's width. */
export const INPUT_CHARS = 160;

/** The clock to the millisecond: events come faster than once a second, and people compare them with their own logs. */
const clockTime = (epochMs: number): string => `${formatClock(epochMs)}.${String(Math.floor(epochMs) % 1000).padStart(3, '0')}`;

interface Props {
  event: ActorEvent;
  /** Where the row sits (px below `--rows-shift`, see TimelineList) and how tall it is (see RowLayout). */
  top: number;
  height: number;
  selected: boolean;
  /** The current search finds this event. */
  match: boolean;
  /** 1-based place among the rows shown, and how many there are: rows off screen are not in the DOM. */
  position: number;
  setSize: number;
  sizeOf: (ref: StateRef) => number | undefined;
}

/** One event: how it ended, which client, what went in, what it did to the state; then what came out and what it asked the host. */
export const TimelineItem = memo(function TimelineItem({ event, top, height, selected, match, position, setSize, sizeOf }: Props) {
  const frame = bridgeFrameOf(event);
  const kind = frame ? `timeline-row--frame timeline-row--${frame.direction}` : `timeline-row--${event.outcome.kind}`;
  const classes = ['timeline-row', kind, selected && 'timeline-row--selected', match && 'timeline-row--match', event.kind === 'chain' && 'timeline-row--chain'].filter(Boolean).join(' ');
  return (
    <li
      className={classes}
      style={{ top: `calc(var(--rows-shift) + ${top}px)`, height }}
      data-seq={event.seq}
      tabIndex={-1}
      aria-current={selected ? 'true' : undefined}
      aria-posinset={position}
      aria-setsize={setSize}
    >
      <RowBody event={event} sizeOf={sizeOf} />
    </li>
  );
});

/**
 * What a row says, apart from its place: every new event changes every rendered row's
 * `aria-setsize` (and, while following, its place), and the rows' texts are not worth
 * working out again for that.
 */
const RowBody = memo(function RowBody({ event, sizeOf }: Pick<Props, 'event' | 'sizeOf'>) {
  const frame = bridgeFrameOf(event);
  const time = timesRecorded(event) && (
    <time className="timeline-row__time" dateTime={new Date(event.startedAt).toISOString()}>
      {clockTime(event.startedAt)}
    </time>
  );
  return (
    <>
      {/* A bridge frame was no call: it reads as a frame, not as a call that went well. */}
      {frame ? <FrameHead seq={event.seq} frame={frame} time={time} /> : <CallHead event={event} sizeOf={sizeOf} time={time} />}
      {detailLines(event).map((line, i) => (
        <div key={i} className={`timeline-row__detail timeline-row__detail--${line.tone}`} title={line.text}>
          <span className="timeline-row__mark">{line.mark}</span> {line.text}
          {line.tag && (
            <>
              {' '}
              <span className="timeline-row__tag">{line.tag}</span>
            </>
          )}{' '}
        </div>
      ))}
    </>
  );
});

/** A call's row head: outcome, connection, input, state change, duration, time. The spaces keep the text readable when copied or read aloud, not only when laid out. */
function CallHead({ event, sizeOf, time }: { event: ActorEvent; sizeOf: Props['sizeOf']; time: ReactNode }) {
  const { outcome } = event;
  const timed = timesRecorded(event);
  const change = stateChange(event, sizeOf);
  const input = event.kind === 'chain' ? chainHeadline(event) : event.input ? describeMessage(event.input, { maxChars: INPUT_CHARS }) : 'init';
  const delivery = deliveryBadge(event);
  return (
    <div className="timeline-row__head">
      <OutcomeIcon kind={outcome.kind} /> <span className="timeline-row__seq">#{event.seq}</span>{' '}
      {/* A read-only event has no connection to name: its mark takes the place, so its headline keeps the room. */}
      {event.kind === 'chain' ? (
        <span className="timeline-row__readonly" title={READ_ONLY_NOTE}>
          read-only<span className="visually-hidden">: {READ_ONLY_NOTE}</span>
        </span>
      ) : (
        <span className="timeline-row__connection">{connectionLabel(event)}</span>
      )}{' '}
      <span className="timeline-row__input" title={input}>
        {input}
      </span>{' '}
      {delivery && (
        <span className="timeline-row__delivery" title={delivery.label}>
          <span className="visually-hidden">{`${delivery.label} `}</span>
          <span aria-hidden="true">{delivery.text}</span>
        </span>
      )}{' '}
      {event.shutdown && <span className="timeline-row__shutdown">shutdown</span>}{' '}
      <span className={`timeline-row__state${change.changed ? ' timeline-row__state--changed' : ''}`} title={change.description}>
        <span className="visually-hidden">{`${change.description} `}</span>
        <span aria-hidden="true">{change.label}</span>
      </span>{' '}
      <span className="timeline-row__duration" title={timed ? undefined : NO_TIMES}>
        {timed ? formatDuration(event.durationMs) : '—'}
      </span>{' '}
      {time}{' '}
      <span className={`timeline-row__outcome timeline-row__outcome--${outcome.kind}`}>{outcome.kind}</span>{' '}
    </div>
  );
}
