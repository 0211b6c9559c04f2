import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the base styles, which each panel's own stylesheet (imported with it) refines.
import './app/styles.css';
import { playgroundStore } from './store';
import { App } from './app/App';
import { followTheme } from './features/page/followTheme';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

followTheme(playgroundStore);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The default example loads at once, so a first-time visitor can chat without finding a file.
void playgroundStore.getState().startOrRestore();
