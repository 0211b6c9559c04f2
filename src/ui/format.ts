import { clipText, describeMessage, toHex, type WireOutcome } from '../core';

/** Sizes as people read them; the core's, which its one-line descriptions use too. */
export { formatSize } from '../core';

/** Calls take microseconds to seconds: keep two significant places where it matters. */
/** `n` and its noun, in the plural unless one: "1 exchange", "2 exchanges", "2 mismatches" (with `many`). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function formatDuration(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Bytes as spaced hex, cut short so one huge payload cannot swamp a transcript. */
export function hexPreview(bytes: Uint8Array, maxBytes = 32): string {
  const shown = toHex(bytes.subarray(0, maxBytes)).replace(/(..)(?!$)/g, '$1 ');
  return bytes.length > maxBytes ? `${shown} … (${bytes.length} bytes)` : shown;
}

/** What the client received for one response, or, for a dropped one, what the actor meant to send; texts cut past `maxChars`. */
export function responseBody(response: WireOutcome, maxChars = Infinity): string {
  const frame = response.frame;
  if (!frame) return describeMessage(response.message, { maxChars });
  switch (frame.frame) {
    case 'text':
      return clipText(frame.text, maxChars);
    case 'binary':
      return frame.data.length === 0 ? 'binary (empty)' : `binary ${hexPreview(frame.data)}`;
    case 'close':
      return 'close frame';
    case 'ping':
    case 'pong':
      return frame.data.length === 0 ? frame.frame : `${frame.frame} ${hexPreview(frame.data)}`;
    default: {
      const exhaustive: never = frame;
      return exhaustive;
    }
  }
}

/** A wall-clock time to the second (24-hour, local), as chat apps stamp their messages. */
export function formatClock(epochMs: number): string {
  const time = new Date(epochMs);
  return [time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/** Said where an event's duration and time would be when it has none (`timesRecorded`). */
export const NO_TIMES = "not recorded: Theater's chain entries carry no times";

/** What a read-only event is, said wherever one is marked (the timeline's tag, the Inspector). */
export const READ_ONLY_NOTE = 'from an imported Theater chain: shown, not replayable';
