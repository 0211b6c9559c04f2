import './setupMonaco';
import { Editor } from '@monaco-editor/react';
import { themeOf, usePlayground } from '../../store';
import { monacoThemeName } from './monacoThemes';
import { WIT_LANGUAGE_ID } from './witLanguage';
import { WitFallback } from './WitFallback';

// The page's monospace stack (styles.css is loaded before any lazy chunk), not a second copy of it.
const MONO = getComputedStyle(document.documentElement).getPropertyValue('--mono').trim();

interface Props {
  wit: string;
  /** Names the editor for assistive technology. */
  label: string;
}

/** WIT in a read-only Monaco editor, highlighted, in the page's theme. */
export function WitEditor({ wit, label }: Props) {
  const theme = usePlayground(themeOf);
  return (
    <Editor
      value={wit}
      language={WIT_LANGUAGE_ID}
      theme={monacoThemeName(theme)}
      loading={<WitFallback wit={wit} />}
      options={{
        readOnly: true,
        domReadOnly: true,
        ariaLabel: label,
        minimap: { enabled: false },
        wordWrap: 'on',
        wrappingIndent: 'indent',
        scrollBeyondLastLine: false,
        renderLineHighlight: 'none',
        lineNumbersMinChars: 3,
        folding: true,
        fontFamily: MONO,
        fontSize: 12.5,
        padding: { top: 8, bottom: 8 },
        automaticLayout: true,
        contextmenu: false,
        stickyScroll: { enabled: false },
        overviewRulerLanes: 0,
        overviewRulerBorder: false,
        hideCursorInOverviewRuler: true,
        matchBrackets: 'never',
      }}
    />
  );
}
