import { fromBase64, fromHex, makeMessage, MESSAGE_KINDS, type EngineError, type MessageKind, type Result, type WebsocketMessage } from '../../core';
import { thrownMessage } from '../../store/alert';

/** How bytes are written in a composer: typed as hex or base64, or taken from a file. */
export const BYTE_ENCODINGS = ['hex', 'base64', 'file'] as const;
export type ByteEncoding = (typeof BYTE_ENCODINGS)[number];

/** A file chosen as a binary payload, already read (a draft must be sendable at once). */
export interface AttachedFile {
  name: string;
  bytes: Uint8Array;
}

/** What a person has put into one composer. */
export interface Draft {
  kind: MessageKind;
  /** Text for `text` and `other`; the bytes, written in `encoding`, for `binary`, `ping` and `pong`. */
  body: string;
  /** The name of an `other(..)` message type. */
  other: string;
  encoding: ByteEncoding;
  /** The payload when `encoding` is `file`. */
  file: AttachedFile | null;
  /** The text is meant as JSON: it is checked as it is typed, and can be formatted. */
  json: boolean;
  /** Which earlier message ↑ brought back (0 is the latest sent), while the box still shows it. */
  recalled: number | null;
}

export const EMPTY_DRAFT: Draft = { kind: 'text', body: '', other: '', encoding: 'hex', file: null, json: false, recalled: null };

/**
 * The parts of a draft a message is built from; the rest default as in a fresh composer, so code
 * that builds messages without a composer (editing history) need not know about files or JSON.
 */
export type MessageDraft = Pick<Draft, 'kind' | 'body' | 'other'> & Partial<Pick<Draft, 'encoding' | 'file' | 'json'>>;

/** What each kind carries, so the composer offers the right input: text, bytes, or nothing. */
export const BODY_FORMATS = { text: 'text', binary: 'bytes', connect: 'none', close: 'none', ping: 'bytes', pong: 'bytes', other: 'text' } as const satisfies Record<MessageKind, 'text' | 'bytes' | 'none'>;

/** What ↑ brings back of a sent message: what was typed, never a file (it may have changed since). */
export type SentEntry = Pick<Draft, 'kind' | 'body' | 'other' | 'encoding' | 'json'>;

/** Enough to recall a session's worth of messages without growing without bound. */
const HISTORY_LIMIT = 100;

/** The draft's body is typed in the box: not a kind without payload, nor bytes taken from a file. */
export const takesText = (draft: Pick<Draft, 'kind' | 'encoding'>): boolean => {
  const format = BODY_FORMATS[draft.kind];
  return format === 'text' || (format === 'bytes' && draft.encoding !== 'file');
};

export const isMessageKind = (value: string): value is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(value);
export const isByteEncoding = (value: string): value is ByteEncoding => (BYTE_ENCODINGS as readonly string[]).includes(value);

/** Why the draft's JSON cannot be sent, or null (JSON off, not a text kind, nothing typed, or valid). */
export function jsonProblem(draft: MessageDraft): string | null {
  if (!draft.json || BODY_FORMATS[draft.kind] !== 'text' || draft.body.trim() === '') return null;
  try {
    JSON.parse(draft.body);
    return null;
  } catch (thrown) {
    return `Not valid JSON: ${thrownMessage(thrown)}. Fix it, or turn JSON off to send the text as it is.`;
  }
}

/** The draft's JSON laid out two spaces deep; undefined when it does not parse. */
export function formattedJson(body: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return undefined;
  }
}

const invalid = (message: string): { ok: false; error: EngineError } => ({ ok: false, error: { code: 'invalid-message', message } });
const quoted = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Both base64 alphabets: people paste base64url from JWTs and URLs as often as the standard one. */
const standardBase64 = (body: string): string => body.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');

/**
 * Whether `body` is hex (pairs of digits, spaced as one likes) or base64: one pass over the
 * characters without building anything, since it runs on every keystroke and a pasted payload can
 * be megabytes. Decoding waits for Send.
 */
function readable(body: string, encoding: 'hex' | 'base64'): boolean {
  let digits = 0;
  let padding = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    // Space, tab, line feed, carriage return: layout, not data.
    if (c === 32 || c === 9 || c === 10 || c === 13) continue;
    const hex = (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    if (encoding === 'hex') {
      if (!hex) return false;
    } else if (c === 61) {
      padding++;
      continue;
    } else if (padding > 0 || !(hex || (c >= 71 && c <= 90) || (c >= 103 && c <= 122) || c === 43 || c === 47 || c === 45 || c === 95)) {
      return false;
    }
    digits++;
  }
  // Base64 comes in groups of four characters; a group of one cannot say a byte.
  return encoding === 'hex' ? digits % 2 === 0 : padding <= 2 && (digits + padding) % 4 !== 1 && (padding === 0 || (digits + padding) % 4 === 0);
}

/**
 * Why the bytes of a binary, ping or pong draft cannot be read, or null (other kinds, or readable).
 * Cheap enough for every keystroke (see `readable`): the composer says it beside the box, as it
 * does for JSON, and Send waits until it is fixed.
 */
export function bytesProblem(draft: MessageDraft): string | null {
  const { kind, body, encoding = 'hex', file = null } = draft;
  if (BODY_FORMATS[kind] !== 'bytes') return null;
  switch (encoding) {
    case 'hex':
      return readable(body, 'hex') ? null : `${quoted(body)} is not hex: write ${kind} data as pairs of hex digits, for example "68 69" for the bytes of "hi".`;
    case 'base64':
      return readable(body, 'base64') ? null : `${quoted(body)} is not base64: write ${kind} data as base64, for example "aGk=" for the bytes of "hi".`;
    case 'file':
      return file ? null : `No file chosen: choose the file whose bytes the ${kind} message should carry.`;
    default: {
      const exhaustive: never = encoding;
      return exhaustive;
    }
  }
}

/** Why the draft cannot be sent as it is (its JSON, or its bytes), or null. */
export const draftProblem = (draft: MessageDraft): string | null => jsonProblem(draft) ?? bytesProblem(draft);

/** The bytes a draft of a binary, ping or pong message carries, in whichever way they were given. */
function draftBytes(draft: Draft): Result<Uint8Array, EngineError> {
  const problem = bytesProblem(draft);
  if (problem) return invalid(problem);
  const data = draft.encoding === 'file' ? draft.file?.bytes : draft.encoding === 'hex' ? fromHex(draft.body) : fromBase64(standardBase64(draft.body));
  // `readable` and the decoders agree on what they accept; a disagreement is a bug, said as one.
  return data ? { ok: true, value: data } : invalid(`${quoted(draft.body)} could not be decoded as ${draft.encoding}: please report this input.`);
}

/**
 * Turns a draft into the message the actor receives. `ping` and `pong` carry their optional
 * payload like binary; `other` carries the body as text when there is one.
 */
export function buildMessage(input: MessageDraft): Result<WebsocketMessage, EngineError> {
  const draft = { ...EMPTY_DRAFT, ...input };
  const format = BODY_FORMATS[draft.kind];
  switch (format) {
    case 'text': {
      const problem = jsonProblem(draft);
      if (problem) return invalid(problem);
      if (draft.kind === 'other') return { ok: true, value: makeMessage('other', { other: draft.other, text: draft.body === '' ? undefined : draft.body }) };
      return { ok: true, value: makeMessage(draft.kind, { text: draft.body }) };
    }
    case 'bytes': {
      const data = draftBytes(draft);
      if (!data.ok) return data;
      const optional = draft.kind !== 'binary' && data.value.length === 0;
      return { ok: true, value: makeMessage(draft.kind, optional ? {} : { data: data.value }) };
    }
    case 'none':
      return { ok: true, value: makeMessage(draft.kind) };
    default: {
      const exhaustive: never = format;
      return exhaustive;
    }
  }
}

/** The history after sending `draft`: typed messages only, without repeating the last one. */
export function remember(history: readonly SentEntry[], draft: Draft): readonly SentEntry[] {
  if (!takesText(draft) || draft.body === '') return history;
  const entry: SentEntry = { kind: draft.kind, body: draft.body, other: draft.other, encoding: draft.encoding, json: draft.json };
  const last = history.at(-1);
  const same = last && (Object.keys(entry) as Array<keyof SentEntry>).every((key) => last[key] === entry[key]);
  return same ? history : [...history, entry].slice(-HISTORY_LIMIT);
}

/**
 * The draft after ↑ (older) or ↓ (newer), or null to leave the key to the caret. It recalls only
 * from an empty box or one still showing what it recalled, so arrows keep moving through text
 * being written; ↓ past the latest message comes back to an empty box.
 */
export function recall(draft: Draft, history: readonly SentEntry[], direction: 'older' | 'newer'): Draft | null {
  const shown = draft.recalled === null ? undefined : history[history.length - 1 - draft.recalled];
  const untouched = draft.body === '' || shown?.body === draft.body;
  if (!untouched) return null;
  const position = (draft.recalled ?? -1) + (direction === 'older' ? 1 : -1);
  if (position === -1) return { ...draft, body: '', recalled: null };
  const entry = history[history.length - 1 - position];
  return entry ? { ...draft, ...entry, file: null, recalled: position } : null;
}
