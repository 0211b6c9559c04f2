import type { StoreApi } from 'zustand/vanilla';
import type { PlaygroundState } from '../../store';
import { themeOf } from './uiSlice';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Keeps `<html data-theme>` on the theme in force, and the store told of the system's preference.
 * It runs outside React, before the first render, so the page never paints in the wrong theme and
 * the attribute is in place before any component (Monaco's theme) reads the colours it sets.
 */
export function followTheme(store: StoreApi<PlaygroundState>): void {
  const media = matchMedia(DARK_QUERY);
  const readSystem = () => store.getState().setSystemTheme(media.matches ? 'dark' : 'light');
  // Every store change calls this (events too): touch the DOM only when the theme changes.
  const apply = (state: PlaygroundState) => {
    const theme = themeOf(state);
    if (document.documentElement.dataset.theme !== theme) document.documentElement.dataset.theme = theme;
  };
  readSystem();
  apply(store.getState());
  media.addEventListener('change', readSystem);
  store.subscribe(apply);
}
