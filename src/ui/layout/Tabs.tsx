import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<Id extends string> {
  id: Id;
  label: string;
  /** A short count beside the label (reports waiting); kept out of the tab's accessible name so `Reports` stays `Reports`. */
  badge?: string;
  content: ReactNode;
}

interface Props<Id extends string> {
  /** Names the tab list for assistive technology. */
  label: string;
  tabs: readonly Tab<Id>[];
  selected: Id;
  onSelect(id: Id): void;
}

/**
 * WAI-ARIA tabs: arrow keys move between tabs. A tab's content mounts the first time it is shown
 * (so Monaco loads only when asked for) and then stays mounted while hidden, keeping its scroll
 * position and sparing a second start-up.
 */
export function Tabs<Id extends string>({ label, tabs, selected, onSelect }: Props<Id>) {
  const base = useId();
  const [visited, setVisited] = useState<ReadonlySet<Id>>(() => new Set([selected]));
  if (!visited.has(selected)) setVisited(new Set([...visited, selected]));

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    document.getElementById(`${base}-tab-${next.id}`)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${base}-tab-${tab.id}`}
            type="button"
            role="tab"
            className="tabs__tab"
            aria-selected={tab.id === selected}
            aria-controls={`${base}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.badge && (
              <span className="tabs__badge" aria-hidden="true">
                {tab.badge}
              </span>
            )}
          </button>
        ))}
      </div>
      {tabs.map(
        (tab) =>
          visited.has(tab.id) && (
            <div key={tab.id} id={`${base}-panel-${tab.id}`} role="tabpanel" aria-labelledby={`${base}-tab-${tab.id}`} className="tabs__panel" hidden={tab.id !== selected}>
              {tab.content}
            </div>
          ),
      )}
    </div>
  );
}
