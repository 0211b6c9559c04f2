import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// First: the base styles, which each panel's own stylesheet (imported with it) refines.
import './app/styles.css';
import { createPlaygroundStore, PlaygroundProvider } from './store';
import { browserWorker } from './host/browserWorker';
import { browserDiffWorker } from './host/browserDiffWorker';
import { App } from './app/App';
import { followTheme } from './features/page/followTheme';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

// The page's store: one per page, the actor and large diffs each in a Web Worker. A spare actor
// worker with jco loading is started when the page is idle (Safari before 18 lacks requestIdleCallback).
const whenIdle = (work: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(() => work()) : setTimeout(work, 200));
const playgroundStore = createPlaygroundStore({ createWorker: browserWorker, createDiffWorker: browserDiffWorker, client: { whenIdle } });

followTheme(playgroundStore);

createRoot(root).render(
  <StrictMode>
    <PlaygroundProvider store={playgroundStore}>
      <App />
    </PlaygroundProvider>
  </StrictMode>,
);

// The default example loads at once, so a first-time visitor can chat without finding a file.
void playgroundStore.getState().startOrRestore();
