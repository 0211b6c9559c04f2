import type { StoreApi } from 'zustand/vanilla';
import { usePlaygroundStore, type PlaygroundState } from '../../store';
import { formatClock } from '../format';

/** Selects an event; the newest means "follow the newest again", so new lines do not arrive greyed out. */
export function selectEvent(store: StoreApi<PlaygroundState>, seq: number): void {
  const { eventCount, select } = store.getState();
  select(seq === eventCount - 1 ? null : seq);
}

/** When a line happened; clicking it selects its event, which every panel then shows. */
export function LineTime({ seq, at }: { seq: number; at: number }) {
  const store = usePlaygroundStore();
  const clock = formatClock(at);
  return (
    <button type="button" className="bubble__time" onClick={() => selectEvent(store, seq)} aria-label={`${clock}, event #${seq}: select it`} title={`Event #${seq}: select it`}>
      <time dateTime={new Date(at).toISOString()}>{clock}</time>
    </button>
  );
}
