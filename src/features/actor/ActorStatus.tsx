import { shownStatusOf, usePlayground } from '../../store';

/** The loaded actor's name and how it is: `ready`, `running`, `loading`, `stopped` or `error`. */
export function ActorStatus() {
  const name = usePlayground((s) => s.actorName);
  const status = usePlayground(shownStatusOf);
  return (
    <p role="status" aria-label="Actor status" className={`actor-status actor-status--${status}`}>
      <span className="actor-status__name">{name ?? 'no actor'}</span> <span className="actor-status__badge">{status}</span>
    </p>
  );
}
