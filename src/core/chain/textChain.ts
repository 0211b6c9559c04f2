import type { ChainError } from './chain';
import type { ChainHistory } from './importedHistory';
import { readTextRecord } from './chainReading';
import { engineError, NOTHING_IMPORTED } from '../errors';
import type { ActorEvent, TextChainRecord } from '../events';
import { ok, type Result } from '../result';
import { StateStore } from '../stateStore';

/**
 * Theater's text chain format (`.chain`): entries separated by `---` lines, each with
 * `hash: <40 hex>`, `parent: <40 hex | root>` and one value literal:
 *
 * ```text
 * ---
 * hash: 1b2c…778f
 * parent: root
 * chain-event-payload::wasm(wasm-event-data::wasm-call(wasm-call{function-name: "…", params: ()}))
 * ```
 *
 * Its hashes cover Theater's binary encoding of each event, which the playground cannot
 * reproduce: only the parent links can be checked, and the literals cannot be turned back into
 * calls with the bytes the actor was given, so every entry is shown read-only.
 */

/** Why a text-format entry is shown and not replayed: said on every such event. */
export const TEXT_CHAIN_READ_ONLY =
  "from Theater's text chain format: its hashes cover a binary encoding the playground cannot reproduce, so they are not verified, and its values cannot be rebuilt into calls to replay";

/** The file is in the text format when its first line that is not blank is `---` or a `hash:` line. */
export const isTextChain = (text: string): boolean => /^\s*(---|hash:)/.test(text);

const HEX40 = /^[0-9a-fA-F]{40}$/;

/** Splits a text chain into entries and checks each parent link; the error names the first bad entry. */
export function readTextChain(text: string): Result<TextChainRecord[], ChainError> {
  const bad = (index: number, message: string) => {
    const error = engineError('invalid-chain', `${message} ${NOTHING_IMPORTED}.`).error;
    return { ok: false as const, error: { ...error, index } };
  };
  const parts = [''];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '---') parts.push('');
    else parts[parts.length - 1] += `${line}\n`;
  }
  const blocks = parts.filter((part) => part.trim() !== '');
  if (blocks.length === 0) return bad(-1, 'This text chain (.chain) holds no entries.');
  const entries: TextChainRecord[] = [];
  for (const [i, block] of blocks.entries()) {
    const lines = block.trim().split('\n');
    const hash = /^hash:\s*(\S+)\s*$/.exec(lines[0] ?? '')?.[1];
    const parent = /^parent:\s*(\S+)\s*$/.exec(lines[1] ?? '')?.[1];
    const literal = lines.slice(2).join('\n').trim();
    if (!hash || !HEX40.test(hash)) return bad(i, `Entry ${i} of this text chain (.chain) does not start with a \`hash: <40 hex digits>\` line.`);
    if (!parent || !(parent === 'root' || HEX40.test(parent))) return bad(i, `Entry ${i} of this text chain (.chain) has no \`parent: <40 hex digits | root>\` line after its hash.`);
    if (literal === '') return bad(i, `Entry ${i} of this text chain (.chain) has no value literal after its parent.`);
    const expected = entries[i - 1]?.hash ?? null;
    const actual = parent === 'root' ? null : parent.toLowerCase();
    if (actual !== expected) {
      return bad(i, expected === null ? `Entry ${i}: the first entry's parent must be root, and it is ${parent}: the start of the chain is missing.` : `Entry ${i}: its parent (${parent}) is not the hash of entry ${i - 1} (${expected}): a broken parent link, so an entry was removed, inserted or reordered here.`);
    }
    entries.push({ hash: hash.toLowerCase(), parent: actual, literal });
  }
  return ok(entries);
}

/** A text chain as a history: one read-only event per entry, with what can be read from its literal. */
export function textChainHistory(entries: readonly TextChainRecord[]): ChainHistory {
  const events = entries.map((record, seq): ActorEvent => {
    const reading = readTextRecord(record);
    return {
      seq,
      kind: 'chain',
      connectionId: null,
      startedAt: 0,
      durationMs: 0,
      input: null,
      stateBefore: null,
      stateAfter: null,
      outcome: reading.kind === 'failure' ? { kind: 'err', message: reading.summary } : { kind: 'ok' },
      responses: [],
      hostCalls: [],
      shutdown: reading.kind === 'shutdown',
      chain: { format: 'text', entries: [record], readOnly: TEXT_CHAIN_READ_ONLY },
    };
  });
  return { format: 'text', entries: entries.length, events, states: new StateStore(), replayable: 0 };
}
