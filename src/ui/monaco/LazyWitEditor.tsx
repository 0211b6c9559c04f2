import { lazy, Suspense } from 'react';
import { WitFallback } from './WitFallback';

// Monaco is megabytes: it loads when a WIT view first shows, never on the way to the first paint.
const WitEditor = lazy(() => import('./WitEditor').then((module) => ({ default: module.WitEditor })));

/** The WIT editor, loaded on first use; the plain text shows meanwhile. */
export function LazyWitEditor({ wit, label }: { wit: string; label: string }) {
  return (
    <Suspense fallback={<WitFallback wit={wit} />}>
      <WitEditor wit={wit} label={label} />
    </Suspense>
  );
}
