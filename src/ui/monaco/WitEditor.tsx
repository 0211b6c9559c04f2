import './setupMonaco';
import { Editor } from '@monaco-editor/react';
import { themeOf, usePlayground } from '../../store';
import { BASE_OPTIONS } from './baseOptions';
import { monacoThemeName } from './monacoThemes';
import { WIT_LANGUAGE_ID } from './witLanguage';
import { WitFallback } from './WitFallback';


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
        ...BASE_OPTIONS,
        readOnly: true,
        domReadOnly: true,
        ariaLabel: label,
        wordWrap: 'on',
        wrappingIndent: 'indent',
        renderLineHighlight: 'none',
        folding: true,
        contextmenu: false,
        overviewRulerLanes: 0,
        overviewRulerBorder: false,
        hideCursorInOverviewRuler: true,
        matchBrackets: 'never',
      }}
    />
  );
}
