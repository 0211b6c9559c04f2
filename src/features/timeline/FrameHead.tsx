import type { ReactNode } from 'react';
import { switchText, type BridgeFrame } from '../../core';
import { formatSize, hexPreview } from '../../ui/format';

/** A row shows the start of a payload; the Inspector shows all of it. */
const PREVIEW_CHARS = 120;

/** Which way the frame went, as an arrow for the eye and a word for screen readers. */
const FRAME_ARROWS = { sent: '↑', received: '↓' } as const;

/** What the frame carried, in a row's words: the text, the first bytes, or the close code and reason. */
function framePreview(frame: BridgeFrame): string {
  switch (frame.opcode) {
    case 'open':
      return `connected to ${frame.endpoint}`;
    case 'close':
      return frame.closeCode === undefined ? 'no close code' : `${frame.closeCode}${frame.closeReason ? ` ${JSON.stringify(frame.closeReason)}` : ''}`;
    case 'text': {
      const text = frame.text ?? '';
      return JSON.stringify(text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text);
    }
    case 'switch':
      return switchText(frame);
    case 'binary':
    case 'ping':
    case 'pong':
      return frame.data && frame.data.length > 0 ? hexPreview(frame.data, 16) : '(empty)';
    default: {
      const exhaustive: never = frame.opcode;
      return exhaustive;
    }
  }
}

/**
 * A bridge frame's row head, as a WebSocket frames panel shows one: direction, opcode, payload,
 * size and time, under its bridge connection. No outcome, state or duration: it was no call.
 */
export function FrameHead({ seq, frame, time }: { seq: number; frame: BridgeFrame; time: ReactNode }) {
  const preview = framePreview(frame);
  return (
    <div className="timeline-row__head">
      <span className="timeline-row__seq">#{seq}</span>{' '}
      <span className={`frame-arrow frame-arrow--${frame.direction}`} aria-hidden="true">
        {FRAME_ARROWS[frame.direction]}
      </span>
      <span className="visually-hidden">{frame.direction}</span>{' '}
      <span className="timeline-row__connection" title={frame.endpoint}>
        bridge #{frame.bridgeNumber}
      </span>{' '}
      <span className="frame-opcode">{frame.opcode}</span>{' '}
      <span className="timeline-row__input" title={preview}>
        {preview}
      </span>{' '}
      <span className="timeline-row__duration" title="payload size on the wire">
        {formatSize(frame.size)}
      </span>{' '}
      {time}{' '}
    </div>
  );
}
