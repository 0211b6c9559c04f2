import { useEffect } from 'react';
import { useParentGroup, useParentPanel } from 'react-resizable-panels';

/**
 * Widens the pane around the calling component to `percent` of its split when it is narrower than
 * `minPixels` as the component first shows: for content of little use squeezed (an editor). The
 * room comes from the other panes, each giving in proportion to what it has above `floorPercent`,
 * so none is squeezed past where its own content still fits. Once, on mount: a width the person
 * drags to afterwards stays.
 */
export function usePaneRoom(minPixels: number, percent: number, floorPercent: number): void {
  const pane = useParentPanel();
  const group = useParentGroup();
  useEffect(() => {
    if (!pane || !group || pane.getSize().inPixels >= minPixels) return;
    const layout = group.getLayout();
    const others = Object.keys(layout).filter((id) => id !== pane.id);
    const spare = others.reduce((sum, id) => sum + Math.max(0, layout[id]! - floorPercent), 0);
    const wanted = Math.min(percent - layout[pane.id]!, spare);
    if (wanted <= 0) return;
    const next = { ...layout, [pane.id]: layout[pane.id]! + wanted };
    for (const id of others) next[id] = layout[id]! - (wanted * Math.max(0, layout[id]! - floorPercent)) / spare;
    group.setLayout(next);
  }, [pane, group, minPixels, percent, floorPercent]);
}
