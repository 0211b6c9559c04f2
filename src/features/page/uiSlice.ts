import type { Slice } from '../../store/context';
import { readThemeChoice, writeThemeChoice, type Theme } from './themePreference';

/**
 * The side panel's tabs: what the component is, the interface it speaks, the bridge to real
 * WebSockets, and the reports (replays, rewrites, branches) that used to push the workspace down.
 */
export const SIDE_TABS = ['component', 'interface', 'editor', 'bridge', 'reports'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** Page-only state that is not about the actor. */
export interface UiSlice {
  /** A file is being dragged over the page. */
  dragging: boolean;
  setDragging(dragging: boolean): void;

  /** The theme the person picked; null follows the system. */
  themeChoice: Theme | null;
  /** What the system prefers (prefers-color-scheme), kept current by the page. */
  systemTheme: Theme;
  setSystemTheme(theme: Theme): void;
  /** Switches to the other theme, and back to following the system when that matches it. */
  toggleTheme(): void;

  sideTab: SideTab;
  showSideTab(tab: SideTab): void;

  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
}

/** The theme in force. */
export const themeOf = (state: Pick<UiSlice, 'themeChoice' | 'systemTheme'>): Theme => state.themeChoice ?? state.systemTheme;

export const createUiSlice = (): Slice<UiSlice> => (set, get) => ({
  dragging: false,
  setDragging(dragging) {
    set({ dragging });
  },

  themeChoice: readThemeChoice(),
  systemTheme: 'light',
  setSystemTheme(systemTheme) {
    set({ systemTheme });
  },
  toggleTheme() {
    const state = get();
    const next: Theme = themeOf(state) === 'dark' ? 'light' : 'dark';
    const choice = next === state.systemTheme ? null : next;
    writeThemeChoice(choice);
    set({ themeChoice: choice });
  },

  sideTab: 'component',
  showSideTab(sideTab) {
    set({ sideTab });
  },

  helpOpen: false,
  setHelpOpen(helpOpen) {
    set({ helpOpen });
  },
});

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends UiSlice {}
}
