import { isLogCall, type ActorEvent } from '../../core';
import { Term } from '../../ui/term/Term';

/** The Logs section's id, where "Show the actor's log" takes the reader. */
export const LOG_SECTION_ID = 'inspector-log';

/** What the engine's message names, said in a person's words, when it names something we know. */
function likelyCause(message: string): string | null {
  if (/unreachable/i.test(message)) return 'An `unreachable` instruction is what a panic compiles to: look for a panic, an `unwrap()` or `expect()` on an error or none, or an index out of range.';
  if (/out of bounds|memory access/i.test(message)) return 'The actor read or wrote memory outside its own: a bad pointer or an index past the end of a buffer.';
  if (/divide by zero|division by zero|integer overflow/i.test(message)) return 'An integer was divided by zero, or overflowed where the language traps on overflow.';
  if (/call stack|stack overflow|too much recursion/i.test(message)) return 'The call stack ran out: usually recursion that never ends.';
  if (/cannot be answered|missing|not implemented|no answer/i.test(message)) return 'The actor called an import the playground cannot answer (the Component tab lists which).';
  return null;
}

/**
 * Beside a trap's terse engine message, what a trap usually means, and the way to what the actor
 * did before it stopped: its log lines and host calls for this event, further down the Inspector.
 */
export function TrapNote({ event }: { event: ActorEvent }) {
  if (event.outcome.kind !== 'trap') return null;
  // Not the actor's fault as a trap is: the simulated server stopped or refused the call, and its message says which limit.
  if (event.outcome.limit)
    return (
      <p className="inspector__note inspector__trap" role="note" aria-label="What a limit means">
        The simulated server failed this call for going past one of its limits (Server settings → Limits): nothing it answered was sent or committed, and the
        actor's instance was replaced, so the next call starts from the last committed state.
      </p>
    );
  const logs = event.hostCalls.filter(isLogCall).length;
  const calls = event.hostCalls.length - logs;
  const showLog = () => {
    const section = document.getElementById(LOG_SECTION_ID);
    section?.scrollIntoView({ block: 'start' });
    section?.focus();
  };
  return (
    <div className="inspector__note inspector__trap" role="note" aria-label="What a trap means">
      <p>
        <Term term="trap">A trap</Term> usually means a panic in the actor's code (Rust's <code>panic!</code>, <code>unwrap()</code>, an index out of range,
        all compiled to <code>unreachable</code>), an out-of-bounds memory access, an integer divided by zero, a stack overflow, or a call to an import
        nobody answers. {likelyCause(event.outcome.message)}
      </p>
      <p>
        What the actor did before it stopped is in its log: {logs} log {logs === 1 ? 'line' : 'lines'} and {calls} other host {calls === 1 ? 'call' : 'calls'} in this event.{' '}
        <button type="button" className="button inspector__small" onClick={showLog}>
          Show the actor's log
        </button>
      </p>
    </div>
  );
}
