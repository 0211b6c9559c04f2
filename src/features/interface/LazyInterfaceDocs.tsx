import { lazy, Suspense } from 'react';

// The markdown parser and the interface's text load with the Interface tab, not with the page.
const InterfaceDocs = lazy(() => import('./InterfaceDocs').then((module) => ({ default: module.InterfaceDocs })));

export function LazyInterfaceDocs() {
  return (
    <Suspense fallback={<p className="empty">Loading the interface's documentation…</p>}>
      <InterfaceDocs />
    </Suspense>
  );
}
