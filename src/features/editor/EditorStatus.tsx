import { usePlayground } from '../../store';
import { formatDuration } from '../../ui/format';

/**
 * What the Editor's source is to the actor now loaded: the one running (and how long Run actor
 * took), edited since, or not loaded at all. A `status`, so a screen reader hears a run finish.
 */
export function EditorStatus() {
  const run = usePlayground((s) => s.editorRun);
  const loaded = usePlayground((s) => s.editorLoadedSource);
  const edited = usePlayground((s) => s.editorLoadedSource !== null && s.editorLoadedSource !== s.editorText);
  const actorName = usePlayground((s) => s.actorName);
  let text: string;
  if (run?.kind === 'running') text = 'Loading your source into the host component…';
  else if (run?.kind === 'failed') text = 'Run actor failed: the actor loaded before it is still running (see the message above).';
  else if (loaded === null) text = `The loaded actor is ${actorName ?? 'none'}, not this source: press Run actor to load it.`;
  else if (edited) text = 'Edited since Run actor: press Run actor to load this version, or Replay against this code to compare it with the history.';
  else text = run?.kind === 'ran' ? `Running this source (loaded in ${formatDuration(run.ms)}): open a connection and chat with it.` : 'Running this source.';
  return (
    <p className="editor__status" role="status" aria-label="Editor status">
      {text}
    </p>
  );
}
