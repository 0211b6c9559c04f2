import { usePlayground } from '../../store';
import { themeOf } from './uiSlice';

/** Light or dark: follows the system until pressed, and remembers the choice. */
export function ThemeToggle() {
  const theme = usePlayground(themeOf);
  const toggle = usePlayground((s) => s.toggleTheme);
  const other = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="button button--icon" aria-label="Toggle theme" title={`Switch to the ${other} theme (t)`} onClick={toggle}>
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
    </button>
  );
}
