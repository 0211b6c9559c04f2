import type { WorldItem } from '../../core';

/** What a component exports (its imports are listed function by function: ImportList). */
export function WorldItems({ label, items }: { label: string; items: WorldItem[] }) {
  if (items.length === 0) return <p className="world__empty">none</p>;
  return (
    <ul className="world" aria-label={label}>
      {items.map((item) => (
        <li key={item.name} className="world__item">
          <code>{item.name}</code>
          {item.kind === 'function' && <span className="tag">function</span>}
        </li>
      ))}
    </ul>
  );
}
