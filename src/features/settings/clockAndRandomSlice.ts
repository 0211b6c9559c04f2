import type { WasiSettings } from '../../core';
import type { Slice, StoreContext } from '../../store/context';

/** The server settings for WASI's clocks and random (core/wasiSettings.ts), chosen for the next load or restart. */
export interface ClockAndRandomSlice {
  /** What the next load or restart runs under (the client's: an imported or reopened session brings its own). */
  wasiSettings: WasiSettings;
  /** What the loaded actor runs under: the settings its history was recorded with. */
  runningWasiSettings: WasiSettings;
  /** Chooses the settings for the next load or restart; the running actor keeps its own. */
  setWasiSettings(settings: WasiSettings): void;
  /** Reads both from the client again (the dialog does when it opens: a load or an import may have changed them). */
  refreshWasiSettings(): void;
}

export const createClockAndRandomSlice =
  ({ client }: StoreContext): Slice<ClockAndRandomSlice> =>
  (set) => ({
    wasiSettings: client.wasi,
    runningWasiSettings: client.runningWasi,
    setWasiSettings(settings) {
      client.setWasi(settings);
      set({ wasiSettings: settings });
    },
    refreshWasiSettings() {
      set({ wasiSettings: client.wasi, runningWasiSettings: client.runningWasi });
    },
  });

// This slice's part of the store's state (see store/playgroundState.ts).
declare module '../../store/playgroundState' {
  interface PlaygroundState extends ClockAndRandomSlice {}
}
