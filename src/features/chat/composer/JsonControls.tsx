import { useId, useState } from 'react';
import { usePlayground, type Draft, type PlaygroundState } from '../../../store';
import type { ComposerTarget } from '../composerSlice';

/** What Format JSON changed, said until the text changes again. */
type Formatted = ReturnType<PlaygroundState['formatDraft']>;

const bytes = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'byte' : 'bytes'}`;

/**
 * Marks the text as JSON: it is then checked as it is typed (the composer says why it does not
 * parse) and can be laid out. Laying it out changes the bytes the actor receives, which the button
 * says before, and a note with the sizes after.
 */
export function JsonControls({ target, draft, problem }: { target: ComposerTarget; draft: Draft; problem: string | null }) {
  const editDraft = usePlayground((s) => s.editDraft);
  const formatDraft = usePlayground((s) => s.formatDraft);
  const [formatted, setFormatted] = useState<Formatted>(null);
  const hint = useId();
  const valid = draft.json && draft.body.trim() !== '' && problem === null;
  const note = formatted?.body === draft.body ? formatted : null;

  return (
    <>
      <label className="compose__toggle">
        <input type="checkbox" checked={draft.json} onChange={(e) => editDraft(target, { json: e.currentTarget.checked })} />
        JSON
      </label>
      {draft.json && (
        <button type="button" className="button button--quiet compose__small" disabled={!valid} aria-describedby={hint} onClick={() => setFormatted(formatDraft(target))}>
          Format JSON
        </button>
      )}
      {draft.json && (
        <span id={hint} className="visually-hidden">
          Lays the JSON out two spaces deep: the text sent changes with it.
        </span>
      )}
      {note ? (
        <span className="compose__note" role="status">
          Formatted: the message is now {bytes(note.after)} (was {bytes(note.before)})
        </span>
      ) : (
        valid && <span className="compose__valid">valid JSON</span>
      )}
    </>
  );
}
