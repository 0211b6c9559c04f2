/**
 * Time travel as pure data: how an edit of the past becomes "keep the events before `from`,
 * re-run these inputs", what a fork keeps, how the histories left behind are kept as branches and
 * swapped back in, and how a re-run compares with what it replaced. In the spirit of Redux
 * DevTools' instrument: plain functions over a typed edit union and a typed branch action, no
 * store and no worker. Running the plan is the client's (`host/actorClient.ts`, `rewrite` and
 * `adoptHistory`); the store's slice (`features/history/timeTravelSlice.ts`) wires the two.
 */
import type { SessionSnapshot } from '../actorSnapshot';
import { compareEvents, type Difference } from '../compare';
import { engineError, type EngineError } from '../errors';
import type { ActorKind } from '../actorKind';
import type { ActorEvent } from '../events';
import { httpFrameRefusal } from '../httpFrames';
import type { WebsocketMessage } from '../messages';
import { ok, type Result } from '../result';

/** The ways to change the past; each keeps the events before some position and re-runs the rest. */
export const HISTORY_EDIT_KINDS = ['edit', 'delete', 'insert-after', 'move-later'] as const;
export type HistoryEditKind = (typeof HISTORY_EDIT_KINDS)[number];

/** One change of the past, at event `seq` (a position in the history, from 0). */
export type HistoryEdit =
  | { kind: 'edit'; seq: number; input: WebsocketMessage }
  | { kind: 'delete'; seq: number }
  | { kind: 'insert-after'; seq: number; connectionId: number; input: WebsocketMessage }
  | { kind: 'move-later'; seq: number };

/**
 * What to run for an edit or a fork: keep the first `from` events, then re-run `inputs` in order
 * (events whose input, connection and recorded host calls the re-run uses; an edited or inserted
 * one has no host calls yet). `label` names the history left behind, for its branch.
 */
export interface EditPlan {
  from: number;
  inputs: ActorEvent[];
  label: string;
}

/** A history kept aside when the live one was rewritten (a fork, an edit), to switch back to. */
export interface Branch {
  /** Unique among the branches kept with one session; saved sessions keep their numbers. */
  id: number;
  label: string;
  snapshot: SessionSnapshot;
}

/** What happens to the kept branches: one more is kept, or one is swapped with the live history. */
export type BranchAction =
  | { kind: 'keep'; label: string; snapshot: SessionSnapshot }
  /** Branch `id` became the live history; `current` (the history it replaced) takes its place. */
  | { kind: 'swap'; id: number; current: SessionSnapshot };

/** After an edit: how each re-run event compares with the one it replaced. */
export interface RewriteReport {
  from: number;
  changes: Array<{ seq: number; differences: Difference[] }>;
}

/** `seq` as a position of an event in a history of `count` events, or why it is none. */
function checkPosition(count: number, seq: number): Result<number, EngineError> {
  if (Number.isInteger(seq) && seq >= 0 && seq < count) return ok(seq);
  const range = count === 0 ? 'the history is empty' : `the history has events #0 to #${count - 1}`;
  return engineError('no-such-event', `There is no event #${seq}: ${range}. Select an event in the timeline and try again.`);
}

/**
 * The plan for an edit of `events`, or `no-such-event` when it names no event (or nothing to move
 * past). For an `http-framework` actor (`kind`), a new input must be a frame a client can send
 * (text or binary, `invalid-message` otherwise) and a connect or disconnect cannot be edited; a new
 * input carries no handler call of its own (`http`): the session finds it as it would for a send.
 */
export function planEdit(events: readonly ActorEvent[], edit: HistoryEdit, kind: ActorKind = 'websocket-server'): Result<EditPlan, EngineError> {
  const position = checkPosition(events.length, edit.seq);
  if (!position.ok) return position;
  const seq = position.value;
  const event = events[seq]!;
  const label = `before ${edit.kind} at #${seq}`;
  if (kind === 'http-framework' && (edit.kind === 'edit' || edit.kind === 'insert-after')) {
    const refused = httpFrameRefusal(edit.input);
    if (refused) return engineError('invalid-message', `${refused} The history was not changed.`);
    if (edit.kind === 'edit' && event.input && httpFrameRefusal(event.input)) {
      return engineError('invalid-message', `Event #${seq} is a client ${event.input.ty.tag === 'connect' ? 'connecting' : 'leaving'}, not a frame it sent: it cannot be edited into one. Insert a message after it instead.`);
    }
  }
  // A new input is no recorded call: the session works out the handler it goes to, as for a send.
  const { http: _recorded, ...again } = event;
  switch (edit.kind) {
    case 'edit':
      return ok({ from: seq, inputs: [{ ...again, input: edit.input, hostCalls: [] }, ...events.slice(seq + 1)], label });
    case 'delete':
      return ok({ from: seq, inputs: events.slice(seq + 1), label });
    case 'insert-after': {
      const inserted: ActorEvent = { ...again, kind: 'message', connectionId: edit.connectionId, input: edit.input, hostCalls: [] };
      return ok({ from: seq + 1, inputs: [inserted, ...events.slice(seq + 1)], label });
    }
    case 'move-later': {
      const next = events[seq + 1];
      if (!next) return engineError('no-such-event', `Event #${seq} is the last one: there is no later event to move it past.`);
      return ok({ from: seq, inputs: [next, event, ...events.slice(seq + 2)], label });
    }
    default: {
      const exhaustive: never = edit;
      return exhaustive;
    }
  }
}

/**
 * The plan for a fork at `seq`: keep the events up to and including it and continue live from
 * the state it left, the later events kept as a branch. `no-such-event` when `seq` names no event
 * or the last one (nothing follows it to keep).
 */
export function planFork(events: readonly ActorEvent[], seq: number): Result<EditPlan, EngineError> {
  const position = checkPosition(events.length, seq);
  if (!position.ok) return position;
  if (seq === events.length - 1) return engineError('no-such-event', `Event #${seq} is the last one: nothing follows it to fork away from.`);
  return ok({ from: seq + 1, inputs: [], label: `before fork at #${seq}` });
}

/** The branch numbered `id`, or `no-such-branch`. */
export function findBranch(branches: readonly Branch[], id: number): Result<Branch, EngineError> {
  const branch = branches.find((b) => b.id === id);
  return branch ? ok(branch) : engineError('no-such-branch', `There is no branch ${id}: it may have been switched to or the session replaced. Pick one from the Branches list.`);
}

/**
 * The branches after `action`: a kept history is numbered after the highest kept (branches
 * restored with a saved session keep their numbers, so a new one never takes an old one's); a
 * swap puts the history left behind in the switched-to branch's place, so switching back and forth
 * loses nothing. `no-such-branch` when a swap names no branch; the branches are never changed in
 * place.
 */
export function reduceBranches(branches: readonly Branch[], action: BranchAction): Result<Branch[], EngineError> {
  switch (action.kind) {
    case 'keep': {
      const id = branches.reduce((max, b) => Math.max(max, b.id), 0) + 1;
      return ok([...branches, { id, label: action.label, snapshot: action.snapshot }]);
    }
    case 'swap': {
      const found = findBranch(branches, action.id);
      if (!found.ok) return found;
      const left: Branch = { id: action.id, label: `switched away at ${action.current.events.length} events`, snapshot: action.current };
      return ok(branches.map((b) => (b.id === action.id ? left : b)));
    }
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}

/** How each re-run event of a rewrite from `from` compares with the event of `old` at its position. */
export function rewriteReportOf(old: readonly ActorEvent[], from: number, rerun: readonly ActorEvent[]): RewriteReport {
  const changes = rerun.map((event) => {
    const before = old[event.seq];
    const differences: Difference[] = before ? compareEvents(before, event) : [{ aspect: 'outcome', recorded: 'no event', replayed: 'new event' }];
    return { seq: event.seq, differences };
  });
  return { from, changes };
}
