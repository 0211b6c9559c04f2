import { useState } from 'react';
import { httpServersOf } from '../../core';
import { usePlayground } from '../../store';

/** Paths joined by a character no path holds, so the selector's answer is a string: equal strings render nothing again. */
const SEPARATOR = '\n';

/**
 * `New connection`, and beside it, for an http-framework actor serving more than one WebSocket
 * path, the path the new client opens (as a real client picks it in its URL). With no path served
 * the button still tries: the engine's refusal says what the actor lacks.
 */
export function NewConnection() {
  const loaded = usePlayground((s) => s.info !== null);
  const openConnection = usePlayground((s) => s.openConnection);
  // Read from the history as it grows (one pass over each event, see httpServersOf): the paths open now.
  const joined = usePlayground((s) => (s.info?.actorKind === 'http-framework' ? httpServersOf(s.events).openPaths.map((ws) => ws.path).join(SEPARATOR) : ''));
  const paths = joined === '' ? [] : [...new Set(joined.split(SEPARATOR))];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // A path the actor no longer serves is no choice: the first it serves is.
  const path = chosen !== undefined && paths.includes(chosen) ? chosen : paths[0];
  return (
    <>
      {paths.length > 1 && (
        <label className="chat__setting" title="The path the new client connects to: each has the handlers the actor enabled it with (see the Component tab).">
          <span>Path</span>
          <select aria-label="WebSocket path" value={path} onChange={(e) => setChosen(e.currentTarget.value)}>
            {paths.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="button button--primary" disabled={!loaded} onClick={() => void openConnection(paths.length > 1 ? path : undefined)}>
        New connection
      </button>
    </>
  );
}
