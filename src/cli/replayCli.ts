import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ActorClient } from '../host/actorClient';
import { actorIdOf, asReplayRefusal, DEFAULT_LIMITS, DEFAULT_WASI_SETTINGS, historyFileOf, LIMIT_KEYS, LIMITS, limitsFrom, isGzip, isWasmFile, loadSha1, parseSeed, parseWholeNumber, wholeNumberFrom, parseStart, readChain, type ConnectDelivery, type EngineErrorCode, type WasiSettings, readSessionFile, type ActorEvent, type EventComparison, type HistoryFile, type Limits, type ReplayResult } from '../core';
import { threadWorker } from './threadWorker';

const usage = `Replays a recorded session or Theater chain against a component and reports divergences.

  npm run replay -- --actor new.wasm (--session recorded.json | --chain chain.json) [--from N] [limits] [--json]
                   [--seed N] [--start ISO-TIME] [--real-wasi]

Limits (what the simulated server allows the build; a call past one fails with the limit's code, as in the
page's Server settings → Limits; a session file's own limits stand for those not given):
${LIMIT_KEYS.map((key) => `  --${LIMITS[key].flag.padEnd(20)} ${LIMITS[key].label} (${LIMITS[key].unit}, default ${DEFAULT_LIMITS[key]})`).join('\n')}

WASI clock and random reads the recording has are fed back as recorded; reads it lacks (a build that
reads more) are answered as the session's server settings say, or as --seed (0 to 4294967295),
--start (the virtual wall clock at the first event, e.g. 2025-01-01T00:00:00Z) and --real-wasi (the
real clock and random, not reproducible) say. A chain has no settings: the defaults, seed 1 from
2025-01-01T00:00:00Z.

A session with proxied traffic (the Bridge panel's proxy) replays each real client's conversation too:
its frames go to a connection of the build, and what the build sends back is compared with what the
upstream answered (aspect "upstream"), so a captured production conversation is a regression test.

Exit codes: 0 every event that can be replayed matched; 1 some event diverged; 2 bad arguments or input
that cannot be used (a missing or unreadable file, a bad session or chain, Theater's text chain format,
a chain with nothing to replay). Read-only entries of a chain are reported as skipped.`;

/** The numeric options: whole numbers, `min` or more, and what each counts (said when one is not). */
const NUMBER_OPTIONS: Record<string, { min: number; what: string; fallback: number }> = {
  from: { min: 0, what: 'the recorded event to replay from', fallback: 0 },
  ...Object.fromEntries(LIMIT_KEYS.map((key) => [LIMITS[key].flag, { min: LIMITS[key].min, what: LIMITS[key].what, fallback: DEFAULT_LIMITS[key] }])),
};
type NumberOption = string;

/** The options that take a number: those above, and `--seed`, which the WASI settings check (`parseSeed`). */
const TAKES_A_NUMBER = new Set([...Object.keys(NUMBER_OPTIONS), 'seed']);

/**
 * The numeric options joined to their values (`--from -1` → `--from=-1`, `--seed -3` →
 * `--seed=-3`): parseArgs takes a separate value that starts with a dash for a forgotten one and
 * says so ("ambiguous"), where the person gave a number that is out of range, which is what they
 * should be told, with the range.
 */
function joinNumberValues(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--') && TAKES_A_NUMBER.has(arg.slice(2)) && i + 1 < argv.length) joined.push(`${arg}=${argv[++i]!}`);
    else joined.push(arg);
  }
  return joined;
}

/** A numeric option's value, or a one-line reason it is not a whole number in range. */
function numberOption(name: NumberOption, given: string | undefined): { ok: true; value: number } | { ok: false; message: string } {
  const { min, what, fallback } = NUMBER_OPTIONS[name]!;
  if (given === undefined) return { ok: true, value: fallback };
  const value = parseWholeNumber(given, min);
  if (value !== undefined) return { ok: true, value };
  return { ok: false, message: `--${name} takes ${wholeNumberFrom(min)} (${what}), not ${JSON.stringify(given)}.` };
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * A message as one line of plain text: control characters (a binary file's bytes quoted in a
 * parser's message, say) escaped as in JSON, so a terminal or a CI log shows them as text.
 */
const oneLine = (message: string): string =>
  message.replace(/[\p{Cc}\u2028\u2029]/gu, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** What each history file is called in a message (its option is its name: `--session`, `--chain`). */
const HISTORY_NAMES = { session: 'a playground session file', chain: 'a Theater chain' } as const satisfies Record<HistoryFile, string>;

/** `actorId`: the one the recorded init was given, which the build under test gets too. */
type History = { events: ActorEvent[]; states: Array<[string, Uint8Array]>; delivery?: ConnectDelivery; actorId?: string; wasi?: WasiSettings; limits?: Limits };

/** A file's bytes, or a one-line reason it cannot be read (missing, a folder, no permission). */
function readInput(path: string): { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string } {
  try {
    return { ok: true, bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { ok: false, message: `${path}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (code ?? message)}).` };
  }
}

async function readHistory(sessionPath: string | undefined, chainPath: string | undefined): Promise<{ ok: true; history: History } | { ok: false; message: string }> {
  const path = (sessionPath ?? chainPath)!;
  const input = readInput(path);
  if (!input.ok) return input;
  const wanted: HistoryFile = sessionPath ? 'session' : 'chain';
  if (isWasmFile(input.bytes)) return { ok: false, message: `${path}: this is a WebAssembly file, not ${HISTORY_NAMES[wanted]}: pass the component with --actor.` };
  // Read as text only when it is not compressed (a compressed file is a session file: historyFiles.ts).
  const text = isGzip(input.bytes) ? undefined : new TextDecoder().decode(input.bytes);
  // A file given to the other option is named for what it is, not refused for what it is not.
  const other = text === undefined ? 'session' : historyFileOf(text);
  if (other !== undefined && other !== wanted) return { ok: false, message: `${path}: this is ${HISTORY_NAMES[other]}, not ${HISTORY_NAMES[wanted]}: pass it with --${other}.` };
  if (sessionPath) {
    const file = await readSessionFile(input.bytes);
    if (!file.ok) return { ok: false, message: `${sessionPath}: ${file.error.message}` };
    // The recorded component's id, made from its hash as the playground made it when it recorded.
    const { events, states, server, component } = file.value;
    return { ok: true, history: { events, states: [...states], delivery: server?.delivery, actorId: actorIdOf(component.sha256), wasi: server?.wasi, ...(server?.limits ? { limits: limitsFrom(server.limits) } : {}) } };
  }
  const chain = readChain(text!);
  if (!chain.ok) return { ok: false, message: `${path}: ${chain.error.message}` };
  const { format, entries, replayable, events, states, actorId } = chain.value;
  if (format === 'text') return { ok: false, message: `${path}: Theater's text chain format (.chain): its hashes cover a binary encoding that cannot be checked here and its values cannot be rebuilt into calls, so there is nothing to replay. Replay the chain Theater wrote as JSON instead.` };
  if (replayable === 0) return { ok: false, message: `${path}: the chain verifies (${entries} entries) but holds no init or websocket-server handle-message call: nothing in it can be replayed.` };
  return { ok: true, history: { events, states: [...states.entries()], actorId } };
}

const line = (c: EventComparison) =>
  c.skipped ? `  #${c.seq}  skipped: ${c.skipped}` : c.differences.length === 0 ? `  #${c.seq}  match` : [`  #${c.seq}  DIVERGES`, ...c.differences.map((d) => `        ${d.aspect}: recorded ${d.recorded}\n        ${' '.repeat(d.aspect.length)}  replayed ${d.replayed}`)].join('\n');

export function report(result: ReplayResult): string {
  const { summary } = result;
  const diverging = result.comparisons.filter((c) => c.differences.length > 0);
  // Skipped events (read-only chain entries, bridge frames, timeouts) are listed too: each says why.
  const skipped = result.comparisons.filter((c) => c.skipped !== undefined);
  const head = `${summary.matched} of ${summary.total} events matched, ${summary.diverged} diverged, ${summary.skipped} skipped`;
  const first = summary.firstDivergence === null ? 'no divergence' : `first divergence at event #${summary.firstDivergence}`;
  const listed = (comparisons: EventComparison[]) => [...comparisons.slice(0, 20).map(line), comparisons.length > 20 ? `  … and ${comparisons.length - 20} more` : ''];
  return [head, first, ...listed(diverging), ...listed(skipped)].filter(Boolean).join('\n');
}

/** The WASI settings the flags change (only those given; the recorded ones, or the defaults, stand for the rest), or a one-line reason one is not valid. */
function wasiFlagsOf(args: { seed?: string; start?: string; 'real-wasi'?: boolean }): { ok: true; value: Partial<WasiSettings> } | { ok: false; message: string } {
  const settings: Partial<WasiSettings> = {};
  if (args.seed !== undefined) {
    const seed = parseSeed(args.seed);
    if (!seed.ok) return { ok: false, message: `--seed: ${seed.error.message}` };
    settings.seed = seed.value;
  }
  if (args.start !== undefined) {
    const start = parseStart(args.start);
    if (!start.ok) return { ok: false, message: `--start: ${start.error.message}` };
    settings.startMs = start.value;
  }
  if (args['real-wasi']) settings.real = true;
  return { ok: true, value: settings };
}

/**
 * Why the input cannot be used, as one line (then the usage, for bad arguments): exit code 2. A
 * history file's message says nothing was replayed (the core's messages say what the page did not import).
 */
function refuse(message: string, withUsage = false): number {
  const said = oneLine(asReplayRefusal(message));
  console.error(withUsage ? `${said}\n\n${usage}` : said);
  return 2;
}

/** parseArgs' own refusal: its lines as lines (each with control characters escaped), then the usage. */
function refuseArguments(message: string): number {
  console.error(`${message.split('\n').map(oneLine).join('\n')}\n\n${usage}`);
  return 2;
}

/** Replay errors that are the recording's (an event it does not have, a state it lacks): named by its file, the rest by the build's. */
const HISTORY_ERRORS: ReadonlySet<EngineErrorCode> = new Set(['no-such-event', 'invalid-snapshot', 'invalid-session', 'invalid-chain']);

/** What `--json` prints: the summary, and the first divergence's event with each of its differences. */
export function jsonReport({ summary, comparisons }: ReplayResult): string {
  const first = comparisons.find((c) => c.differences.length > 0);
  const divergence = first ? { seq: first.seq, differences: first.differences.map(({ aspect, recorded, replayed }) => ({ aspect, recorded, replayed })) } : null;
  return JSON.stringify({ ...summary, divergence });
}

/** The limits the flags give (only those given), or a one-line reason one is not a valid number. */
function limitFlagsOf(args: Record<string, unknown>): { ok: true; value: Partial<Limits> } | { ok: false; message: string } {
  const limits: Partial<Limits> = {};
  for (const key of LIMIT_KEYS) {
    const given = args[LIMITS[key].flag] as string | undefined;
    if (given === undefined) continue;
    const value = numberOption(LIMITS[key].flag, given);
    if (!value.ok) return value;
    limits[key] = value.value;
  }
  return { ok: true, value: limits };
}

/** Each limit's flag, a string parseArgs hands over for numberOption to check. */
const limitFlags = Object.fromEntries(LIMIT_KEYS.map((key) => [LIMITS[key].flag, { type: 'string' as const }]));

/** The command line: returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: joinNumberValues(argv), options: { actor: { type: 'string' }, session: { type: 'string' }, chain: { type: 'string' }, from: { type: 'string' }, ...limitFlags, json: { type: 'boolean' }, help: { type: 'boolean' }, seed: { type: 'string' }, start: { type: 'string' }, 'real-wasi': { type: 'boolean' } } }).values;
  } catch (error) {
    return refuseArguments((error as Error).message);
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  if (!args.actor) return refuse('Name the build to replay against with --actor.', true);
  if (!(args.session || args.chain) || (args.session && args.chain)) return refuse('Name one recording to replay: --session or --chain.', true);
  const from = numberOption('from', args.from);
  if (!from.ok) return refuse(from.message, true);
  // Checked before the files are read, so a bad number is named with the usage whatever the files hold.
  const flagged = limitFlagsOf(args);
  if (!flagged.ok) return refuse(flagged.message, true);
  const wasiFlags = wasiFlagsOf(args);
  if (!wasiFlags.ok) return refuse(wasiFlags.message, true);
  // A chain's hashes are verified as it is read: at memory speed on the compiled SHA-1.
  await loadSha1();
  const input = await readHistory(args.session, args.chain);
  if (!input.ok) return refuse(input.message);
  // WASI reads the recording lacks: as the recording's settings (or the defaults) say, with the flags' changes.
  const wasi = { ...(input.history.wasi ?? DEFAULT_WASI_SETTINGS), ...wasiFlags.value };
  const actor = readInput(args.actor);
  if (!actor.ok) return refuse(actor.message);
  const client = new ActorClient({ createWorker: threadWorker });
  // The flags win; a session file's limits stand for those not given.
  client.limits = { ...(input.history.limits ?? DEFAULT_LIMITS), ...flagged.value };
  try {
    const result = await client.replay(basename(args.actor), actor.bytes, { from: from.value, history: { ...input.history, wasi } });
    if (!result.ok) return refuse(`${HISTORY_ERRORS.has(result.error.code) ? (args.session ?? args.chain) : args.actor}: ${result.error.message}`);
    console.log(args.json ? jsonReport(result.value) : report(result.value));
    return result.value.summary.diverged > 0 ? 1 : 0;
  } finally {
    client.dispose();
  }
}
