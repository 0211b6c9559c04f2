import { usePlayground } from '../../store';

/** The loaded actor's name and how it is: `ready`, `loading`, `stopped` or `error`. */
export function ActorStatus() {
  const name = usePlayground((s) => s.actorName);
  const status = usePlayground((s) => s.status);
  return (
    <p role="status" aria-label="Actor status" className={`actor-status actor-status--${status}`}>
      <span className="actor-status__name">{name ?? 'no actor'}</span> <span className="actor-status__badge">{status}</span>
    </p>
  );
}
