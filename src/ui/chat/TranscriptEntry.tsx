import type { TranscriptLine } from '../../store';
import { messageBody, responseBody } from '../format';

/** One line: what the client sent, what came back (or was dropped), or how the call failed. */
export function TranscriptEntry({ line }: { line: TranscriptLine }) {
  switch (line.kind) {
    case 'sent':
      return entry('sent', 'sent', messageBody(line.message));
    case 'control':
      return entry('control', 'event', line.event);
    case 'received':
      return line.response.frame
        ? entry('received', 'received', responseBody(line.response))
        : entry('warning', 'warning', `${line.response.warning ?? 'dropped'}: ${responseBody(line.response)}`);
    case 'failed': {
      const outcome = line.outcome;
      const why = outcome.kind === 'timeout' ? `no answer within ${outcome.afterMs} ms, so the actor was restarted` : outcome.message;
      return entry('failed', outcome.kind, `${why} (no response; the state is unchanged)`);
    }
    default: {
      const exhaustive: never = line;
      return exhaustive;
    }
  }
}

/** The markup every kind of line shares. */
function entry(tone: string, label: string, body: string) {
  return (
    <li className={`line line--${tone}`}>
      <span className="line__label">{label}</span> <span className="line__body">{body}</span>
    </li>
  );
}
