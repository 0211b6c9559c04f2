import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ActorClient } from '../client/actorClient';
import { chainToHistory, type ConnectDelivery, readSessionFile, verifyChain, type ActorEvent, type EventComparison, type ReplayResult } from '../engine';
import { threadWorker } from './threadWorker';

const usage = `Replays a recorded session or Theater chain against a component and reports divergences.

  npm run replay -- --actor new.wasm (--session recorded.json | --chain chain.json) [--from N] [--timeout MS] [--json]

Exit codes: 0 every event matched; 1 some event diverged; 2 bad arguments or unreadable input.`;

type History = { events: ActorEvent[]; states: Array<[string, Uint8Array]>; delivery?: ConnectDelivery };

function readHistory(sessionPath: string | undefined, chainPath: string | undefined): { ok: true; history: History } | { ok: false; message: string } {
  if (sessionPath) {
    const file = readSessionFile(readFileSync(sessionPath, 'utf8'));
    return file.ok ? { ok: true, history: { events: file.value.events, states: [...file.value.states], delivery: file.value.server?.delivery } } : { ok: false, message: `${sessionPath}: ${file.error.message}` };
  }
  const chain = verifyChain(readFileSync(chainPath!, 'utf8'));
  if (!chain.ok) return { ok: false, message: `${chainPath}: entry ${chain.error.index}: ${chain.error.message}` };
  const rebuilt = chainToHistory(chain.value);
  return { ok: true, history: { events: rebuilt.events, states: [...rebuilt.states.entries()] } };
}

const line = (c: EventComparison) =>
  c.skipped ? `  #${c.seq}  skipped: ${c.skipped}` : c.differences.length === 0 ? `  #${c.seq}  match` : [`  #${c.seq}  DIVERGES`, ...c.differences.map((d) => `        ${d.aspect}: recorded ${d.recorded}\n        ${' '.repeat(d.aspect.length)}  replayed ${d.replayed}`)].join('\n');

export function report(result: ReplayResult): string {
  const { summary } = result;
  const diverging = result.comparisons.filter((c) => c.differences.length > 0);
  const head = `${summary.matched} of ${summary.total} events matched, ${summary.diverged} diverged, ${summary.skipped} skipped`;
  const first = summary.firstDivergence === null ? 'no divergence' : `first divergence at event #${summary.firstDivergence}`;
  return [head, first, ...diverging.slice(0, 20).map(line), diverging.length > 20 ? `  … and ${diverging.length - 20} more` : ''].filter(Boolean).join('\n');
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
  const client = new ActorClient({ createWorker: threadWorker, callTimeoutMs: Number(args.timeout ?? 5000) });
  try {
    const result = await client.replay(basename(args.actor), new Uint8Array(readFileSync(args.actor)), { from: Number(args.from ?? 0), history: input.history });
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
