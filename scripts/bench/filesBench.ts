import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { componentHash, readSessionFile, StateChainWriter, toBase64, toHex, utf8, writeSessionFile, type ActorEvent } from '../../src/core';
import { stateRecordOf } from '../../src/features/sessions/persistence/stateRecords';
import type { SessionFile } from '../../src/core/sessionFile';
import { sha256 } from '@noble/hashes/sha2.js';
import { recordHistory } from './recordSession';
import { fileAction, importSaved } from './browser';
import { median, round } from './stats';

const EDITS = 1_000;
const STATE_BYTES = 32 * 1024;
const EDIT_BYTES = 1024;

/** A small deterministic generator, so every run edits the same bytes. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
}

/** What an edit writes: random letters (the worst case for compression) or random words of a 500-word vocabulary (closer to real text). */
export const EDIT_TEXTS = ['letters', 'words'] as const;
export type EditText = (typeof EDIT_TEXTS)[number];

/** `count` characters of `kind`, drawn from `next`. */
function textMaker(kind: EditText, next: () => number): (count: number) => string {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789 ';
  const letter = () => letters[Math.floor(next() * letters.length)]!;
  const vocabulary = Array.from({ length: 500 }, () => Array.from({ length: 3 + Math.floor(next() * 6) }, () => letter()).join('').trim() || 'a');
  return (count) => {
    let out = '';
    while (out.length < count) out += kind === 'letters' ? letter() : `${vocabulary[Math.floor(next() * vocabulary.length)]} `;
    return out.slice(0, count);
  };
}

/**
 * 1,000 edits of a 32 KB JSON state, 1 KB changed each: a document of 320 entries of 100
 * characters, each edit rewriting 10 neighbouring entries at a random place. The events are a
 * real recording of echo (1,000 calls through the engine); their states are replaced by these,
 * since no example actor edits a 32 KB document: what is measured is what the files and
 * IndexedDB make of such states.
 */
export async function measureFilesSession(kind: EditText): Promise<SessionFile> {
  const { session, bytes, name } = await recordHistory('public/actors/echo.wasm', EDITS);
  const next = random(10);
  const make = textMaker(kind, next);
  const text = () => make(100 - 18);
  const entries = Array.from({ length: STATE_BYTES / 100 }, text);
  const stateOf = () => utf8(`{"entries":[${entries.map((e, i) => `{"n":${String(i).padStart(3, '0')},"t":"${e}"}`).join(',')}]}`);
  const states = new Map<string, Uint8Array>();
  const refOf = (state: Uint8Array) => {
    const ref = toHex(sha256(state));
    states.set(ref, state);
    return ref;
  };
  let before: string | null = null;
  const events: ActorEvent[] = session.snapshot().events.map((event) => {
    const at = Math.floor(next() * (entries.length - EDIT_BYTES / 100));
    for (let i = at; i < at + EDIT_BYTES / 100; i++) entries[i] = text();
    const after = refOf(stateOf());
    const edited = { ...event, stateBefore: before, stateAfter: after };
    before = after;
    return edited;
  });
  return { component: { name, sha256: componentHash(bytes), size: bytes.length, bytes }, connections: session.snapshot().connections, events, states };
}

/**
 * The bytes of the records a saved session keeps in IndexedDB, as V8 serializes them (what
 * IndexedDB stores, before LevelDB's keys, log and undo entries): the events, and the states as
 * the recorder stores them (`whole`: as before issue 10).
 */
function recordBytes(session: SessionFile, whole: boolean): number {
  const chain = new StateChainWriter();
  let sum = session.events.reduce((total, event) => total + serialize(event).length, 0);
  for (const [ref, bytes] of session.states) sum += serialize(whole ? bytes : stateRecordOf(chain.next(ref, bytes), bytes)).length;
  return sum;
}

/** The same session as version 1 wrote it (the writer before issue 10: one JSON object, every state whole), for the size before. */
const versionOne = (session: SessionFile): string =>
  JSON.stringify(
    { format: 'theater-playground-session', version: 1, exportedAt: new Date().toISOString(), component: session.component, connections: session.connections, server: { delivery: 'interface' }, events: session.events, states: Object.fromEntries(session.states) },
    (_key, value: unknown) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value),
  );

/**
 * In a page of `dist`: the IndexedDB bytes the imported session takes once saved (as the quota
 * manager counts them: LevelDB's files, whose log also holds the transaction's undo entries until
 * a compaction), file chosen → Timeline, and Export session → the download.
 */
async function inPage(dist: string, file: string, dir: string): Promise<Record<string, number>> {
  const { page, usageBefore, usageAfter, importMs, close } = await importSaved(dist, join(dir, `profile-${dist}-${Math.random()}`), file, EDITS);
  try {
    const downloading = page.waitForEvent('download');
    const t1 = performance.now();
    await fileAction(page, 'Export session');
    const exported = await (await downloading).path();
    const exportMs = performance.now() - t1;
    const mib = (bytes: number) => round(bytes / 2 ** 20, 2);
    return { indexeddb_mib: mib(usageAfter - usageBefore), page_import_ms: round(importMs, 0), page_export_ms: round(exportMs, 0), exported_mib: mib(statSync(exported).size) };
  } finally {
    await close();
  }
}

/**
 * Session file and IndexedDB size of 1,000 edits of a 32 KB JSON state (1 KB each), of random
 * letters and of words, before (version 1, every state whole; the build in BENCH_BASE_DIST,
 * default `dist-base`, when there is one) and after, in one run, with export and import times in
 * Node (medians of 3) and in the page (file chosen → Timeline, Export session → download).
 */
export async function measureFiles({ dist = 'dist' } = {}): Promise<Record<string, Record<string, number>>> {
  const dir = mkdtempSync(join(tmpdir(), 'files-bench-'));
  const base = process.env.BENCH_BASE_DIST ?? 'dist-base';
  const results: Record<string, Record<string, number>> = {};
  try {
    for (const kind of EDIT_TEXTS) {
      const session = await measureFilesSession(kind);
      const exports: number[] = [];
      const imports: number[] = [];
      let file = new Blob();
      for (let run = 0; run < 3; run++) {
        const t0 = performance.now();
        file = await writeSessionFile(session, true);
        exports.push(performance.now() - t0);
        const t1 = performance.now();
        const read = await readSessionFile(file);
        imports.push(performance.now() - t1);
        if (!read.ok) throw new Error(read.error.message);
      }
      const old = versionOne(session);
      const t2 = performance.now();
      const readOld = await readSessionFile(old);
      const oldImportMs = performance.now() - t2;
      if (!readOld.ok) throw new Error(readOld.error.message);

      const v2Path = join(dir, `${kind}.json.gz`);
      const v1Path = join(dir, `${kind}-v1.json`);
      writeFileSync(v2Path, new Uint8Array(await file.arrayBuffer()));
      writeFileSync(v1Path, old);
      const mib = (bytes: number) => round(bytes / 2 ** 20, 2);
      const before: Record<string, number> = { file_mib: mib(old.length), indexeddb_records_mib: mib(recordBytes(session, true)), node_import_ms: round(oldImportMs, 0) };
      const after: Record<string, number> = { file_mib: mib(file.size), indexeddb_records_mib: mib(recordBytes(session, false)), node_export_ms: round(median(exports), 0), node_import_ms: round(median(imports), 0) };
      Object.assign(after, await inPage(dist, v2Path, dir));
      if (existsSync(`${base}/index.html`)) Object.assign(before, await inPage(base, v1Path, dir));
      results[`${kind}_version_1`] = before;
      results[`${kind}_version_2`] = after;
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
