import { useState } from 'react';
import { decodeUtf8, switchText, toBase64, toHex, utf8, type ActorEvent, type BridgeFrame } from '../../core';
import { closeExplanation } from '../../store';
import { formatClock, formatSize } from '../../ui/format';
import { Tabs } from '../../ui/layout/Tabs';
import { CopyButton } from './CopyButton';
import { SectionHead } from './SectionHead';

/** How much of a payload each view writes out: the copy buttons carry all of it. */
const SHOWN_BYTES = 16 * 1024;
const HEX_ROW = 16;

/** The payload's two readings, as a frames panel offers them. */
type PayloadView = 'text' | 'hex';

/**
 * A bridge frame in full, as a WebSocket frames panel shows it: which way, what opcode, how big,
 * when, to which endpoint, and its payload as text and hex. No call, result or state: the actor
 * took no part in it.
 */
export function FrameView({ event, frame }: { event: ActorEvent; frame: BridgeFrame }) {
  return (
    <>
      <dl className="facts inspector__facts" aria-label="Frame">
        <dt>Direction</dt>
        <dd>{directionText(frame)}</dd>
        <dt>Opcode</dt>
        <dd>
          <code>{frame.opcode}</code>
          {frame.opcode === 'open' && <span className="inspector__muted"> the connection opened (a handshake, not a frame)</span>}
          {frame.opcode === 'switch' && <span className="inspector__muted"> {switchText(frame)} (the playground's, not a frame)</span>}
        </dd>
        <dt>Size</dt>
        <dd>{`${frame.size.toLocaleString('en-US')} bytes`}</dd>
        <dt>Time</dt>
        <dd>{`${formatClock(event.startedAt)}.${String(Math.floor(event.startedAt) % 1000).padStart(3, '0')}`}</dd>
        <dt>Endpoint</dt>
        <dd>
          bridge #{frame.bridgeNumber} <code>{frame.endpoint}</code>
        </dd>
        {frame.opcode === 'close' && (
          <>
            <dt>Close</dt>
            <dd>{closeExplanation(frame.closeCode ?? 1005, frame.closeReason ?? '')}</dd>
          </>
        )}
        {frame.shadow && (
          <>
            <dt>Shadow</dt>
            <dd className={frame.shadow.match ? undefined : 'inspector__failed'}>
              {frame.shadow.match ? 'the actor answered the same' : `differs: ${frame.shadow.detail ?? 'the frames differ'}`} (event #{frame.shadow.actorSeq})
            </dd>
          </>
        )}
      </dl>
      <p className="inspector__muted inspector__note">
        {frame.proxy
          ? `A frame between real client #${frame.proxy.client} and its upstream, through the playground's proxy (the ${frame.proxy.answering === 'actor' ? 'actor in the page' : 'upstream'} answered it then): this event is no call, and the state did not change.`
          : 'A frame exchanged with a real endpoint (bridge mode): the actor made no call, and its state did not change.'}
      </p>
      {/* Keyed by event: another frame opens in the view that suits its payload. */}
      {payloadOf(frame) && <PayloadSection key={event.seq} bytes={payloadOf(frame)!} />}
    </>
  );
}

function directionText(frame: BridgeFrame): string {
  const { proxy } = frame;
  if (proxy) {
    if (proxy.switched) return `the playground switched who answers real client #${proxy.client}`;
    if (frame.direction === 'sent') return `↑ sent by real client #${proxy.client}`;
    return proxy.actorAnswer ? `↓ sent to real client #${proxy.client} by the actor in the page` : '↓ received from the upstream';
  }
  return frame.direction === 'sent' ? '↑ sent to the endpoint' : '↓ received from the endpoint';
}

/** The bytes a frame carried; undefined when it carried none to show (an open, a close without reason). */
function payloadOf(frame: BridgeFrame): Uint8Array | undefined {
  if (frame.opcode === 'close') return frame.closeReason ? utf8(frame.closeReason) : undefined;
  if (frame.text !== undefined) return utf8(frame.text);
  return frame.data && frame.data.length > 0 ? frame.data : undefined;
}

/** The payload as text (when it is UTF-8) and as hex, with all of it to copy. */
function PayloadSection({ bytes }: { bytes: Uint8Array }) {
  const text = decodeUtf8(bytes);
  const [view, setView] = useState<PayloadView>(text === undefined ? 'hex' : 'text');
  const shown = bytes.subarray(0, SHOWN_BYTES);
  const cut = bytes.length > SHOWN_BYTES && <p className="inspector__muted inspector__note">The first {formatSize(SHOWN_BYTES)} of {formatSize(bytes.length)}: copy it for all of it.</p>;
  const tabs = [
    ...(text === undefined
      ? []
      : [
          {
            id: 'text' as const,
            label: 'Text',
            content: (
              <>
                <pre className="wave">{text.slice(0, SHOWN_BYTES)}</pre>
                {cut}
              </>
            ),
          },
      ]),
    {
      id: 'hex' as const,
      label: 'Hex',
      content: (
        <>
          <pre className="wave frame-hex">{hexDump(shown)}</pre>
          {cut}
        </>
      ),
    },
  ];
  return (
    <section className="inspector__section" aria-label="Payload">
      <SectionHead title="Payload">
        {text !== undefined && <CopyButton label="Copy payload as text" text={() => text} />}
        <CopyButton label="Copy payload as hex" text={() => toHex(bytes)}>
          hex
        </CopyButton>
        <CopyButton label="Copy payload as base64" text={() => toBase64(bytes)}>
          base64
        </CopyButton>
      </SectionHead>
      <Tabs<PayloadView> label="Payload view" tabs={tabs} selected={view} onSelect={setView} />
    </section>
  );
}

/** Offset, sixteen bytes in hex, and the same bytes as ASCII, a row per line (as `xxd` writes them). */
function hexDump(bytes: Uint8Array): string {
  const rows: string[] = [];
  for (let at = 0; at < bytes.length; at += HEX_ROW) {
    const row = bytes.subarray(at, at + HEX_ROW);
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${at.toString(16).padStart(8, '0')}  ${hex.padEnd(HEX_ROW * 3 - 1)}  ${ascii}`);
  }
  return rows.join('\n');
}
