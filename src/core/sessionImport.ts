import type { SessionSnapshot } from './actorSnapshot';
import { limitsFrom } from './limits';
import type { ActorEvent } from './events';
import { engineError, type EngineError, NOTHING_IMPORTED } from './errors';
import { ok, type Result } from './result';
import { shareRepeatedParts } from './history/sharedParts';
import { componentHash, readSessionFile } from './sessionFile';
import { formatSize } from './longText';
import { missingComponentMessage } from './missingComponent';

/** The component the page has loaded: its file name and bytes. */
export interface LoadedComponent {
  name: string;
  bytes: Uint8Array;
}

/** A session file read for import: the component to run it with, and the history to adopt. */
export interface ImportedSession {
  /** The component's name as the file gives it. */
  name: string;
  /** The component: the file's own copy, or the loaded one when the file names it by hash. */
  bytes: Uint8Array;
  snapshot: SessionSnapshot;
}

/**
 * Reads a session file (any version, `readSessionFile`) and finds the component to run it with:
 * the one it embeds, else `loaded` (the page's current component) when its SHA-256 is the one
 * the file names. Errors are `invalid-session` with what to do (`missingComponentMessage`). Runs where the file is read: the
 * actor worker that adopts the history (issue 10: parsing 100,000 events held the page ~2 s).
 * `onEvents`: as `readSessionFile`'s, each run with its repeated parts shared.
 */
export async function readSessionForImport(file: Blob, loaded: LoadedComponent | undefined, onEvents?: (events: ActorEvent[]) => void): Promise<Result<ImportedSession, EngineError>> {
  let sharedAlready = 0;
  const read = await readSessionFile(
    file,
    onEvents &&
      ((events) => {
        shareRepeatedParts(events);
        sharedAlready += events.length;
        onEvents(events);
      }),
  );
  if (!read.ok) return read;
  const { component, events, states, connections, server } = read.value;
  const bytes = component.bytes ?? (loaded && componentHash(loaded.bytes) === component.sha256 ? loaded.bytes : undefined);
  if (!bytes) {
    return engineError('invalid-session', missingComponentMessage(component, loaded && { name: loaded.name, sha256: componentHash(loaded.bytes) }));
  }
  const altered = componentMismatch(component, bytes);
  if (altered) return engineError('invalid-session', altered);
  // The worker keeps the history too: what its events repeat is shared here as well (the runs
  // sent on are shared already).
  shareRepeatedParts(sharedAlready === 0 ? events : events.slice(sharedAlready));
  return ok({ name: component.name, bytes, snapshot: { events, states: [...states], connections, delivery: server?.delivery, wasi: server?.wasi, ...(server?.limits ? { limits: limitsFrom(server.limits) } : {}) } });
}

/**
 * What is wrong when the component a session runs with is not the size its header declares (its
 * SHA-256 is checked already: an embedded one by `readSessionFile`, the loaded one by the
 * lookup): a header that declares 1 GiB for a component of 300 KiB was altered.
 */
function componentMismatch(declared: { name: string; size: number }, bytes: Uint8Array): string | undefined {
  if (bytes.length === declared.size) return undefined;
  return `This session file was altered: its header says the component ${declared.name} is ${formatSize(declared.size)} (${declared.size} bytes), but the component with its SHA-256 is ${formatSize(bytes.length)} (${bytes.length} bytes). ${NOTHING_IMPORTED}: export the session again, or use an unaltered copy.`;
}
