import { ACTOR_KIND_LABELS, type ActorKind } from '../../core';
import { shownStatusOf, usePlayground } from '../../store';

/** How each kind is told to work, for the badge's tooltip: the difference decides who gets what. */
const KIND_NOTES = {
  'websocket-server': 'Called through theater:simple/websocket-server (handle-message): no connection ids, and every reply goes back only to the client whose event produced it.',
  'http-framework': 'Called through theater:simple/http-handlers, with a connection id per client: it can send to any open connection (send-websocket-message), so one message may reach many clients.',
} as const satisfies Record<ActorKind, string>;

/**
 * The loaded actor's name and how it is: `ready`, `running`, `loading`, `stopped` or `error`; and
 * beside the status (never inside: its text is what tests and screen readers read) which kind of
 * actor it is, since the two kinds deliver responses differently.
 */
export function ActorStatus() {
  const name = usePlayground((s) => s.actorName);
  const status = usePlayground(shownStatusOf);
  const kind = usePlayground((s) => s.info?.actorKind);
  return (
    <>
      <p role="status" aria-label="Actor status" className={`actor-status actor-status--${status}`}>
        <span className="actor-status__name">{name ?? 'no actor'}</span> <span className="actor-status__badge">{status}</span>
      </p>
      {kind && (
        <span className="actor-kind" title={KIND_NOTES[kind]}>
          {ACTOR_KIND_LABELS[kind]}
        </span>
      )}
    </>
  );
}
