import { NOTHING_IMPORTED } from './errors';
import { SESSION_FORMAT } from './sessionFile';
import { isTextChain } from './chain/textChain';

/** The two files a history travels in: the playground's session file and Theater's event chain. */
export const HISTORY_FILES = ['session', 'chain'] as const;
export type HistoryFile = (typeof HISTORY_FILES)[number];

const SESSION_MARK = new RegExp(`"format"\\s*:\\s*"${SESSION_FORMAT}"`);

/**
 * Which of the two a text looks like, told cheaply (no parse), so a file handed to the wrong
 * place can be named for what it is. A compressed file is a session file (version 2 is gzip,
 * `isGzip` in bytes.ts tells it from its first two bytes; chains are never compressed), so only
 * an uncompressed file's text comes here: a session file is a JSON object naming its format
 * (`"format": "theater-playground-session"`, wherever the key stands), a chain a JSON array or
 * Theater's text format. Undefined for anything else. Not a check: `readSessionFile` and
 * `readChain` still say what is wrong with a file that only looks like one.
 */
export function historyFileOf(text: string): HistoryFile | undefined {
  // JavaScript's \s takes a byte order mark too, which editors on Windows put in front.
  const first = /^\s*([[{])/.exec(text)?.[1];
  if (first === '[' || isTextChain(text)) return 'chain';
  return first === '{' && SESSION_MARK.test(text) ? 'session' : undefined;
}

/** What is said of a session file given where a Theater chain goes. */
export const NOT_A_CHAIN_BUT_A_SESSION = `This is a playground session file, not a Theater chain: bring it in with Files → Import session. ${NOTHING_IMPORTED}.`;
