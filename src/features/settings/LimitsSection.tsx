import { useId, useState } from 'react';
import { isLimitValue, LIMIT_KEYS, LIMITS, type LimitKey } from '../../core';
import { usePlayground } from '../../store';

/** One limit's labelled number input: a whole number of its minimum or more, else it says so and keeps the last good value. */
function LimitInput({ limit }: { limit: LimitKey }) {
  const value = usePlayground((s) => s.limits[limit]);
  const setLimit = usePlayground((s) => s.setLimit);
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const { label, unit, what, min } = LIMITS[limit];
  const shown = draft ?? String(value);
  const invalid = draft !== null && !isLimitValue(limit, Number(draft));
  return (
    <div className="settings__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        step={1}
        value={shown}
        aria-invalid={invalid}
        aria-describedby={`${id}-what`}
        onChange={(e) => {
          const text = e.target.value;
          const number = Number(text);
          setDraft(text);
          if (text !== '' && isLimitValue(limit, number)) setLimit(limit, number);
        }}
        onBlur={() => setDraft(null)}
      />
      <span id={`${id}-what`} className="settings__what">
        {unit}: {what}
        {invalid ? ` (a whole number, ${min} or more; ${value} still applies)` : ''}
      </span>
    </div>
  );
}

/**
 * Server settings → Limits: what the simulated server allows an actor, one number per limit
 * (core/limits.ts). A call past one fails with that limit's message and is recorded as failed.
 */
export function LimitsSection() {
  const resetLimits = usePlayground((s) => s.resetLimits);
  return (
    <section className="settings__section" aria-labelledby="limits-title">
      <h3 id="limits-title">Limits</h3>
      <p className="settings__hint">
        They apply from the next load of an actor (or the next restart of its worker); the actor running now keeps the limits it was loaded with. A call past a
        limit fails with that limit's message, commits nothing, and the actor answers the next call. Actor memory is weighed after each call; Chromium itself
        lets one WebAssembly memory grow to 4 GiB at most (65,536 pages), and a worker that really fills the machine's memory is stopped by the browser: the
        playground then restarts it at the last committed state.
      </p>
      <div className="settings__grid">
        {LIMIT_KEYS.map((key) => (
          <LimitInput key={key} limit={key} />
        ))}
      </div>
      <button type="button" className="button" onClick={resetLimits}>
        Reset to defaults
      </button>
    </section>
  );
}
