import type { Role } from '../../ui/findByName';
import { openedConnection, remarked, replayed, sawFailure, selectedCall, sentOtherType, sentText, sentWithAnotherOpen, steppedBack, twoOpen, type TourMark, type TourView } from './tourGoals';

/** The tour's steps, in order: each is about one idea and one real control. */
export const TOUR_STEPS = ['connection', 'messages', 'state', 'failures', 'sender', 'time-travel', 'next'] as const;
export type TourStepId = (typeof TOUR_STEPS)[number];

/**
 * A control of the page by its role and accessible name, the names of the UI contract
 * (ARCHITECTURE.md): the tour points at what a person (and a screen reader) knows them by.
 */
export interface TourTarget {
  role: Role;
  name: string;
}

/** Something the person does on the real page, checked against the store after every change. */
export interface TourGoal {
  id: string;
  /** What to do, as the card's checklist says it. */
  label: string;
  /** The control to do it with, highlighted while this goal is the next one to meet. */
  target?: TourTarget;
  /** A goal the step does not wait for: ticked when met, but Next is the way on. */
  optional?: boolean;
  met(state: TourView, mark: TourMark): boolean;
}

/** One step: its title, the control it is about and the goals it waits for. */
export interface TourStep {
  id: TourStepId;
  title: string;
  /** Highlighted once every goal is met (or for a step with none). */
  target: TourTarget;
  goals: readonly TourGoal[];
}

const NEW_CONNECTION: TourTarget = { role: 'button', name: 'New connection' };

/** The steps' facts; what each says is `TourStepText.tsx`'s. */
export const TOUR: Readonly<Record<TourStepId, TourStep>> = {
  connection: {
    id: 'connection',
    title: 'Open a connection',
    target: NEW_CONNECTION,
    goals: [{ id: 'opened', label: 'Press New connection', target: NEW_CONNECTION, met: openedConnection }],
  },
  messages: {
    id: 'messages',
    title: 'Send each kind of message',
    target: { role: 'combobox', name: 'Message type' },
    goals: [
      { id: 'text', label: 'Send a text message', target: { role: 'textbox', name: 'Message' }, met: sentText },
      { id: 'other', label: 'Send a binary message or a ping (Message type)', target: { role: 'combobox', name: 'Message type' }, met: sentOtherType },
    ],
  },
  state: {
    id: 'state',
    title: 'Where the state lives',
    // The Inspector's State section, once an event is picked: the step waits for Next, so there is
    // time to read the states before and after.
    target: { role: 'region', name: 'State' },
    goals: [{ id: 'selected', label: 'Pick an event in the Timeline, read its state in the Inspector, then press Next', target: { role: 'list', name: 'Timeline' }, optional: true, met: selectedCall }],
  },
  failures: {
    id: 'failures',
    title: 'A failed call commits nothing',
    target: { role: 'list', name: 'Timeline' },
    goals: [{ id: 'failed', label: 'Optional: make a call fail (the faulty example, message err)', optional: true, met: sawFailure }],
  },
  sender: {
    id: 'sender',
    title: 'Answers go to the sender only',
    target: NEW_CONNECTION,
    goals: [
      { id: 'two', label: 'Have two connections open (New connection)', target: NEW_CONNECTION, met: twoOpen },
      { id: 'sent', label: 'Send a message from one of them', target: { role: 'textbox', name: 'Message' }, met: sentWithAnotherOpen },
    ],
  },
  'time-travel': {
    id: 'time-travel',
    title: 'Step back and replay',
    target: { role: 'button', name: 'Replay' },
    goals: [
      { id: 'back', label: 'Press Step back', target: { role: 'button', name: 'Step back' }, met: steppedBack },
      { id: 'replay', label: 'Press Replay', target: { role: 'button', name: 'Replay' }, met: replayed },
    ],
  },
  next: {
    id: 'next',
    title: 'Where to go next',
    target: { role: 'tab', name: 'Interface' },
    goals: [],
  },
};

/** The goals of `step` met now, added to those met before (a goal once met stays met: Replay may move the cursor on again). */
export function metGoals(step: TourStepId, state: TourView, mark: TourMark, before: readonly string[]): string[] {
  const since = remarked(state, mark);
  return TOUR[step].goals.filter((goal) => before.includes(goal.id) || goal.met(state, since)).map((goal) => goal.id);
}

/** Whether the step is done: every goal it waits for is met (a step that waits for none never finishes by itself). */
export function stepDone(step: TourStepId, met: readonly string[]): boolean {
  const required = TOUR[step].goals.filter((goal) => !goal.optional);
  return required.length > 0 && required.every((goal) => met.includes(goal.id));
}

/** The control to highlight: the next goal's, else the step's own. */
export function targetOf(step: TourStepId, met: readonly string[]): TourTarget {
  const next = TOUR[step].goals.find((goal) => !met.includes(goal.id) && goal.target);
  return next?.target ?? TOUR[step].target;
}
