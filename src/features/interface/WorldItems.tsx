import { isRuntimeInternalExport, RUNTIME_INTERNAL_EXPORTS, type WorldItem } from '../../core';
import { Term } from '../../ui/term/Term';

/**
 * What a component exports (its imports are listed function by function: ImportList). Exports a
 * language runtime adds for itself are labelled so, with the runtime's name: they are not the
 * actor's own.
 */
export function WorldItems({ label, items }: { label: string; items: WorldItem[] }) {
  if (items.length === 0) return <p className="world__empty">none</p>;
  return (
    <ul className="world" aria-label={label}>
      {items.map((item) => (
        <li key={item.name} className="world__item">
          <code>{item.name}</code>
          {item.kind === 'function' && <span className="tag">function</span>}
          {isRuntimeInternalExport(item) && (
            <span className="tag">
              <Term term="runtime-internal">runtime-internal</Term>: added by {RUNTIME_INTERNAL_EXPORTS[item.name]}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
