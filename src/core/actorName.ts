/** The actor's name as the page shows it: its component's file name without `.wasm` (or the whole name when that would leave nothing). */
export const actorNameOf = (fileName: string): string => fileName.replace(/\.wasm$/i, '') || fileName;
