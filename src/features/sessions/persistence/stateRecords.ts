import { deflateSync, inflateSync } from 'fflate';
import { applyDelta, type ChainedState } from '../../../core';

/**
 * A state as the `states` store keeps it, under `[sessionId, sha256]`. Since issue 10 each state
 * the recorder saves is a link of a chain (core/stateDelta.ts): whole (`key`) or as a delta against
 * `base`, the state saved just before it, with a keyframe at least every `KEYFRAME_INTERVAL`
 * states, so rebuilding one reads at most that many records. The bytes (`key`, `middle`) are
 * raw DEFLATE (RFC 1951), compressed with fflate: the recorder writes in the same task as it
 * decides what to write, so that the transaction is queued before the page can go away, and the
 * platform's `CompressionStream` only compresses asynchronously. A bare `Uint8Array` is a state
 * whole and uncompressed: one larger than `COMPRESS_AT_MOST`, or a record saved before issue 10.
 */
export type StateRecord = Uint8Array | { key: Uint8Array } | { base: string; prefix: number; suffix: number; middle: Uint8Array };

/**
 * Bytes above this are not compressed: fflate deflates some tens of MB/s on the page's thread,
 * and a state of many MiB would hold the page for seconds (a keyframe of one is stored whole, as
 * is a state whose change is that large).
 */
const COMPRESS_AT_MOST = 64 * 1024;

/** The record that stores one link of the recorder's chain; `bytes` is the state it stands for. */
export function stateRecordOf(stored: ChainedState, bytes: Uint8Array): StateRecord {
  if ('key' in stored) return bytes.length <= COMPRESS_AT_MOST ? { key: deflateSync(bytes) } : bytes;
  const { prefix, suffix, middle } = stored.delta;
  return middle.length <= COMPRESS_AT_MOST ? { base: stored.base, prefix, suffix, middle: deflateSync(middle) } : bytes;
}

/**
 * Every state of a session rebuilt from its records, in the order given, or what is wrong as a
 * clause the alert completes ("… could not be opened: <reason>"): a record whose base is missing,
 * or whose bytes do not inflate or do not fit its base. The states' hashes are checked when the
 * history is adopted.
 */
export function statesOf(records: Array<[string, StateRecord]>): { ok: true; value: Array<[string, Uint8Array]> } | { ok: false; reason: string } {
  const byHash = new Map(records);
  const rebuilt = new Map<string, Uint8Array>();
  const named = (hash: string) => `${hash.slice(0, 12)}…`;
  try {
    for (const [hash] of records) {
      // Walk back to a state already rebuilt or whole, then apply the deltas forward.
      const chain: string[] = [];
      let at: string | undefined = hash;
      while (at !== undefined && !rebuilt.has(at)) {
        const record = byHash.get(at);
        if (record === undefined) return { ok: false, reason: `its state ${named(chain.at(-1)!)} is stored as a change to state ${named(at)}, which is missing` };
        chain.push(at);
        at = record instanceof Uint8Array || 'key' in record ? undefined : record.base;
        if (chain.length > records.length) return { ok: false, reason: `its state ${named(hash)} is stored as a change that never reaches a whole state` };
      }
      let bytes = at === undefined ? undefined : rebuilt.get(at);
      for (const link of chain.reverse()) {
        const record = byHash.get(link)!;
        const next: Uint8Array | undefined = record instanceof Uint8Array ? record : 'key' in record ? inflateSync(record.key) : applyDelta(bytes!, { prefix: record.prefix, suffix: record.suffix, middle: inflateSync(record.middle) });
        if (!next) return { ok: false, reason: `its state ${named(link)} does not fit the state it changes` };
        rebuilt.set(link, next);
        bytes = next;
      }
    }
  } catch (thrown) {
    return { ok: false, reason: `a state's compressed bytes are damaged (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
  return { ok: true, value: records.map(([hash]) => [hash, rebuilt.get(hash)!]) };
}
