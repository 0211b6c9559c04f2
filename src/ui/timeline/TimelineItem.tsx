import { describeMessage, logsOf, type ActorEvent } from '../../engine';
import { formatDuration, responseBody } from '../format';

/** One event: which client, what went in, how it ended, what came out, what it logged. */
export function TimelineItem({ event }: { event: ActorEvent }) {
  const { outcome } = event;
  const logs = logsOf(event.hostCalls);
  const stubbed = event.hostCalls.filter((call) => call.stubbed);
  return (
    <li className={`event event--${outcome.kind}`}>
      <div className="event__head">
        {/* The spaces keep the text readable when copied or read aloud, not only when laid out. */}
        <span className="event__seq">#{event.seq}</span>{' '}
        <span className="event__connection">{event.connectionId === null ? 'actor' : `conn ${event.connectionId}`}</span>{' '}
        <span className="event__input">{event.input ? describeMessage(event.input) : event.kind}</span>{' '}
        <span className={`outcome outcome--${outcome.kind}`}>{outcome.kind}</span>{' '}
        <span className="event__duration">{formatDuration(event.durationMs)}</span>
      </div>
      {outcome.kind === 'err' || outcome.kind === 'trap' ? <p className="event__row event__row--failed">{outcome.message}</p> : null}
      {outcome.kind === 'timeout' ? <p className="event__row event__row--failed">no answer within {outcome.afterMs} ms: the worker was restarted</p> : null}
      {event.responses.map((response, i) =>
        response.frame ? (
          <p key={`r${i}`} className="event__row event__row--response">
            <span className="event__arrow">→</span> {describeMessage(response.message)}
          </p>
        ) : (
          <p key={`r${i}`} className="event__row event__row--warning">
            <span className="event__arrow">⚠</span> {response.warning}: {responseBody(response)}
          </p>
        ),
      )}
      {logs.map((line, i) => (
        <p key={`l${i}`} className="event__row event__row--log">
          <span className="event__arrow">log</span> {line}
        </p>
      ))}
      {stubbed.length > 0 && (
        <p className="event__row event__row--stub">
          <span className="event__arrow">stub</span> {stubbed.map((call) => `${call.interface}.${call.function}`).join(', ')}
        </p>
      )}
      {event.shutdown && <p className="event__row event__row--failed">the actor called runtime.shutdown: it is stopped</p>}
    </li>
  );
}
