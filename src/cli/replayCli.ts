import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ActorClient } from '../host/actorClient';
import { actorIdOf, readChain, type ConnectDelivery, readSessionFile, type ActorEvent, type EventComparison, type ReplayResult } from '../core';
import { threadWorker } from './threadWorker';

const usage = `Replays a recorded session or Theater chain against a component and reports divergences.

  npm run replay -- --actor new.wasm (--session recorded.json | --chain chain.json) [--from N] [--timeout MS] [--json]

Exit codes: 0 every event that can be replayed matched; 1 some event diverged; 2 bad arguments or input
that cannot be used (a missing or unreadable file, a bad session or chain, Theater's text chain format,
a chain with nothing to replay). Read-only entries of a chain are reported as skipped.`;

/** `actorId`: the one the recorded init was given, which the build under test gets too. */
type History = { events: ActorEvent[]; states: Array<[string, Uint8Array]>; delivery?: ConnectDelivery; actorId?: string };

/** A file's bytes, or a one-line reason it cannot be read (missing, a folder, no permission). */
function readInput(path: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    return { ok: true, bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { ok: false, message: `${path}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (code ?? message)}).` };
  }
}

function readHistory(sessionPath: string | undefined, chainPath: string | undefined): { ok: true; history: History } | { ok: false; message: string } {
  const path = (sessionPath ?? chainPath)!;
  const input = readInput(path);
  if (!input.ok) return input;
  const text = new TextDecoder().decode(input.bytes);
  if (sessionPath) {
    const file = readSessionFile(text);
    if (!file.ok) return { ok: false, message: `${sessionPath}: ${file.error.message}` };
    // The recorded component's id, made from its hash as the playground made it when it recorded.
    const { events, states, server, component } = file.value;
    return { ok: true, history: { events, states: [...states], delivery: server?.delivery, actorId: actorIdOf(component.sha256) } };
  }
  const chain = readChain(text);
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

/** The command line: returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { actor: { type: 'string' }, session: { type: 'string' }, chain: { type: 'string' }, from: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  if (!args.actor || !(args.session || args.chain) || (args.session && args.chain)) {
    console.error(usage);
    return 2;
  }
  const input = readHistory(args.session, args.chain);
  if (!input.ok) {
    console.error(input.message);
    return 2;
  }
  const actor = readInput(args.actor);
  if (!actor.ok) {
    console.error(actor.message);
    return 2;
  }
  const client = new ActorClient({ createWorker: threadWorker, callTimeoutMs: Number(args.timeout ?? 5000) });
  try {
    const result = await client.replay(basename(args.actor), actor.bytes, { from: Number(args.from ?? 0), history: input.history });
    if (!result.ok) {
      console.error(`${args.actor}: ${result.error.message}`);
      return 2;
    }
    console.log(args.json ? JSON.stringify(result.value.summary) : report(result.value));
    return result.value.summary.diverged > 0 ? 1 : 0;
  } finally {
    client.dispose();
  }
}
