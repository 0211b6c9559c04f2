import { useState } from 'react';
import { HTTP_FRAME_KINDS, MESSAGE_KINDS, type HistoryEdit, type MessageKind } from '../../core';
import { buildMessage, cursorOf, usePlayground } from '../../store';

/**
 * Changing the past from the selected event: fork (continue live from here, keeping the old
 * future as a branch), or edit, delete, insert or reorder an input and re-run what followed.
 */
export function EventActions() {
  const seq = usePlayground(cursorOf);
  const eventCount = usePlayground((s) => s.eventCount);
  const event = usePlayground((s) => (seq >= 0 ? s.events[seq] : undefined));
  const fork = usePlayground((s) => s.fork);
  const rewrite = usePlayground((s) => s.rewrite);
  const showAlert = usePlayground((s) => s.showAlert);
  const httpFramework = usePlayground((s) => s.info?.actorKind === 'http-framework');
  const [editing, setEditing] = useState<'edit' | 'insert-after' | null>(null);
  const [kind, setKind] = useState<MessageKind>('text');
  const [body, setBody] = useState('');
  if (!event) return null;
  const isMessage = event.kind === 'message' && event.connectionId !== null;
  // An http-framework actor gets only text and binary frames; its connects and disconnects are no frame to edit.
  const frameOnly = httpFramework ? HTTP_FRAME_KINDS : MESSAGE_KINDS;
  const editable = isMessage && !(httpFramework && event.input !== null && !frameOnly.includes(event.input.ty.tag));

  const open = (mode: 'edit' | 'insert-after') => {
    setEditing(mode);
    setKind(mode === 'edit' && event.input && frameOnly.includes(event.input.ty.tag) ? (event.input.ty.tag as MessageKind) : 'text');
    setBody(mode === 'edit' ? (event.input?.text ?? '') : '');
  };
  const submit = () => {
    const message = buildMessage({ kind, body, other: event.input?.ty.tag === 'other' ? event.input.ty.val : '' });
    if (!message.ok) return showAlert(message.error);
    const edit: HistoryEdit = editing === 'edit' ? { kind: 'edit', seq, input: message.value } : { kind: 'insert-after', seq, connectionId: event.connectionId!, input: message.value };
    setEditing(null);
    void rewrite(edit);
  };

  return (
    <div className="event-actions" role="group" aria-label="Change history">
      <button type="button" onClick={() => void fork(seq)} disabled={seq === eventCount - 1} title="Continue live from this event's state; the later events are kept as a branch">
        Fork here
      </button>
      <button type="button" onClick={() => open('edit')} disabled={!editable} title={isMessage && !editable ? 'A client connecting or leaving is not a frame it sent: insert a message after it instead' : undefined}>
        Edit input
      </button>
      <button type="button" onClick={() => open('insert-after')} disabled={!isMessage}>
        Insert after
      </button>
      <button type="button" onClick={() => void rewrite({ kind: 'delete', seq })} disabled={!isMessage}>
        Delete event
      </button>
      <button type="button" onClick={() => void rewrite({ kind: 'move-later', seq })} disabled={!isMessage || seq >= eventCount - 1}>
        Move later
      </button>
      {editing && (
        <form
          className="event-actions__form"
          aria-label={editing === 'edit' ? `Edit input of event #${seq}` : `Insert after event #${seq}`}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <select aria-label="New message type" value={kind} onChange={(e) => setKind(e.currentTarget.value as MessageKind)}>
            {frameOnly.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <input aria-label="New message" value={body} onChange={(e) => setBody(e.currentTarget.value)} placeholder={kind === 'text' || kind === 'other' ? 'text' : 'hex bytes'} />
          <button type="submit" className="button button--primary">
            Re-run from here
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}
