import type { EngineErrorCode } from '../core';

/**
 * Failures the page reports that the engine never sees: a file the browser could not read, an
 * asset the server would not send, a catalog that is not the shape the build script writes.
 */
export const PAGE_ERROR_CODES = ['read-failed', 'fetch-failed', 'invalid-catalog'] as const;
export type PageErrorCode = (typeof PAGE_ERROR_CODES)[number];

/** What the page shows in its `alert`: an engine error as it came, or one of the page's own. */
export interface PlaygroundAlert {
  code: EngineErrorCode | PageErrorCode;
  message: string;
}

/** The message of anything thrown, for the few page-side failures that throw (fetch, file reads). */
export const thrownMessage = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));
