import { hostCallText, isLogCall, logsOf, wasiSourceText, type ActorEvent, type HostCall } from '../../core';
import { ClippedText } from '../../ui/ClippedText';
import { CopyButton } from './CopyButton';
import { SectionHead } from './SectionHead';
import { LOG_SECTION_ID } from './TrapNote';
import { Term } from '../../ui/term/Term';

/** Long values are cut here; each call's Copy button gives all of it. */
const INSPECTOR_TEXT = { maxBytes: 16, maxChars: 1000 };

/** What the actor asked of its host during the call: its log lines, then every other import it called. */
export function HostCallsSection({ event }: { event: ActorEvent }) {
  const logs = logsOf(event.hostCalls);
  const calls = event.hostCalls.filter((call) => !isLogCall(call));
  return (
    <>
      {/* Focusable so a trap's "Show the actor's log" can take the reader here. */}
      <section className="inspector__section" aria-label="Logs" id={LOG_SECTION_ID} tabIndex={-1}>
        <SectionHead title={<>Logs <span className="count">{logs.length}</span></>}>
          {logs.length > 0 && <CopyButton label="Copy logs as text" text={() => logs.join('\n')} />}
        </SectionHead>
        {logs.length === 0 ? (
          <p className="empty">Nothing logged.</p>
        ) : (
          <ol className="inspector__list inspector__logs">
            {logs.map((line, i) => (
              <li key={i}>
                <ClippedText text={line} />
              </li>
            ))}
          </ol>
        )}
      </section>
      {calls.length > 0 && (
        <section className="inspector__section" aria-label="Host calls">
          <SectionHead title={<>Host calls <span className="count">{calls.length}</span></>} />
          <ol className="inspector__list">
            {calls.map((call, i) => (
              <li key={i} className="inspector__item inspector__row">
                <code className="wave wave--inline">{hostCallText(call, INSPECTOR_TEXT)}</code>
                {call.written && (
                  <span className="tag" title="Read from a Theater chain: its input and output as the chain wrote them, in JSON">
                    as written
                  </span>
                )}
                {call.wasi !== undefined && (
                  <span className="tag" title="Answered by the playground's WASI, recorded: a replay gives the actor this answer again">
                    recorded WASI ({wasiSourceText(call.wasi)})
                  </span>
                )}
                {call.stubbed && (
                  <span className="tag tag--warn">
                    <Term term="stubbed">stubbed</Term>
                  </span>
                )}
                <CopyButton label={`Copy host call ${i + 1} as JSON`} text={() => hostCallJson(call)} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

/** JSON has no bytes or bigints: bytes become arrays of numbers, bigints decimal strings. */
const hostCallJson = (call: HostCall): string =>
  JSON.stringify(call, (_key, value: unknown) => (value instanceof Uint8Array ? Array.from(value) : typeof value === 'bigint' ? value.toString() : value), 2);
