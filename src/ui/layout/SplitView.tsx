import { Children, Fragment, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';

interface Props {
  /** Names the saved layout, so each split remembers its own sizes across visits. */
  id: string;
  orientation: 'horizontal' | 'vertical';
  /** What each pane is, for the separators' accessible names; in the children's order. */
  names: readonly string[];
  /** Starting sizes in percent, one per child; otherwise the panes share the space equally. */
  sizes?: readonly number[];
  /** How small a pane may be dragged, so none can vanish by accident. */
  minSize?: string;
  /** One pane per child: adding a child adds a pane with a separator before it. */
  children: ReactNode;
}

/** Panes side by side (or stacked) with draggable separators; the sizes persist in localStorage. */
export function SplitView({ id, orientation, names, sizes, minSize = '10%', children }: Props) {
  const panes = Children.toArray(children);
  const count = panes.length;
  const panelIds = paneIds(id, count);
  const { defaultLayout, onLayoutChanged } = useDefaultLayout({ id, panelIds, onlySaveAfterUserInteractions: true });
  const sized = sizes?.length === count;
  return (
    <Group id={id} orientation={orientation} className={`split split--${orientation}`} defaultLayout={defaultLayout} onLayoutChanged={onLayoutChanged}>
      {panes.map((pane, i) => (
        <Fragment key={panelIds[i]}>
          {i > 0 && <Separator className="split__handle" aria-label={separatorName(names[i - 1], names[i])} />}
          <Panel id={panelIds[i]} className="split__pane" minSize={minSize} defaultSize={sized ? `${sizes[i]}%` : undefined}>
            {pane}
          </Panel>
        </Fragment>
      ))}
    </Group>
  );
}

const idLists = new Map<string, string[]>();

/**
 * The panes' ids, the same array every render: the library keys saved layouts by them (one
 * layout per set of panes) and recomputes when the array changes.
 */
function paneIds(id: string, count: number): string[] {
  const key = `${id}/${count}`;
  let ids = idLists.get(key);
  if (!ids) {
    ids = Array.from({ length: count }, (_, i) => `${id}-${i}`);
    idLists.set(key, ids);
  }
  return ids;
}

const separatorName = (before: string | undefined, after: string | undefined): string =>
  before && after ? `Resize ${before} and ${after}` : 'Resize panels';
