/** The four bytes every WebAssembly binary starts with (`\0asm`): a component, a core module or a WIT package. */
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** Whether bytes start as every WebAssembly binary does: how a file is told from a history file before reading it. */
export const isWasmFile = (bytes: Uint8Array): boolean => MAGIC.every((b, i) => bytes[i] === b);
