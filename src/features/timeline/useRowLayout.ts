import { useState } from 'react';
import type { ActorEvent } from '../../core';
import { RowLayout } from './rowLayout';

/**
 * The timeline's row positions, kept across renders and extended in place: a new event adds one
 * row's height to the sum rather than recomputing 100,000 of them.
 */
export function useRowLayout(events: readonly ActorEvent[], rows: readonly number[] | null, count: number): RowLayout {
  const [layout] = useState(() => new RowLayout());
  // Idempotent, so rendering twice (StrictMode) or abandoning a render leaves it right.
  layout.sync(events, rows, count);
  return layout;
}
