import { chainReadings } from './chain/chainReading';
import type { ActorEvent } from './events';
import type { StateRef } from './stateStore';
import { waveCall, waveResult } from './wave';

/** What a transcript says about the component it was recorded with. */
export interface TranscriptHeader {
  name: string;
  sha256: string;
}

/** The comment above a call: where it came from, so a failing line can be found in the timeline. */
function origin(event: ActorEvent): string {
  const from = event.connectionId === null ? '' : ` on connection ${event.connectionId}`;
  return `// #${event.seq}${from}`;
}

/**
 * Every call of a history as WAVE text, one `call -> result` line per event, each below a comment
 * naming the event: the exact values the actor was given and returned, in the notation of
 * `wasm-tools` and `wasmtime run --invoke`, fit to keep next to an actor's code as a regression
 * test. A trap or a timeout returned no value, so its line ends in a comment saying which; frames
 * exchanged with a real endpoint (bridge mode) and read-only entries of an imported Theater chain
 * were no call, so they appear as comments only.
 * Values are written in full: a shortened byte list would no longer be WAVE.
 */
export function waveTranscript(header: TranscriptHeader, events: readonly ActorEvent[], state: (ref: StateRef) => Uint8Array | undefined): string {
  const lines = [`// ${header.name} (sha256 ${header.sha256}): ${events.length} events, values in WAVE`];
  for (const event of events) {
    if (event.kind === 'bridge') {
      lines.push(`${origin(event)}: ${event.bridge?.direction ?? 'bridge'} ${event.bridge?.endpoint ?? ''}, not a call`);
      continue;
    }
    if (event.kind === 'chain') {
      const entries = event.chain ? chainReadings(event.chain).map((r) => r.summary.replace(/\s+/g, ' ')).join('; ') : '';
      lines.push(`${origin(event)}: from an imported Theater chain, not a call: ${entries}`);
      continue;
    }
    lines.push(origin(event));
    const call = waveCall(event, state(event.stateBefore));
    const result = waveResult(event, state(event.stateAfter));
    const { outcome } = event;
    if (result !== undefined) lines.push(`${call} -> ${result}`);
    else if (outcome.kind === 'trap') lines.push(`${call} // trapped: ${outcome.message.replace(/\s+/g, ' ')}`);
    else if (outcome.kind === 'timeout') lines.push(`${call} // timed out after ${outcome.afterMs} ms`);
  }
  return `${lines.join('\n')}\n`;
}
