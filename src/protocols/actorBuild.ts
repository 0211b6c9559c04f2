/**
 * The dev server's actor build (issue 12): the page's Editor sends a JavaScript actor's source and
 * gets its standalone `.wasm` back. Only `vite` (dev) serves it; the page probes for it and, where
 * it is absent (`vite preview`, a static build), shows the one command that builds the file
 * instead (`BUILD_ACTOR_COMMAND`).
 *
 * - `GET ./__build-actor`: 204 when the server builds actors (anything else: it does not).
 * - `POST ./__build-actor`, the source as UTF-8 text (at most `MAX_ACTOR_SOURCE_BYTES`):
 *   200 `application/wasm` with the component's bytes (`DEFAULT_INIT_HEADER` says when the build
 *   added an init; `Server-Timing: build;dur=<ms>` how long it took); 400 with an
 *   {@link ActorBuildErrorBody} for a mistake in the source; 400, 403, 413 or 500 with
 *   `{ error }` for a request it will not build (not UTF-8, from another site, too large) or a
 *   failure of the build tool itself.
 *
 * Shared with the page: constants and types only.
 */

/** The path, relative to the page. */
export const BUILD_ACTOR_PATH = '__build-actor';

/** The largest source the server builds, in bytes: 1 MiB, far beyond an actor written by hand. */
export const MAX_ACTOR_SOURCE_BYTES = 1024 * 1024;

/** Set to `added` on a 200 when the source exported no `actor` and the build appended an init that keeps the state. */
export const DEFAULT_INIT_HEADER = 'X-Theater-Default-Init';

/** The command that builds the same file without the dev server (`<file>` stands for the source). */
export const BUILD_ACTOR_COMMAND = 'npm run build:actor -- <file>.js';

/** Why a source did not build; each a mistake in the source, at a place in it. */
export const ACTOR_BUILD_ERROR_CODES = ['syntax', 'exports', 'import', 'top-level'] as const;
export type ActorBuildErrorCode = (typeof ACTOR_BUILD_ERROR_CODES)[number];

/** A 400's body for a mistake in the source: where it is (1-based, as an editor counts) and what to change. */
export interface ActorBuildErrorBody {
  error: string;
  code: ActorBuildErrorCode;
  line: number;
  column: number;
  /** The module the mistake is in, when it is one the source imports rather than the source. */
  file?: string;
}
