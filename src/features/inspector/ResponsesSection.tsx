import { actorConnectionId, quotedPreview, waveMessage, type ActorEvent, type WireFrame, type WireOutcome } from '../../core';
import { usePlayground } from '../../store';
import { PREVIEW_CHARS } from '../../ui/ClippedText';
import { hexPreview } from '../../ui/format';
import { CopyButton } from './CopyButton';
import { SectionHead } from './SectionHead';

/** Each response message in WAVE (long values cut: its Copy button gives all), and beside it the frame Theater would send, or why it would not. */
export function ResponsesSection({ event }: { event: ActorEvent }) {
  const { responses } = event;
  return (
    <section className="inspector__section" aria-label="Responses">
      <SectionHead title={<>Responses <span className="count">{responses.length}</span></>} />
      {responses.length === 0 ? (
        <p className="empty">{event.outcome.kind === 'ok' ? 'No response messages.' : 'None: a failed call sends nothing.'}</p>
      ) : (
        <ol className="inspector__list">
          {responses.map((response, i) => (
            <li key={i} className="inspector__item">
              <div className="inspector__row">
                <code className="wave wave--inline">{waveMessage(response.message, { maxBytes: 16, maxChars: PREVIEW_CHARS })}</code>
                <CopyButton label={`Copy response ${i + 1} as WAVE`} text={() => waveMessage(response.message)} />
              </div>
              {response.frame ? (
                <p className="wire">
                  <span className="wire__arrow" aria-hidden="true">
                    →
                  </span>{' '}
                  on the wire: {frameText(response.frame)}
                  {response.to !== undefined && <Target to={response.to} />}
                </p>
              ) : (
                <p className="wire wire--warning" role="note">
                  <span className="wire__arrow" aria-hidden="true">
                    ⚠
                  </span>{' '}
                  protocol warning: {response.warning}
                  {response.to !== undefined && <Target to={response.to} />}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Ids this long are cut to their start: enough to tell clients apart, the whole in the title. */
const ID_CHARS = 6;

/**
 * Where an http-framework actor sent a response (`send-websocket-message` names any open
 * connection): the playground's connection and the id the actor knows it by.
 */
function Target({ to }: { to: NonNullable<WireOutcome['to']> }) {
  const actorId = usePlayground((s) => actorConnectionId(s.events, to));
  const cut = actorId !== undefined && actorId.length > ID_CHARS ? `${actorId.slice(0, ID_CHARS)}…` : actorId;
  return (
    <span className="wire__to" title={actorId === undefined ? undefined : `The actor's id for connection #${to}: ${actorId}`}>
      {' '}
      to #{to}
      {actorId !== undefined && (
        <>
          {' '}
          (id <span aria-hidden="true">{cut}</span>
          <span className="visually-hidden">{actorId}</span>)
        </>
      )}
    </span>
  );
}

/** The frame a real Theater server writes for a response. */
function frameText(frame: WireFrame): string {
  switch (frame.frame) {
    case 'text':
      return `text frame ${quotedPreview(frame.text, PREVIEW_CHARS)}`;
    case 'binary':
    case 'ping':
    case 'pong':
      return frame.data.length === 0 ? `${frame.frame} frame (empty)` : `${frame.frame} frame ${hexPreview(frame.data)}`;
    case 'close':
      return 'close frame';
    default: {
      const exhaustive: never = frame;
      return exhaustive;
    }
  }
}
