import type { Slice } from '../../store/context';
import { markOf, remarked, type TourMark, type TourView } from './tourGoals';
import { readTourProgress, writeTourProgress, type TourStatus } from './tourProgress';
import { metGoals, stepDone, TOUR_STEPS, type TourStepId } from './tourSteps';

/** The guided first run: which step it is at, what of it the person has done, and whether it shows. */
export interface TourSlice {
  /** `open` shows the card; `left` and `finished` keep it closed until Help starts or resumes it. */
  tourStatus: TourStatus;
  /** The step shown, or the one the tour was left at. */
  tourStep: TourStepId;
  /** The ids of the step's goals met so far. */
  tourMet: string[];
  /** From the first step (Help's `Start tour`). */
  startTour(): void;
  /** From the step it was left at (Help's `Resume tour`). */
  resumeTour(): void;
  /** Closes the card and keeps the step, to resume later (`Leave tour`). */
  leaveTour(): void;
  /** Closes the card at the end. */
  finishTour(): void;
  /** Moves one step on or back (`Next`, `Back`); the last step's Next finishes. */
  moveTour(by: 1 | -1): void;
}

/** The store fields a goal reads: the tour checks its goals only when one of them changed. */
const WATCHED = ['events', 'eventCount', 'connections', 'cursor', 'replayRun'] as const satisfies readonly (keyof TourView)[];

/**
 * The tour's slice. It opens by itself on a first visit (nothing stored), and watches the store:
 * when what a step asks for happens on the page, the step ticks it off and, once all is done,
 * moves on by itself. Every change of step or status is stored, so a reload resumes it.
 */
export const createTourSlice = (): Slice<TourSlice> => (set, get, api) => {
  const stored = readTourProgress();
  const first = stored === null;
  // In memory only: after a reload, a step counts what the person does from then on.
  let mark: TourMark | null = null;

  const show = (status: TourStatus, step: TourStepId) => {
    writeTourProgress({ status, step });
    mark = markOf(get());
    set({ tourStatus: status, tourStep: step, tourMet: status === 'open' ? metGoals(step, get(), mark, []) : [] });
  };

  api.subscribe((state, previous) => {
    if (state.tourStatus !== 'open' || WATCHED.every((key) => state[key] === previous[key])) return;
    // A replaced history (a load, an import) starts the count again from what it holds.
    mark = remarked(state, mark ?? markOf(previous));
    const met = metGoals(state.tourStep, state, mark, state.tourMet);
    if (stepDone(state.tourStep, met)) {
      const index = TOUR_STEPS.indexOf(state.tourStep);
      show('open', TOUR_STEPS[Math.min(index + 1, TOUR_STEPS.length - 1)]!);
    } else if (met.length !== state.tourMet.length) {
      set({ tourMet: met });
    }
  });

  if (first) writeTourProgress({ status: 'open', step: TOUR_STEPS[0] });
  return {
    tourStatus: stored?.status ?? 'open',
    tourStep: stored?.step ?? TOUR_STEPS[0],
    tourMet: [],
    startTour() {
      show('open', TOUR_STEPS[0]);
    },
    resumeTour() {
      show('open', get().tourStep);
    },
    leaveTour() {
      show('left', get().tourStep);
    },
    finishTour() {
      show('finished', TOUR_STEPS[TOUR_STEPS.length - 1]!);
    },
    moveTour(by) {
      const index = TOUR_STEPS.indexOf(get().tourStep) + by;
      if (index >= TOUR_STEPS.length) get().finishTour();
      else show('open', TOUR_STEPS[Math.max(0, index)]!);
    },
  };
};

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends TourSlice {}
}
