import { usePlayground, type Draft } from '../../../store';
import { jsonProblem } from '../draft';
import type { ComposerTarget } from '../composerSlice';

/** Marks the text as JSON: it is then checked as it is typed (see MessageBox) and can be laid out. */
export function JsonControls({ target, draft }: { target: ComposerTarget; draft: Draft }) {
  const editDraft = usePlayground((s) => s.editDraft);
  const formatDraft = usePlayground((s) => s.formatDraft);
  const valid = draft.json && draft.body.trim() !== '' && jsonProblem(draft) === null;
  return (
    <>
      <label className="compose__toggle">
        <input type="checkbox" checked={draft.json} onChange={(e) => editDraft(target, { json: e.currentTarget.checked })} />
        JSON
      </label>
      {draft.json && (
        <button type="button" className="button button--quiet compose__small" disabled={!valid} onClick={() => formatDraft(target)}>
          Format JSON
        </button>
      )}
      {valid && <span className="compose__valid">valid JSON</span>}
    </>
  );
}
