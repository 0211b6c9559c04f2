import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { clipText, utf8Length } from '../../../core';
import { BODY_FORMATS, usePlayground, type Draft } from '../../../store';
import { takesText } from '../draft';
import type { ComposerTarget } from '../composerSlice';
import { formatSize } from '../../../ui/format';
import { PREVIEW_CHARS } from '../../../ui/ClippedText';
import { LARGE_BODY, useLargeInsert } from './largeInsert';

/** Where `field-sizing` is missing, the box still grows by the lines typed, up to a few. */
const MAX_ROWS = 8;

/** The lines of `text`, counted only up to `max`: a pasted payload can be megabytes on one line. */
function rowsOf(text: string, max: number): number {
  let rows = 1;
  for (let at = text.indexOf('\n'); at !== -1 && rows < max; at = text.indexOf('\n', at + 1)) rows++;
  return rows;
}

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

interface Props {
  target: ComposerTarget;
  draft: Draft;
  /** Why the draft cannot be sent (its JSON or its bytes), said under the box; null when it can. */
  problem: string | null;
  /** The id of that sentence, which Send is described by too. */
  problemId: string;
}

/**
 * The message itself. Enter sends and Shift+Enter adds a line, as in chat apps; ↑ and ↓ walk
 * through what this composer sent before, while the box is empty or shows an unchanged recall.
 * Past a screenful the box also says how big the message is; past `LARGE_BODY` it shows only the
 * start, read-only, until `Show all` puts the whole in the box to edit (see largeInsert.ts).
 */
export function MessageBox({ target, draft, problem, problemId }: Props) {
  const editDraft = usePlayground((s) => s.editDraft);
  const recallDraft = usePlayground((s) => s.recallDraft);
  const id = useId();
  const format = BODY_FORMATS[draft.kind];
  const inactive = !takesText(draft);
  const mono = format === 'bytes' || draft.json;
  const box = useRef<HTMLTextAreaElement>(null);
  useLargeInsert(box, target, editDraft);
  const [whole, setWhole] = useState(false);
  const long = !inactive && draft.body.length > PREVIEW_CHARS;
  const large = !inactive && draft.body.length > LARGE_BODY;
  // Once the message is small again (sent, cleared), the next large one starts folded.
  if (whole && !large) setWhole(false);
  const folded = large && !whole;

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
        ref={box}
        id={id}
        className={`compose__body${mono ? ' compose__body--mono' : ''}`}
        rows={inactive || folded ? 1 : rowsOf(draft.body, MAX_ROWS)}
        autoComplete="off"
        spellCheck={format === 'text' && !draft.json && !long}
        placeholder={placeholderOf(draft)}
        disabled={inactive}
        readOnly={folded}
        value={inactive ? '' : folded ? clipText(draft.body, PREVIEW_CHARS) : draft.body}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${problemId} ${id}-size`}
        onChange={(e) => editDraft(target, { body: e.currentTarget.value })}
        onKeyDown={onKeyDown}
      />
      <p id={problemId} className="compose__problem" aria-live="polite">
        {problem}
      </p>
      <div className="compose__size">
        <span id={`${id}-size`}>{long && `${formatSize(utf8Length(draft.body))} to send${folded ? ': only its start is shown' : ''}`}</span>
        {folded && (
          <>
            {' '}
            <button type="button" className="clipped__toggle" onClick={() => setWhole(true)}>
              Show all
            </button>
            <button type="button" className="clipped__toggle" onClick={() => editDraft(target, { body: '' })}>
              Clear message
            </button>
          </>
        )}
      </div>
    </div>
  );
}
