import { gzipSync } from 'fflate';
import { entryHash, type ChainEntry } from '../../core/chain/chain';
import type { EngineErrorCode } from '../../core/errors';
import { readFixture } from '../../runtime/testing/theaterChains';

/** The good files every bad one is made from: a real session file's lines and a real Theater chain. */
export interface GoodHistories {
  /** A version 2 session file of the counter, uncompressed, one parsed JSON value per line. */
  session: Array<Record<string, unknown>>;
  /** Theater's `websocket.json` chain, as it came. */
  chain: string;
}

/** One kind of bad session file or chain: how to make it from the good ones, and the error an import of it must give. */
export interface HistoryCase {
  kind: string;
  /** Which import it goes through: `Import session` (a file) or `Import chain` (text). */
  surface: 'session' | 'chain';
  make: (good: GoodHistories) => string | Uint8Array<ArrayBuffer>;
  code: EngineErrorCode;
  message: RegExp;
}

/** Stands for {@link DEEP} in a value, which JSON.stringify could not write (it recurses). */
const DEEP_MARK = '__deeply nested__';
/** JSON arrays nested 100,000 deep: more than any recursive reader or writer's stack holds. */
const DEEP = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

/** The session's lines changed by `mutate`, written back one JSON value a line. */
const session = (mutate: (lines: Array<Record<string, unknown>>, header: { states: number }) => void) => (good: GoodHistories): string => {
  const lines = structuredClone(good.session);
  mutate(lines, { states: lines[0]!.states as number });
  return lines.map((line) => JSON.stringify(line).replace(`"${DEEP_MARK}"`, DEEP)).join('\n');
};
const sessionText = (good: GoodHistories): string => session(() => {})(good);

/** Cut two characters into the string value after `key` (its first or last one): in the middle of a string. */
const midString = (text: string, key: string, which: 'first' | 'last'): string => {
  const at = which === 'first' ? text.indexOf(`"${key}":"`) : text.lastIndexOf(`"${key}":"`);
  if (at < 0) throw new Error(`no string "${key}" to cut in`);
  return text.slice(0, at + key.length + 6);
};

/** Session files and chains, one row per kind of bad input (issue 14's list). */
export const HISTORY_CORPUS: HistoryCase[] = [
  { kind: 'session: empty file', surface: 'session', make: () => '', code: 'invalid-session', message: /^The session file is empty: choose the file the playground exported/ },
  { kind: 'session: not JSON', surface: 'session', make: () => 'hello, not a session', code: 'invalid-session', message: /^This is not a session file: those are gzip-compressed JSON Lines \(version 2\) or JSON \(version 1\)/ },
  { kind: 'session: wrong version', surface: 'session', make: session((f) => (f[0]!.version = 99)), code: 'invalid-session', message: /^This session file is version 99; this playground reads versions 1 to 2/ },
  { kind: 'session: another format', surface: 'session', make: session((f) => (f[0]!.format = 'another-tool')), code: 'invalid-session', message: /^Not a valid session file: header\.format: .*theater-playground-session/ },
  { kind: 'session: a missing field', surface: 'session', make: session((f, { states }) => delete f[1 + states + 1]!.stateAfter), code: 'invalid-session', message: /^Not a valid session file: events\[1\]\.stateAfter: .*received undefined/ },
  { kind: 'session: a wrong-typed field', surface: 'session', make: session((f, { states }) => (f[1 + states + 1]!.seq = 'one')), code: 'invalid-session', message: /^Not a valid session file: events\[1\]\.seq: .*expected number, received string/ },
  { kind: 'session: a tampered state (its hash)', surface: 'session', make: session((f) => (f[1]!.state = '0'.repeat(64))), code: 'invalid-session', message: /^Not a valid session file: states\[0\] \("000000000000…"\): the bytes do not match their SHA-256: the file was altered/ },
  { kind: 'session: a state line of neither shape', surface: 'session', make: session((f) => (f[1]!.key = 1)), code: 'invalid-session', message: /^Not a valid session file: states\[0\]: a state line is \{"state", "key"\} \(a whole state\) or \{"state", "prefix", "suffix", "middle"\} \(a delta\)/ },
  { kind: 'session: an unknown event kind', surface: 'session', make: session((f, { states }) => (f[1 + states + 1]!.kind = 'teleport')), code: 'invalid-session', message: /^Not a valid session file: events\[1\]\.kind: Invalid option: expected one of "init"\|"message"\|"bridge"\|"chain"/ },
  { kind: 'session: truncated mid-string (an event)', surface: 'session', make: (good) => midString(sessionText(good), 'tag', 'last'), code: 'invalid-session', message: /^The session file ends in the middle of events\[\d+\] \(Unterminated string .*\): it was cut short .*Nothing was imported/ },
  { kind: 'session: truncated mid-string (the header)', surface: 'session', make: (good) => midString(sessionText(good), 'name', 'first'), code: 'invalid-session', message: /^The session file ends in the middle of a value \(Unterminated string .*\): it was cut short .*Nothing was imported/ },
  { kind: 'session: a 1 GB declared size', surface: 'session', make: session((f) => ((f[0]!.component as Record<string, unknown>).size = 1024 ** 3)), code: 'invalid-session', message: /^This session file was altered: its header says the component counter is 1\.00 GB \(1073741824 bytes\), but the component with its SHA-256 is 1\.\d\d MB/ },
  { kind: 'session: deeply nested JSON', surface: 'session', make: session((f, { states }) => (f[1 + states + 1]!.input = DEEP_MARK)), code: 'invalid-session', message: /^Not a valid session file: events\[1\]\.input: .*expected object, received array/ },
  { kind: 'session: a billion events declared', surface: 'session', make: session((f) => (f[0]!.events = 1e9)), code: 'invalid-session', message: /^The session file ends after 3 of its 1,000,000,000 events: it was cut short/ },
  { kind: 'session: an altered component', surface: 'session', make: session((f) => ((f[0]!.component as { bytes: unknown }).bytes = { $bytes: 'AGFzbQ0AAQA=' })), code: 'invalid-session', message: /^component\.bytes do not match component\.sha256: the embedded component was altered/ },
  { kind: 'session: damaged compression', surface: 'session', make: (good) => damaged(gzipSync(new TextEncoder().encode(sessionText(good)))), code: 'invalid-session', message: /^(Not a valid session file: .*not valid base64: the file was damaged or altered|The session file could not be read: its compressed data is damaged)/ },
  { kind: 'chain: empty', surface: 'chain', make: () => '', code: 'invalid-chain', message: /^The chain file is empty/ },
  { kind: 'chain: not JSON', surface: 'chain', make: () => '{oops', code: 'invalid-chain', message: /^This is neither a Theater chain in JSON \(an array of entries\) nor Theater's text chain format/ },
  { kind: 'chain: a tampered hash', surface: 'chain', make: () => readFixture('tampered-entry-2.json'), code: 'invalid-chain', message: /^Entry 2 \(theater:simple\/runtime\/log\) was altered/ },
  { kind: 'chain: a broken parent link', surface: 'chain', make: () => readFixture('broken-parent-4.json'), code: 'invalid-chain', message: /^Entry 4: its parent_hash .* broken parent link/ },
  { kind: 'chain: a missing field', surface: 'chain', make: chain((entries) => delete entries[1]!.data), code: 'invalid-chain', message: /^Entry 1 is not a chain entry: it needs hash \(20 bytes\), parent_hash \(20 bytes or null\), event_type \(a string\) and data \(bytes\)/ },
  { kind: 'chain: a wrong-typed field', surface: 'chain', make: chain((entries) => (entries[1]!.hash = 'abc')), code: 'invalid-chain', message: /^Entry 1 is not a chain entry: it needs hash \(20 bytes\)/ },
  { kind: 'chain: an unknown event kind', surface: 'chain', make: chain((entries) => (entries[1]!.event_type = 'teleport')), code: 'invalid-chain', message: /^Entry 1 \(teleport\) was altered: its hash does not match its content/ },
  { kind: 'chain: truncated mid-string', surface: 'chain', make: (good) => midString(JSON.stringify(JSON.parse(good.chain)), 'event_type', 'last'), code: 'invalid-chain', message: /^This Theater chain ends in the middle of a value \(Unterminated string .*\): it was cut short/ },
  { kind: 'chain: deeply nested JSON', surface: 'chain', make: () => DEEP, code: 'invalid-chain', message: /^Entry 0 is not a chain entry/ },
  { kind: 'chain: an entry holding deeply nested JSON', surface: 'chain', make: deepEntry, code: 'invalid-chain', message: /^A value in this chain is nested too deeply to read\. Nothing was imported\.$/ },
  { kind: 'chain: text format, a broken parent link', surface: 'chain', make: () => readFixture('greeter.chain').replace(/^parent: (?!root)\w+$/m, `parent: ${'0'.repeat(40)}`), code: 'invalid-chain', message: /^Entry 1: its parent \(0{40}\) is not the hash of entry 0 \(1b2c9f0d3e4a5b6c7d8e9f00112233445566778f\): a broken parent link/ },
];

/** A JSON chain's entries changed by `mutate`. */
function chain(mutate: (entries: Array<Record<string, unknown>>) => void) {
  return (good: GoodHistories): string => {
    const entries = JSON.parse(good.chain) as Array<Record<string, unknown>>;
    mutate(entries);
    return JSON.stringify(entries);
  };
}

/**
 * The chain with one more entry, hashed by Theater's rule so it verifies, whose data is a host
 * call whose input is {@link DEEP} (as JSON bytes, the way Theater writes values).
 */
function deepEntry(good: GoodHistories): string {
  const entries = JSON.parse(good.chain) as ChainEntry[];
  const deep = Array.from(new TextEncoder().encode(DEEP)).join(',');
  const payload = `{"category":"HostFunction","interface":"a","function":"b","input":[${deep}],"output":[110,117,108,108]}`;
  const entry = { parent_hash: entries.at(-1)!.hash, event_type: 'a/b', data: Array.from(new TextEncoder().encode(payload)) };
  return JSON.stringify([...entries, { hash: entryHash(entry), ...entry }]);
}

/** Compressed bytes with 64 of the middle ones zeroed. */
function damaged(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = bytes.slice();
  copy.fill(0, copy.length >> 1, (copy.length >> 1) + 64);
  return copy;
}
