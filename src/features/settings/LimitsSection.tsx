import { useId, useState } from 'react';
import { LIMIT_KEYS, LIMITS, parseLimit, type LimitKey } from '../../core';
import { usePlayground } from '../../store';
import { formatSize } from '../../ui/format';

/**
 * One limit's labelled number input. A valid value (a whole number of its minimum or more) applies
 * as it is typed; anything else stays in the field, marked invalid, with what is wrong in the
 * command line's words and the value that still applies, until it is corrected.
 */
function LimitInput({ limit }: { limit: LimitKey }) {
  const value = usePlayground((s) => s.limits[limit]);
  const setLimit = usePlayground((s) => s.setLimit);
  // What was typed, until the field is left holding a value that applied.
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const { label, unit, what, min } = LIMITS[limit];
  const parsed = draft === null ? null : parseLimit(limit, draft);
  const problem = parsed && !parsed.ok ? parsed.error.message : null;
  const bytes = unit === 'bytes';
  const describedBy = [`${id}-what`, bytes && `${id}-size`, problem && `${id}-problem`].filter(Boolean).join(' ');
  return (
    <div className="settings__field">
      <label htmlFor={id}>{label}</label>
      <span className="settings__value">
        <input
          id={id}
          type="number"
          min={min}
          step={1}
          value={draft ?? String(value)}
          aria-invalid={problem !== null}
          aria-describedby={describedBy}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setDraft(text);
            const typed = parseLimit(limit, text);
            if (typed.ok) setLimit(limit, typed.value);
          }}
          onBlur={() => problem === null && setDraft(null)}
        />
        {/* The value that applies, as people read a size. */}
        {bytes && (
          <span id={`${id}-size`} className="settings__size">
            = {formatSize(value)}
          </span>
        )}
      </span>
      <span id={`${id}-what`} className="settings__what">
        {unit}: {what}
      </span>
      {problem && (
        <span id={`${id}-problem`} className="settings__problem">
          {problem} {value.toLocaleString('en-US')} still applies.
        </span>
      )}
    </div>
  );
}

/**
 * Server settings → Limits: what the simulated server allows an actor, one number per limit
 * (core/limits.ts). A call past one fails with that limit's message and is recorded as failed.
 */
export function LimitsSection() {
  const resetLimits = usePlayground((s) => s.resetLimits);
  // Reset gives every field afresh, so none keeps text that was not a value.
  const [generation, setGeneration] = useState(0);
  return (
    <section className="settings__section" aria-labelledby="limits-title">
      <h3 id="limits-title">Limits</h3>
      {/* What the browser itself allows an actor's memory is in the README (How the playground treats an actor). */}
      <p className="settings__hint">
        They apply from the next load (or restart of the worker); the actor running keeps its own. A call past a limit fails with its message, commits nothing, and
        the actor answers the next call.
      </p>
      <div className="settings__grid">
        {LIMIT_KEYS.map((key) => (
          <LimitInput key={`${key}:${generation}`} limit={key} />
        ))}
      </div>
      <button
        type="button"
        className="button"
        onClick={() => {
          resetLimits();
          setGeneration((n) => n + 1);
        }}
      >
        Reset to defaults
      </button>
    </section>
  );
}
