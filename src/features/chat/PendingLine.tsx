import { formatClock } from '../../ui/format';
import { MessageContent } from '../../ui/transcript/MessageContent';
import { isControl, payloadOfMessage } from '../../ui/transcript/payload';
import { pendingInput, type PendingCall } from './pendingCalls';

/**
 * What the client sent (or is closing) before the actor has it: shown at once, marked as in
 * flight (`sending`) or waiting behind another call (`queued`), until its event replaces it.
 */
export function PendingLine({ call }: { call: PendingCall }) {
  const payload = payloadOfMessage(pendingInput(call));
  const state = call.startedAt === null ? 'queued' : 'sending';
  const clock = formatClock(call.sentAt);
  return (
    <li className="chat-line chat-line--out chat-line--pending">
      <div className={`bubble bubble--${isControl(payload) ? 'control' : 'message'} bubble--pending`}>
        <span className="bubble__label">{state}</span> <MessageContent payload={payload} />{' '}
        <span className="bubble__time">
          <time dateTime={new Date(call.sentAt).toISOString()}>{clock}</time>
        </span>
      </div>
    </li>
  );
}
