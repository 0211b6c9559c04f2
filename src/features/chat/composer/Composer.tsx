import { useId, useMemo, type FormEvent } from 'react';
import { HTTP_FRAME_KINDS, MESSAGE_KINDS } from '../../../core';
import { BODY_FORMATS, draftOf, isMessageKind, usePlayground } from '../../../store';
import { draftProblem, takesText } from '../draft';
import type { ComposerTarget } from '../composerSlice';
import { BytesSource } from './BytesSource';
import { JsonControls } from './JsonControls';
import { MessageBox } from './MessageBox';
import './composer.css';

interface Props {
  /** One connection, or every open one. */
  target: ComposerTarget;
  disabled: boolean;
  /** The form's accessible name: which client it writes for. */
  label: string;
  /** The send button's name. */
  submit: string;
}

const FRAME_KINDS_HINT = 'Text and binary only: ping and pong never reach an http-framework actor (its server answers them); to close, use Close connection.';

/** Writes one message of any kind the actor can be sent, in whatever form its payload is easiest to give. */
export function Composer({ target, disabled, label, submit }: Props) {
  const draft = usePlayground((s) => draftOf(s.drafts, target));
  const editDraft = usePlayground((s) => s.editDraft);
  const sendDraft = usePlayground((s) => s.sendDraft);
  const framesOnly = usePlayground((s) => s.info?.actorKind === 'http-framework');
  const kinds: readonly string[] = framesOnly ? HTTP_FRAME_KINDS : MESSAGE_KINDS;
  const id = useId();
  const format = BODY_FORMATS[draft.kind];
  // Checked once per change, here, for the box, the JSON controls and Send alike: a pasted body can be megabytes.
  const problem = useMemo(() => draftProblem(draft), [draft]);
  const problemId = `${id}-problem`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void sendDraft(target);
  };

  return (
    <form className="compose" onSubmit={onSubmit} aria-label={label}>
      <fieldset disabled={disabled}>
        <div className="compose__options">
          <label className="visually-hidden" htmlFor={`${id}-kind`}>
            Message type
          </label>
          <select
            id={`${id}-kind`}
            className="compose__kind"
            value={draft.kind}
            aria-describedby={framesOnly ? `${id}-kinds` : undefined}
            onChange={(e) => {
              const kind = e.currentTarget.value;
              if (isMessageKind(kind)) editDraft(target, { kind });
            }}
          >
            {/* A draft of another kind (kept from an earlier actor) stays listed, so the box shows what it holds; Send says why it fails. */}
            {(kinds.includes(draft.kind) ? kinds : [...kinds, draft.kind]).map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
          {framesOnly && (
            <span id={`${id}-kinds`} className="compose__hint">
              {FRAME_KINDS_HINT}
            </span>
          )}
          {draft.kind === 'other' && (
            <>
              <label className="visually-hidden" htmlFor={`${id}-other`}>
                Other type
              </label>
              <input id={`${id}-other`} className="compose__other" placeholder="type name" autoComplete="off" value={draft.other} onChange={(e) => editDraft(target, { other: e.currentTarget.value })} />
            </>
          )}
          {format === 'bytes' && <BytesSource target={target} draft={draft} />}
          {format === 'text' && <JsonControls target={target} draft={draft} problem={problem} />}
          {/* The keys are in the help dialog too; here they are a reminder where they apply. */}
          {takesText(draft) && (
            <span className="compose__keys" aria-hidden="true">
              ⏎ send · ⇧⏎ new line · ↑ earlier
            </span>
          )}
        </div>
        <div className="compose__row">
          <MessageBox target={target} draft={draft} problem={problem} problemId={problemId} />
          {/* Disabled while the draft cannot be sent, described by why (said beside the box). */}
          <button type="submit" className="button button--primary compose__send" disabled={problem !== null} aria-describedby={problem ? problemId : undefined}>
            {submit}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
