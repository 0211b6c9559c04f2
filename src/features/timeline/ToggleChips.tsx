import type { ReactNode } from 'react';

interface Props<T extends string> {
  /** The group's accessible name, e.g. `Filter by outcome`; shown as its visible label too. */
  label: string;
  caption: string;
  options: readonly T[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  /** Something to draw before an option's name (an outcome's icon). */
  adornment?: (option: T) => ReactNode;
}

/** A set of on/off buttons where none pressed means "any": how a filter over a few values reads best. */
export function ToggleChips<T extends string>({ label, caption, options, chosen, onChange, adornment }: Props<T>) {
  return (
    <div className="toggle-chips" role="group" aria-label={label}>
      <span className="toggle-chips__caption" aria-hidden="true">
        {caption}
      </span>
      {options.map((option) => {
        const on = chosen.includes(option);
        return (
          <button
            key={option}
            type="button"
            className={`chip toggle-chips__chip toggle-chips__chip--${option}`}
            aria-pressed={on}
            onClick={() => onChange(on ? chosen.filter((c) => c !== option) : [...chosen, option])}
          >
            {adornment?.(option)}
            {option}
          </button>
        );
      })}
    </div>
  );
}
