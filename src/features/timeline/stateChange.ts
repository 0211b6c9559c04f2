import type { ActorEvent, StateRef } from '../../core';
import { formatSize } from '../../ui/format';

/** How an event changed the actor's state, as a row's head shows it. */
export interface StateChange {
  changed: boolean;
  /** Short: the change in size (`+2 B`), or `—` when nothing changed. */
  label: string;
  /** Long, for the tooltip and screen readers: both sizes. */
  description: string;
}

const sizeText = (ref: StateRef, size: number | undefined): string => (ref === null ? 'none' : size === undefined ? 'unknown size' : formatSize(size));

export function stateChange(event: ActorEvent, sizeOf: (ref: StateRef) => number | undefined): StateChange {
  const { stateBefore, stateAfter } = event;
  const before = sizeOf(stateBefore);
  const after = sizeOf(stateAfter);
  if (stateBefore === stateAfter) return { changed: false, label: '—', description: `state unchanged (${sizeText(stateAfter, after)})` };
  const description = `state ${sizeText(stateBefore, before)} → ${sizeText(stateAfter, after)}`;
  if (before === undefined || after === undefined) return { changed: true, label: 'Δ ?', description };
  const delta = after - before;
  // Same size but other bytes is a change too: say so rather than show a bare zero.
  const label = delta === 0 ? 'Δ ±0 B' : `Δ ${delta > 0 ? '+' : '−'}${formatSize(Math.abs(delta))}`;
  return { changed: true, label, description };
}
