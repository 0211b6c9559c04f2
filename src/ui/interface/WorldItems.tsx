import type { WorldItem } from '../../engine';
import { isStubbedImport } from '../../store';

interface Props {
  label: string;
  items: WorldItem[];
  /** Imports are marked when the playground only stubs them. */
  markStubs?: boolean;
}

/** One side of a component's world: what it imports or what it exports. */
export function WorldItems({ label, items, markStubs = false }: Props) {
  if (items.length === 0) return <p className="world__empty">none</p>;
  return (
    <ul className="world" aria-label={label}>
      {items.map((item) => {
        const stubbed = markStubs && isStubbedImport(item);
        return (
          <li key={item.name} className={stubbed ? 'world__item world__item--stub' : 'world__item'}>
            <code>{item.name}</code>
            {item.kind === 'function' && <span className="tag">function</span>}
            {stubbed && (
              <span className="tag tag--warn" title="The playground does not implement this import: calls are recorded and answered with defaults.">
                stubbed
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
