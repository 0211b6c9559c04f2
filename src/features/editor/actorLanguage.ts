/**
 * What the Editor's JavaScript language service knows: the interface's types and doc comments as
 * jco generates them from wit/ (src/core/generated, `npm run gen:types`), declared as the modules a
 * source names (`import { log } from 'theater:simple/runtime'`, and in JSDoc
 * `@type {typeof import('theater:simple/websocket-server')}`), so completions and hover docs come
 * from the WIT itself. No DOM or Node globals: QuickJS has neither.
 */
import type * as Monaco from 'monaco-editor';
import websocketServer from '../../core/generated/interfaces/theater-simple-websocket-server.d.ts?raw';
import runtime from '../../core/generated/interfaces/theater-simple-runtime.d.ts?raw';
import actor from '../../core/generated/interfaces/theater-simple-actor.d.ts?raw';

const MODULES = { 'theater:simple/websocket-server': websocketServer, 'theater:simple/runtime': runtime, 'theater:simple/actor': actor };

let ready = false;

/** Configures Monaco's JavaScript defaults once a page (the first Editor to mount). */
export function setUpActorLanguage(monaco: typeof Monaco): void {
  if (ready) return;
  ready = true;
  const defaults = monaco.typescript.javascriptDefaults;
  defaults.setCompilerOptions({
    target: monaco.typescript.ScriptTarget.ES2020,
    module: monaco.typescript.ModuleKind.ESNext,
    allowJs: true,
    checkJs: false,
    allowNonTsExtensions: true,
    lib: ['es2020'],
  });
  // Syntax errors as you type; type errors stay off (a learner's JavaScript is untyped on purpose).
  defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
  for (const [name, text] of Object.entries(MODULES)) {
    defaults.addExtraLib(`declare module '${name}' {\n${text}\n}\n`, `file:///theater/${name.replace(/[:/]/g, '-')}.d.ts`);
  }
}
