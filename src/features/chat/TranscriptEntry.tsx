import { memo, type ReactNode } from 'react';
import type { TranscriptLine } from '../../store';
import { LineTime } from '../../ui/transcript/LineTime';
import { SentDuring } from './SentDuring';
import { MessageContent } from '../../ui/transcript/MessageContent';
import { isControl, payloadOfFrame, payloadOfMessage } from '../../ui/transcript/payload';

interface Look {
  /** Out: the client sent it; in: it came back; centre: something that happened to the socket or the call. */
  side: 'out' | 'in' | 'centre';
  tone: 'message' | 'control' | 'dropped' | 'socket' | 'failed';
  /** Read first, so every line says what it is even without the colours and sides. */
  label: string;
  content: ReactNode;
}

const SOCKET_EVENTS = { connect: 'the client opened its socket', close: 'the client closed its socket' } as const;

function lookOf(line: TranscriptLine): Look {
  switch (line.kind) {
    case 'sent': {
      const payload = payloadOfMessage(line.message);
      return { side: 'out', tone: isControl(payload) ? 'control' : 'message', label: 'sent', content: <MessageContent payload={payload} /> };
    }
    case 'control':
      return {
        side: 'centre',
        tone: 'socket',
        label: 'event',
        content: (
          <>
            <strong className="msg__tag">{line.event}</strong> <span className="note__text">{SOCKET_EVENTS[line.event]}</span>
            {line.asText !== undefined && (
              <>
                {' '}
                <span className="note__text">(as Theater&apos;s host delivered it, the text</span> <code className="msg__text">{line.asText}</code>
                <span className="note__text">)</span>
              </>
            )}
          </>
        ),
      };
    case 'received': {
      const { frame, message, warning } = line.response;
      if (frame) {
        const payload = payloadOfFrame(frame);
        const content = <MessageContent payload={payload} />;
        return { side: 'in', tone: isControl(payload) ? 'control' : 'message', label: 'received', content: line.during ? <SentDuringLine seq={line.seq} during={line.during} content={content} /> : content };
      }
      // Theater would drop this response: show what the actor meant to send, marked with why.
      return {
        side: 'in',
        tone: 'dropped',
        label: 'warning',
        content: (
          <>
            <span className="bubble__warning">{warning ?? 'dropped'}</span> <MessageContent payload={payloadOfMessage(message)} />
          </>
        ),
      };
    }
    case 'failed': {
      const { outcome } = line;
      const why = outcome.kind === 'timeout' ? `no answer within ${outcome.afterMs} ms, so the actor was restarted` : outcome.message;
      return { side: 'centre', tone: 'failed', label: outcome.kind, content: <span className="note__text">{why} (no response; the state is unchanged)</span> };
    }
    default: {
      const exhaustive: never = line;
      return exhaustive;
    }
  }
}

/** A message the actor sent this client while it handled another client's event: the message, then where it came from. */
function SentDuringLine({ seq, during, content }: { seq: number; during: { connectionId: number | null }; content: ReactNode }) {
  return (
    <>
      {content} <SentDuring seq={seq} connectionId={during.connectionId} />
    </>
  );
}

/**
 * One line of a transcript: a chat bubble for what was sent or received, a note for what happened
 * to the socket or the call. `later` greys out what happened after the selected event.
 */
export const TranscriptEntry = memo(function TranscriptEntry({ line, later }: { line: TranscriptLine; later: boolean }) {
  const { side, tone, label, content } = lookOf(line);
  const shown = tone === 'failed';
  return (
    <li className={`chat-line chat-line--${side}${later ? ' chat-line--later' : ''}`}>
      <div className={`bubble bubble--${tone}`}>
        <span className={shown ? 'bubble__label' : 'visually-hidden'}>{label}</span> {content} <LineTime seq={line.seq} at={line.at} />
        {/* Said, not only greyed: aria-disabled would also disable the time's button, which is how to move on. */}
        {later && <span className="visually-hidden"> (after the selected event)</span>}
      </div>
    </li>
  );
});
