import { useEffect, useId, useState } from 'react';
import { MAX_SEED, parseSeed, parseStart, wasiSourceText } from '../../core';
import { usePlayground } from '../../store';

/** An instant as the start field shows it: ISO 8601 in UTC, to the second. */
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/**
 * The seed and start of the deterministic clock and random the playground gives an actor's WASI
 * imports, or the real ones (runtime/wasi/). A valid change applies at once to the next load or
 * restart; an invalid one says why and changes nothing.
 */
export function ClockAndRandomSection() {
  const settings = usePlayground((s) => s.wasiSettings);
  const running = usePlayground((s) => s.runningWasiSettings);
  const loaded = usePlayground((s) => s.info !== null);
  const setSettings = usePlayground((s) => s.setWasiSettings);
  const refresh = usePlayground((s) => s.refreshWasiSettings);
  useEffect(refresh, [refresh]);
  const [seedText, setSeedText] = useState(String(settings.seed));
  const [startText, setStartText] = useState(isoSeconds(settings.startMs));
  const [problem, setProblem] = useState<string | undefined>();
  const id = useId();

  const changeSeed = (text: string) => {
    setSeedText(text);
    const seed = parseSeed(text);
    setProblem(seed.ok ? undefined : seed.error.message);
    if (seed.ok) setSettings({ ...settings, seed: seed.value });
  };
  const changeStart = (text: string) => {
    setStartText(text);
    const start = parseStart(text);
    setProblem(start.ok ? undefined : start.error.message);
    if (start.ok) setSettings({ ...settings, startMs: start.value });
  };

  return (
    <fieldset className="settings__section">
      <legend>Clock and random</legend>
      <p className="settings__hint">
        What an actor's WASI clocks and random source answer. Every read is recorded, so a replay gives the actor the same answers. Applies at the next load or restart.
      </p>
      <label className="settings__field">
        <span>Seed</span>
        <input type="number" min={0} max={MAX_SEED} step={1} value={seedText} disabled={settings.real} onChange={(e) => changeSeed(e.currentTarget.value)} aria-describedby={`${id}-problem`} />
      </label>
      <label className="settings__field">
        <span>Start time (UTC)</span>
        <input type="text" value={startText} disabled={settings.real} spellCheck={false} onChange={(e) => changeStart(e.currentTarget.value)} aria-describedby={`${id}-problem`} />
      </label>
      <p className="settings__hint">The virtual wall clock reads the start time at the first event, one second more at each event after it, and a microsecond more at each read within one.</p>
      <label className="settings__check">
        <input type="checkbox" checked={settings.real} onChange={(e) => setSettings({ ...settings, real: e.currentTarget.checked })} />
        <span>Real clock and random (not reproducible)</span>
      </label>
      <p id={`${id}-problem`} className="settings__problem" role="status">
        {problem}
      </p>
      {loaded && <p className="settings__hint">The loaded actor runs with: {wasiSourceText(running.real ? 'real' : running.seed)}.</p>}
    </fieldset>
  );
}
