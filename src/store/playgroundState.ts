/**
 * The whole UI state: every feature's slice, so any action can reach any other.
 *
 * It is declared empty here and each slice adds its own fields where it is written (a
 * `declare module` at the end of every `features/<name>/*Slice.ts`), so the store's types import
 * no feature: features depend on the store, never the other way round, and there is no import
 * cycle between them. `createPlaygroundStore` builds a value of this type from every slice, so a
 * slice left out of the store is a type error there.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the slices' declarations
export interface PlaygroundState {}
