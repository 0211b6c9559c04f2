/**
 * The one selector every panel follows (timeline, inspector, chat, history, status bar): kept in
 * the store, not in a feature, so slices read it without importing one another.
 */
/** The event the cursor is on, resolving "follow the newest" (-1 when there are no events). */
export const cursorOf = (state: { cursor: number | null; eventCount: number }): number =>
  state.cursor === null ? state.eventCount - 1 : Math.min(state.cursor, state.eventCount - 1);
