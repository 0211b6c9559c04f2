/**
 * Monaco, bundled: the page never fetches it from a CDN (ARCHITECTURE.md: the page works offline).
 * Importing this module is what loads Monaco, so only the lazy WIT editor imports it.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { defineMonacoThemes } from './monacoThemes';
import { WIT_LANGUAGE_ID, witConfiguration, witTokenizer } from './witLanguage';

// The editor's own worker, from the bundle. The WIT view is read-only and registers no language
// service, so every label gets the plain editor worker.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

// @monaco-editor/react otherwise loads its own copy of Monaco from a CDN.
loader.config({ monaco });

monaco.languages.register({ id: WIT_LANGUAGE_ID, extensions: ['.wit'], aliases: ['WIT'] });
monaco.languages.setMonarchTokensProvider(WIT_LANGUAGE_ID, witTokenizer);
monaco.languages.setLanguageConfiguration(WIT_LANGUAGE_ID, witConfiguration);
defineMonacoThemes(monaco.editor.defineTheme);
