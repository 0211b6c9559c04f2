import { usePlayground, type PlaygroundState } from '../../store';

/** What the badge says: the actor's own status, or `running` while a call the person made is in flight. */
const shownStatus = (s: PlaygroundState): string => (s.status === 'ready' && s.pendingCalls.length > 0 ? 'running' : s.status);

/** The loaded actor's name and how it is: `ready`, `running`, `loading`, `stopped` or `error`. */
export function ActorStatus() {
  const name = usePlayground((s) => s.actorName);
  const status = usePlayground(shownStatus);
  return (
    <p role="status" aria-label="Actor status" className={`actor-status actor-status--${status}`}>
      <span className="actor-status__name">{name ?? 'no actor'}</span> <span className="actor-status__badge">{status}</span>
    </p>
  );
}
