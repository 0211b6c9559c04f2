import { readLocal, writeLocal } from '../../store/localSetting';
import { TOUR_STEPS, type TourStepId } from './tourSteps';

/** Where the tour stands across visits: running at a step, left at one, or finished. */
export const TOUR_STATUSES = ['open', 'left', 'finished'] as const;
export type TourStatus = (typeof TOUR_STATUSES)[number];

export interface TourProgress {
  status: TourStatus;
  step: TourStepId;
}

const KEY = 'theater-playground.tour';

const isStep = (value: unknown): value is TourStepId => typeof value === 'string' && (TOUR_STEPS as readonly string[]).includes(value);
const isStatus = (value: unknown): value is TourStatus => typeof value === 'string' && (TOUR_STATUSES as readonly string[]).includes(value);

/** Reads a stored progress; anything unreadable (an older shape, hand edits) counts as none. */
export function parseTourProgress(text: string | null): TourProgress | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { status, step } = value as Record<string, unknown>;
    return isStatus(status) && isStep(step) ? { status, step } : null;
  } catch {
    return null;
  }
}

/** The progress of an earlier visit; null on a first visit (every visit is one when nothing can be remembered). */
export const readTourProgress = (): TourProgress | null => parseTourProgress(readLocal(KEY));

/** Remembers the progress, so a reload comes back to the same step and a left tour is not offered again. */
export const writeTourProgress = (progress: TourProgress): void => writeLocal(KEY, JSON.stringify(progress));
