import { useEffect } from 'react';
import { usePlayground } from '../../store';
import { formatSize } from '../../ui/format';

/**
 * What the component cache holds (transpiled components kept by their SHA-256 so the same bytes
 * load without jco, also after a reload) and `Clear component cache`. Asked again whenever
 * another component is loaded, since a load may have added an entry or evicted old ones.
 */
export function ComponentCacheControl() {
  const usage = usePlayground((s) => s.componentCache);
  const cleared = usePlayground((s) => s.clearedComponents);
  const info = usePlayground((s) => s.info);
  const refresh = usePlayground((s) => s.refreshComponentCache);
  const clear = usePlayground((s) => s.clearComponentCache);
  useEffect(() => {
    void refresh();
  }, [refresh, info]);
  const entries = usage?.entries ?? 0;
  return (
    // Not a region of its own: its name would be one more match for the `Component` region's.
    <div className="component-cache">
      <h3>Component cache</h3>
      <p>
        {usage === null
          ? 'Reading the component cache…'
          : usage.limitBytes === 0
            ? 'This page cannot keep components (no Cache Storage here): every load transpiles.'
            : entries === 0
              ? `Empty: a component loaded from now on is kept (at most ${formatSize(usage.limitBytes)} in all), and loading it again skips transpiling.`
              : `Holds ${entries} ${entries === 1 ? 'component' : 'components'}, ${formatSize(usage.bytes)} of at most ${formatSize(usage.limitBytes)}: loading one of them again skips transpiling.`}
      </p>
      <button type="button" onClick={() => void clear()} disabled={entries === 0}>
        Clear component cache
      </button>
      <p role="status" aria-label="Component cache status">
        {cleared && `Removed ${cleared.entries} ${cleared.entries === 1 ? 'component' : 'components'}, ${formatSize(cleared.bytes)}: loading any of them again transpiles it with jco.`}
      </p>
    </div>
  );
}
