/**
 * Monaco, bundled: the page never fetches it from a CDN (ARCHITECTURE.md: the page works offline).
 * Importing this module is what loads Monaco, so only the lazy editors (the WIT view, the
 * Editor tab's actor source) import it.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { defineMonacoThemes } from './monacoThemes';
import { WIT_LANGUAGE_ID, witConfiguration, witTokenizer } from './witLanguage';

// The workers, from the bundle: JavaScript's language service (the Editor tab's completions, hover
// docs and syntax errors) for its labels, the plain editor worker for the rest (WIT has no service).
self.MonacoEnvironment = {
  getWorker: (_id, label) => (label === 'javascript' || label === 'typescript' ? new TypeScriptWorker() : new EditorWorker()),
};

// @monaco-editor/react otherwise loads its own copy of Monaco from a CDN.
loader.config({ monaco });

monaco.languages.register({ id: WIT_LANGUAGE_ID, extensions: ['.wit'], aliases: ['WIT'] });
monaco.languages.setMonarchTokensProvider(WIT_LANGUAGE_ID, witTokenizer);
monaco.languages.setLanguageConfiguration(WIT_LANGUAGE_ID, witConfiguration);
defineMonacoThemes(monaco.editor.defineTheme);
