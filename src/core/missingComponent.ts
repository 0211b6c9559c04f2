import { actorNameOf } from './actorName';

/** A component as a session file or the loaded actor names it: its file name and SHA-256 (hex). */
export interface ComponentName {
  name: string;
  sha256: string;
}

const short = (sha256: string): string => `sha256 ${sha256.slice(0, 12)}…`;

/**
 * Why a session file without its component cannot be imported, and what to do. A session holds
 * the calls and the states, not the code, and only imports into the build that recorded it (its
 * events' states are that build's). When another build of the same component is loaded (the same
 * name, another hash: say, rebuilt since), the message says so and names both hashes, since
 * "load that component first" reads as if none were loaded; comparing the loaded build with the
 * recording is what `npm run replay` does.
 */
export function missingComponentMessage(recorded: ComponentName, loaded: ComponentName | undefined): string {
  if (loaded && actorNameOf(loaded.name) === actorNameOf(recorded.name)) {
    return (
      `This session was recorded with another build of ${recorded.name} (${short(recorded.sha256)}) than the one loaded (${short(loaded.sha256)}), and the file does not include its component. ` +
      `A session imports only into the build that recorded it: load that build, then import the session again. ` +
      `To see how the loaded build answers the recorded calls, replay the file against it: npm run replay -- --actor ${actorNameOf(loaded.name)}.wasm --session <this file>.`
    );
  }
  return `This session was recorded with ${recorded.name} (${short(recorded.sha256)}), which the file does not include: load that component first, then import the session again.`;
}
