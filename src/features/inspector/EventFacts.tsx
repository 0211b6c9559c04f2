import { useEffect } from 'react';
import { timesRecorded, type ActorEvent } from '../../core';
import { usePlayground } from '../../store';
import { chainCost } from './inspectorSlice';
import { formatClock, formatDuration, NO_TIMES, READ_ONLY_NOTE } from '../../ui/format';
import { ClippedText } from '../../ui/ClippedText';
import { CopyButton } from './CopyButton';
import { Term } from '../../ui/term/Term';

/** Up to this much to hash (see chainCost), the chain hash is fetched as soon as the event is selected. */
const AUTO_CHAIN_BYTES = 1024 * 1024;
/** How long the selection must rest on an event before its chain hash is asked for. */
const SETTLE_MS = 250;

/** How the call ended, for whom, how long it took, and where it sits in Theater's hash chain. */
export function EventFacts({ event }: { event: ActorEvent }) {
  const chain = usePlayground((s) => s.chain);
  const chainHash = usePlayground((s) => s.chainHash);
  const cost = usePlayground((s) => chainCost(s, event.seq, AUTO_CHAIN_BYTES));
  const cheap = cost <= AUTO_CHAIN_BYTES;
  // Only the selected event's hash is asked for (the engine extends the chain on demand), and
  // only once the selection settles: hashes share the actor's queue, and a burst of events (a
  // bridge, a replay) must not put a hash in front of every call.
  useEffect(() => {
    if (!cheap) return;
    const timer = window.setTimeout(() => void chainHash(event.seq), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [chainHash, event, cheap]);
  const hash = chain?.event === event ? chain : undefined;
  const { outcome } = event;

  return (
    <dl className="facts inspector__facts">
      <dt>Outcome</dt>
      <dd>
        <span className={`outcome outcome--${outcome.kind}`}>{outcome.kind}</span> <ClippedText className={outcome.kind === 'ok' ? undefined : 'inspector__failed'} text={outcomeText(event)} />
      </dd>
      <dt>From</dt>
      <dd>{origin(event)}</dd>
      {event.kind === 'chain' && (
        <>
          <dt>Read-only</dt>
          <dd>{READ_ONLY_NOTE}</dd>
        </>
      )}
      <dt>Duration</dt>
      <dd>
        {timesRecorded(event) ? (
          <>
            {formatDuration(event.durationMs)} <span className="inspector__muted">at {formatClock(event.startedAt)}</span>
          </>
        ) : (
          NO_TIMES
        )}
      </dd>
      <dt>
        <Term term="chain-hash">Chain hash</Term>
      </dt>
      <dd className="inspector__hash">
        {event.chain?.format === 'text' ? (
          <>
            <code>{event.chain.entries.at(-1)!.hash}</code> <span className="inspector__muted">as the .chain file says: not verifiable here (it covers Theater's binary encoding)</span>
          </>
        ) : !hash && !cheap ? (
          <>
            <button type="button" className="button inspector__small" onClick={() => void chainHash(event.seq)}>
              Compute chain hash
            </button>{' '}
            <span className="inspector__muted">the chain up to here is long or holds large states: hashing it keeps the actor busy a while</span>
          </>
        ) : !hash || hash.status === 'pending' ? (
          <span className="inspector__muted">computing…</span>
        ) : hash.status === 'error' ? (
          <span className="inspector__failed">{hash.message}</span>
        ) : hash.hash === undefined ? (
          <span className="inspector__muted">not in the chain</span>
        ) : (
          <>
            <code>{hash.hash}</code> <CopyButton label="Copy chain hash" text={() => hash.hash ?? ''} />
          </>
        )}
      </dd>
      {event.shutdown && (
        <>
          <dt>Shutdown</dt>
          <dd className="inspector__failed">{event.kind === 'chain' ? 'Theater recorded the actor stopping here: it is stopped' : 'the actor called runtime.shutdown: it is stopped'}</dd>
        </>
      )}
    </dl>
  );
}

/** Who the event came from: a simulated client, the actor itself, or a Theater chain, which records no connections. */
function origin(event: ActorEvent): string {
  if (event.connectionId !== null) return `connection #${event.connectionId}`;
  if (event.kind === 'chain') return 'an imported Theater chain';
  return event.kind === 'init' ? 'the actor itself (init)' : 'no connection: imported from a Theater chain, which records none';
}

/** One line on what the outcome meant for the state: only `ok` commits. */
function outcomeText(event: ActorEvent): string {
  const { outcome } = event;
  switch (outcome.kind) {
    case 'ok':
      return event.stateBefore === event.stateAfter ? 'state unchanged' : 'new state committed';
    case 'err':
      return `${outcome.message} (nothing committed)`;
    case 'trap':
      return `${outcome.message} (the instance was replaced; nothing committed)`;
    case 'timeout':
      return `no answer within ${outcome.afterMs} ms: the worker was restarted (nothing committed)`;
    default: {
      const exhaustive: never = outcome;
      return exhaustive;
    }
  }
}
