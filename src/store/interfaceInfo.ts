import type { WorldItem } from '../engine';

/**
 * The playground implements Theater's runtime and a sandboxed WASI; every other import is a
 * recorded stub returning defaults, which a person should know before trusting a conversation.
 */
export const isStubbedImport = (item: WorldItem): boolean => item.provider === 'stub';
