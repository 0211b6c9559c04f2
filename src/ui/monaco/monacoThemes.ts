import type { editor } from 'monaco-editor';
import type { Theme } from '../../store';

export const monacoThemeName = (theme: Theme): string => `theater-${theme}`;

/** The page's colour variables that Monaco needs, by the name styles.css gives them. */
const VARIABLES = ['--panel', '--ink', '--muted', '--line', '--accent', '--selection', '--syntax-keyword', '--syntax-type', '--syntax-name', '--syntax-function', '--syntax-comment', '--syntax-string', '--syntax-number'] as const;
type Variable = (typeof VARIABLES)[number];

/** `rgb(29, 35, 48)` → `#1d2330`: Monaco reads only hex. */
function rgbToHex(rgb: string): string {
  const channels = rgb.match(/[\d.]+/g)?.slice(0, 3) ?? [];
  return `#${channels.map((channel) => Math.round(Number(channel)).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Reads a theme's colours from styles.css, so the editor and the page share one palette. A hidden
 * element carrying `data-theme` gets that theme's variables whatever the page shows now; each is
 * resolved through `color` because the minifier rewrites them (`#ffffff` → `#fff`, `white`).
 */
function readColours(theme: Theme): Record<Variable, string> {
  const probe = document.createElement('div');
  probe.dataset.theme = theme;
  probe.hidden = true;
  document.body.append(probe);
  const colours = Object.fromEntries(
    VARIABLES.map((name) => {
      probe.style.color = `var(${name})`;
      return [name, rgbToHex(getComputedStyle(probe).color)];
    }),
  ) as Record<Variable, string>;
  probe.remove();
  return colours;
}

/** Token rules want `rrggbb`, without the `#`. */
const bare = (hex: string): string => hex.slice(1);

function themeData(theme: Theme): editor.IStandaloneThemeData {
  const c = readColours(theme);
  return {
    base: theme === 'dark' ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      { token: 'keyword.wit', foreground: bare(c['--syntax-keyword']), fontStyle: 'bold' },
      { token: 'type.wit', foreground: bare(c['--syntax-type']) },
      { token: 'type.identifier.wit', foreground: bare(c['--syntax-name']) },
      { token: 'function.wit', foreground: bare(c['--syntax-function']) },
      { token: 'comment.wit', foreground: bare(c['--syntax-comment']), fontStyle: 'italic' },
      { token: 'comment.doc.wit', foreground: bare(c['--syntax-comment']) },
      { token: 'string.wit', foreground: bare(c['--syntax-string']) },
      { token: 'number.wit', foreground: bare(c['--syntax-number']) },
      { token: 'annotation.wit', foreground: bare(c['--syntax-number']) },
      { token: 'identifier.wit', foreground: bare(c['--ink']) },
      { token: 'delimiter.wit', foreground: bare(c['--muted']) },
      { token: 'delimiter.curly.wit', foreground: bare(c['--muted']) },
      { token: 'delimiter.parenthesis.wit', foreground: bare(c['--muted']) },
      { token: 'delimiter.angle.wit', foreground: bare(c['--muted']) },
      { token: 'operator.wit', foreground: bare(c['--muted']) },
    ],
    colors: {
      'editor.background': c['--panel'],
      'editor.foreground': c['--ink'],
      'editorLineNumber.foreground': c['--muted'],
      'editorLineNumber.activeForeground': c['--ink'],
      'editor.selectionBackground': c['--selection'],
      'editorIndentGuide.background1': c['--line'],
      'editorGutter.background': c['--panel'],
      'editorWidget.border': c['--line'],
      'focusBorder': c['--accent'],
      // Brackets take the delimiters' colour: the WIT is short, rainbow brackets only distract.
      // (Monaco's bracket-pair colouring is a model option that the React wrapper's model misses.)
      ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((level) => [`editorBracketHighlight.foreground${level}`, c['--muted']])),
    },
  };
}

/** Defines Monaco's light and dark themes from the page's palette. */
export function defineMonacoThemes(define: typeof editor.defineTheme): void {
  define(monacoThemeName('light'), themeData('light'));
  define(monacoThemeName('dark'), themeData('dark'));
}
