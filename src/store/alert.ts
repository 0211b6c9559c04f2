import type { PlaygroundError } from '../core';

/** What the page shows in its `alert`: an engine error as it came, or one of the page's own (codes in `core/errors.ts`). */
export type PlaygroundAlert = PlaygroundError;

/** The message of anything thrown, for the few page-side failures that throw (fetch, file reads). */
export const thrownMessage = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));
