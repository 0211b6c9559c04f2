import type { Slice } from './context';

/** Page-only state that is not about the actor. */
export interface UiSlice {
  /** A file is being dragged over the page. */
  dragging: boolean;
  setDragging(dragging: boolean): void;
}

export const createUiSlice = (): Slice<UiSlice> => (set) => ({
  dragging: false,
  setDragging(dragging) {
    set({ dragging });
  },
});
