/** What a page-wide key does; the key handler switches over these exhaustively. */
export const SHORTCUT_ACTIONS = ['help', 'new-connection', 'focus-message', 'search-events', 'step-back', 'step-forward', 'toggle-theme', 'component-tab', 'interface-tab', 'bridge-tab', 'reports-tab'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

export interface PageShortcut {
  /** `KeyboardEvent.key`, as typed: `?` is Shift+/ on most layouts. */
  key: string;
  action: ShortcutAction;
  description: string;
}

/** Keys that work anywhere on the page, except while typing. The help dialog lists them in this order. */
export const PAGE_SHORTCUTS: readonly PageShortcut[] = [
  { key: 'n', action: 'new-connection', description: 'Open a new connection' },
  { key: 'm', action: 'focus-message', description: 'Write a message in the newest connection' },
  { key: '/', action: 'search-events', description: 'Search events' },
  { key: '[', action: 'step-back', description: 'Step back one event' },
  { key: ']', action: 'step-forward', description: 'Step forward one event' },
  { key: '1', action: 'component-tab', description: 'Show the component' },
  { key: '2', action: 'interface-tab', description: 'Show the interface and the selected call' },
  { key: '3', action: 'bridge-tab', description: 'Show the bridge to real WebSockets' },
  { key: '4', action: 'reports-tab', description: 'Show the reports: replays, rewrites, branches' },
  { key: 't', action: 'toggle-theme', description: 'Switch between light and dark' },
  { key: '?', action: 'help', description: 'Show these shortcuts' },
];

/** Keys that belong to one part of the page, handled there; listed so they can be found. */
export const PLACE_SHORTCUTS: readonly { keys: readonly string[]; where: string; description: string }[] = [
  { keys: ['j', '↓'], where: 'Timeline', description: 'Select the next event' },
  { keys: ['k', '↑'], where: 'Timeline', description: 'Select the previous event' },
  { keys: ['Enter'], where: 'Message', description: 'Send the message' },
  { keys: ['Ctrl+Enter'], where: 'Editor', description: 'Run actor' },
  { keys: ['Esc'], where: 'Dialogs', description: 'Close' },
];

export const shortcutFor = (key: string): PageShortcut | undefined => PAGE_SHORTCUTS.find((shortcut) => shortcut.key === key);
