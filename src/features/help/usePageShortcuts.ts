import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { usePlaygroundStore, type PlaygroundState } from '../../store';
import { focusLastLabelled, isTyping } from './findLabelled';
import { shortcutFor, type ShortcutAction } from './shortcuts';

function run(store: StoreApi<PlaygroundState>, action: ShortcutAction): void {
  const state = store.getState();
  switch (action) {
    case 'help':
      state.setHelpOpen(true);
      return;
    case 'new-connection':
      if (state.info && state.status !== 'loading') void state.openConnection();
      return;
    case 'focus-message':
      focusLastLabelled('Message');
      return;
    case 'search-events':
      focusLastLabelled('Search events');
      return;
    case 'step-back':
      state.step(-1);
      return;
    case 'step-forward':
      state.step(1);
      return;
    case 'component-tab':
      state.showSideTab('component');
      return;
    case 'interface-tab':
      state.showSideTab('interface');
      return;
    case 'bridge-tab':
      state.showSideTab('bridge');
      return;
    case 'reports-tab':
      state.showSideTab('reports');
      return;
    case 'toggle-theme':
      state.toggleTheme();
      return;
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

/**
 * The page-wide keys of PAGE_SHORTCUTS. They stay quiet while the person types, while a modal
 * dialog is open (it owns the keyboard), and with Ctrl, Alt or Meta (the browser's and the OS's).
 */
export function usePageShortcuts(): void {
  const store = usePlaygroundStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      if (isTyping(event.target) || document.querySelector(':modal')) return;
      const shortcut = shortcutFor(event.key);
      if (!shortcut) return;
      event.preventDefault();
      run(store, shortcut.action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
