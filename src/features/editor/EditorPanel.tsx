import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { usePlayground } from '../../store';
import { download } from '../../ui/download';
import { usePaneRoom } from '../../ui/layout/usePaneRoom';
import { formatDuration, formatSize } from '../../ui/format';
import { editorErrorEvent, thrownIn, type EditorProblem } from './editorProblem';
import { BUILD_COMMAND } from './standaloneBuild';
import { TEMPLATES, type TemplateName } from './templates';
import { EditorStatus } from './EditorStatus';
import { ShareLink } from './ShareLink';
import './editor.css';

/** Where a problem came from, after its message. */
const PROBLEM_WHERE = {
  parse: () => '(found before running: nothing was loaded)',
  build: () => '(the standalone build)',
  init: () => '(while loading the source or in its init: the actor that was running stays)',
  call: (seq?: number) => `(event #${seq ?? '?'})`,
} as const satisfies Record<EditorProblem['by'], (seq?: number) => string>;

// Monaco is megabytes: it loads when the Editor tab first shows.
const ActorEditor = lazy(() => import('./ActorEditor'));

/**
 * The Editor tab: write a JavaScript actor, run it in the page with no toolchain, replay the
 * history against an edit, and build the standalone component Theater runs.
 */
export function EditorPanel() {
  // About 55 columns of code: the side pane's default (a quarter of the page) shows barely 35. The
  // chat and the events give the room, each kept at 31% or more so their controls still fit (the composer's Send needs about 400 px).
  usePaneRoom(480, 38, 31);
  const info = usePlayground((s) => s.info);
  const followLoadedActor = usePlayground((s) => s.followLoadedActor);
  const runEditorActor = usePlayground((s) => s.runEditorActor);
  const replayAgainstEditor = usePlayground((s) => s.replayAgainstEditor);
  const buildEditorActor = usePlayground((s) => s.buildEditorActor);
  const applyEditorTemplate = usePlayground((s) => s.applyEditorTemplate);
  const running = usePlayground((s) => s.editorRun?.kind === 'running');
  const replaying = usePlayground((s) => s.replayRun?.status === 'running');
  // Read on every change of the store: O(1), whatever the history's length (only its first event can be an init).
  const hasHistory = usePlayground((s) => s.eventCount > (s.events[0]?.kind === 'init' ? 1 : 0));
  const parseProblem = usePlayground((s) => s.editorProblem);
  const errorEvent = usePlayground(editorErrorEvent);
  const callProblem = useMemo(() => thrownIn(errorEvent), [errorEvent]);
  const build = usePlayground((s) => s.editorBuild);
  const text = usePlayground((s) => s.editorText);
  const [template, setTemplate] = useState<TemplateName>('echo');

  // A reopened session or an imported file with an Editor actor brings its source into the Editor.
  const actorName = usePlayground((s) => s.actorName);
  useEffect(() => followLoadedActor(), [info, actorName, followLoadedActor]);

  const problem = parseProblem ?? callProblem;
  return (
    <section className="editor" aria-label="Editor">
      <div className="editor__bar">
        <label className="editor__template">
          Template{' '}
          <select value={template} onChange={(e) => setTemplate(e.target.value as TemplateName)}>
            {TEMPLATES.map((t) => (
              <option key={t.name} value={t.name}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--quiet" onClick={() => applyEditorTemplate(template)}>
          Use template
        </button>
        <span className="editor__spacer" />
        <button type="button" className="button button--primary" onClick={() => void runEditorActor()} disabled={running} aria-keyshortcuts="Control+Enter">
          Run actor
        </button>
        <button type="button" className="button" onClick={() => void replayAgainstEditor()} disabled={!hasHistory || replaying} title={hasHistory ? undefined : 'Nothing to replay yet: chat with an actor first'}>
          Replay against this code
        </button>
      </div>
      <EditorStatus />
      {problem && (
        <p className="editor__problem" aria-live="polite">
          {problem.at && (
            <>
              <strong>
                Line {problem.at.line}, column {problem.at.column}:
              </strong>{' '}
            </>
          )}
          {problem.message} {PROBLEM_WHERE[problem.by](problem.seq)}
        </p>
      )}
      <div className="editor__source">
        <Suspense fallback={<p className="editor__loading">Loading the editor…</p>}>
          <ActorEditor problem={problem} onRun={() => void runEditorActor()} />
        </Suspense>
      </div>
      <div className="editor__build">
        <button type="button" className="button button--quiet" onClick={() => void buildEditorActor((bytes) => download('actor.wasm', new Blob([bytes as Uint8Array<ArrayBuffer>]), 'application/wasm'))} disabled={build?.kind === 'building'}>
          Build .wasm
        </button>
        <button type="button" className="button button--quiet" onClick={() => download('actor.js', text, 'text/javascript')}>
          Download source
        </button>
        <ShareLink />
        <span className="editor__build-note" aria-live="polite">
          {build?.kind === 'building' && 'Building with componentize-qjs…'}
          {build?.kind === 'built' && `Built actor.wasm (${formatSize(build.size)}) in ${formatDuration(build.ms)}: load it in any page, or run it in Theater.`}
          {build?.kind === 'unavailable' && (
            <>
              This page has no build server. Download the source and run <code>{BUILD_COMMAND}</code> in a checkout of the playground.
            </>
          )}
          {build?.kind === 'failed' && `The build failed: ${build.message}`}
        </span>
      </div>
      <details className="editor__note">
        <summary>How Run actor runs your source (the playground&apos;s, not Theater&apos;s)</summary>
        <p>
          Run actor loads your source into the playground&apos;s QuickJS host component, which reads it through the playground&apos;s own
          import (<code>playground:editor/source</code>) and records where a call went wrong (<code>report-error</code>, a host call of
          the event). It behaves as the standalone build does: the same QuickJS, with no <code>TextEncoder</code>, <code>TextDecoder</code>,
          timers or <code>fetch</code>. Build .wasm makes the component Theater runs.
        </p>
        <p>
          Completions and hover docs for the interface come with the <code>@type</code> comment above <code>websocketServer</code> (and{' '}
          <code>actor</code>) that every template has: copy it into a source of your own.
        </p>
      </details>
    </section>
  );
}
