import type { editor } from 'monaco-editor';

// The page's monospace stack (styles.css is loaded before any lazy chunk), not a second copy of it.
const MONO = getComputedStyle(document.documentElement).getPropertyValue('--mono').trim();

/** What every Monaco editor of the page shares: the page's type, no minimap, no scrolling past the end. */
export const BASE_OPTIONS = {
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  lineNumbersMinChars: 3,
  fontFamily: MONO,
  fontSize: 12.5,
  padding: { top: 8, bottom: 8 },
  automaticLayout: true,
  stickyScroll: { enabled: false },
} as const satisfies editor.IStandaloneEditorConstructionOptions;
