import '../../ui/monaco/setupMonaco';
import { Editor, type OnMount } from '@monaco-editor/react';
import type * as Monaco from 'monaco-editor';
import { useEffect, useRef } from 'react';
import { themeOf, usePlayground } from '../../store';
import { BASE_OPTIONS } from '../../ui/monaco/baseOptions';
import { monacoThemeName } from '../../ui/monaco/monacoThemes';
import { setUpActorLanguage } from './actorLanguage';
import type { SourceLocation } from '../../core';

/** The owner of the Editor's own markers, beside the language service's syntax errors. */
const OWNER = 'theater-playground';

interface Props {
  /** Where the source failed (a syntax error, or where the running actor threw), marked and scrolled to. */
  problem: { message: string; at?: SourceLocation } | null;
  /** Control+Enter (Command+Enter) in the editor: Run actor. */
  onRun(): void;
}

/** The actor's source in Monaco: JavaScript with the interface's completions and hover docs. */
export default function ActorEditor({ problem, onRun }: Props) {
  const theme = usePlayground(themeOf);
  const text = usePlayground((s) => s.editorText);
  const setText = usePlayground((s) => s.setEditorText);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  // The action is added once; it calls whatever onRun is now.
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  });

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    mark(editor, monaco, problem);
    editor.addAction({ id: 'theater-playground.run-actor', label: 'Run actor', keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter], run: () => runRef.current() });
  };

  useEffect(() => {
    if (editorRef.current && monacoRef.current) mark(editorRef.current, monacoRef.current, problem);
  }, [problem]);

  return (
    <Editor
      value={text}
      onChange={(value) => setText(value ?? '')}
      language="javascript"
      path="file:///actor.js"
      theme={monacoThemeName(theme)}
      beforeMount={setUpActorLanguage}
      onMount={onMount}
      loading={<p className="editor__loading">Loading the editor…</p>}
      options={{
        ...BASE_OPTIONS,
        ariaLabel: 'Actor source',
        tabSize: 2,
        fixedOverflowWidgets: true,
      }}
    />
  );
}

/** Puts `problem` on the model as an error marker and brings its line into view. */
function mark(editor: Monaco.editor.IStandaloneCodeEditor, monaco: typeof Monaco, problem: Props['problem']): void {
  const model = editor.getModel();
  if (!model) return;
  if (!problem?.at) return monaco.editor.setModelMarkers(model, OWNER, []);
  const line = Math.min(problem.at.line, model.getLineCount());
  monaco.editor.setModelMarkers(model, OWNER, [
    { severity: monaco.MarkerSeverity.Error, message: problem.message, startLineNumber: line, startColumn: problem.at.column, endLineNumber: line, endColumn: model.getLineMaxColumn(line) },
  ]);
  editor.revealLineInCenterIfOutsideViewport(line);
}
