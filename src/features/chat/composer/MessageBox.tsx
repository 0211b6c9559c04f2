import { useId, type KeyboardEvent } from 'react';
import { BODY_FORMATS, usePlayground, type Draft } from '../../../store';
import { jsonProblem, takesText } from '../draft';
import type { ComposerTarget } from '../composerSlice';
import { formatSize } from '../../../ui/format';

/** Where `field-sizing` is missing, the box still grows by the lines typed, up to a few. */
const MAX_ROWS = 8;

function placeholderOf(draft: Draft): string {
  const format = BODY_FORMATS[draft.kind];
  if (format === 'none') return `${draft.kind} carries no payload`;
  if (format === 'text') return draft.json ? 'JSON, e.g. {"type": "hi"}' : 'Message';
  const optional = draft.kind === 'binary' ? '' : 'optional ';
  switch (draft.encoding) {
    case 'hex':
      return `${optional}hex, e.g. 68 69`;
    case 'base64':
      return `${optional}base64, e.g. aGk=`;
    case 'file':
      return draft.file ? `sends ${draft.file.name} (${formatSize(draft.file.bytes.length)})` : 'choose a file';
    default: {
      const exhaustive: never = draft.encoding;
      return exhaustive;
    }
  }
}

/**
 * The message itself. Enter sends and Shift+Enter adds a line, as in chat apps; ↑ and ↓ walk
 * through what this composer sent before, while the box is empty or shows an unchanged recall.
 */
export function MessageBox({ target, draft }: { target: ComposerTarget; draft: Draft }) {
  const editDraft = usePlayground((s) => s.editDraft);
  const recallDraft = usePlayground((s) => s.recallDraft);
  const id = useId();
  const format = BODY_FORMATS[draft.kind];
  const inactive = !takesText(draft);
  const problem = jsonProblem(draft);
  const mono = format === 'bytes' || draft.json;

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // An input method composing a character owns Enter and the arrows.
    if (event.nativeEvent.isComposing) return;
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    } else if (plain && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      if (recallDraft(target, event.key === 'ArrowUp' ? 'older' : 'newer')) event.preventDefault();
    }
  };

  return (
    <div className="compose__box">
      <label className="visually-hidden" htmlFor={id}>
        Message
      </label>
      <textarea
        id={id}
        className={`compose__body${mono ? ' compose__body--mono' : ''}`}
        rows={inactive ? 1 : Math.min(MAX_ROWS, draft.body.split('\n').length)}
        autoComplete="off"
        spellCheck={format === 'text' && !draft.json}
        placeholder={placeholderOf(draft)}
        disabled={inactive}
        value={inactive ? '' : draft.body}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-problem`}
        onChange={(e) => editDraft(target, { body: e.currentTarget.value })}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-problem`} className="compose__problem" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
