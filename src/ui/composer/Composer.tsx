import type { FormEvent } from 'react';
import { MESSAGE_KINDS } from '../../engine';
import { BODY_FORMATS, draftOf, isMessageKind, usePlayground } from '../../store';

const PLACEHOLDERS = {
  text: 'Type a message',
  hex: 'Hex bytes, e.g. 68 69',
  none: 'No payload',
} as const;

/** Writes one message of any of the seven kinds; Enter sends it from this connection. */
export function Composer({ connectionId, disabled }: { connectionId: number; disabled: boolean }) {
  const draft = usePlayground((s) => draftOf(s.drafts, connectionId));
  const editDraft = usePlayground((s) => s.editDraft);
  const sendDraft = usePlayground((s) => s.sendDraft);
  const format = BODY_FORMATS[draft.kind];
  const id = `composer-${connectionId}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void sendDraft(connectionId);
  };

  return (
    <form className="composer" onSubmit={onSubmit} aria-label={`Composer for connection #${connectionId}`}>
      <fieldset disabled={disabled}>
        <label className="visually-hidden" htmlFor={`${id}-kind`}>
          Message type
        </label>
        <select id={`${id}-kind`} value={draft.kind} onChange={(e) => {
            const kind = e.currentTarget.value;
            if (isMessageKind(kind)) editDraft(connectionId, { kind });
          }}>
          {MESSAGE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
        {draft.kind === 'other' && (
          <>
            <label className="visually-hidden" htmlFor={`${id}-other`}>
              Other type
            </label>
            <input id={`${id}-other`} className="composer__other" placeholder="type name" value={draft.other} onChange={(e) => editDraft(connectionId, { other: e.currentTarget.value })} />
          </>
        )}
        <label className="visually-hidden" htmlFor={`${id}-body`}>
          Message
        </label>
        <input
          id={`${id}-body`}
          className={`composer__body composer__body--${format}`}
          autoComplete="off"
          spellCheck={format === 'text'}
          placeholder={PLACEHOLDERS[format]}
          disabled={format === 'none'}
          value={format === 'none' ? '' : draft.body}
          onChange={(e) => editDraft(connectionId, { body: e.currentTarget.value })}
        />
        <button type="submit" className="button button--primary">
          Send
        </button>
      </fieldset>
    </form>
  );
}
