import { useId, useState, type FormEvent } from 'react';
import { buildMessage, draftProblem, usePlayground } from '../../store';

const KINDS = ['text', 'binary'] as const;
type Kind = (typeof KINDS)[number];

/** Writes to a real endpoint: text as typed, binary as hex ("68 69"), checked as it is typed. */
export function BridgeComposer({ id, url, disabled }: { id: number; url: string; disabled: boolean }) {
  const send = usePlayground((s) => s.sendToEndpoint);
  const [kind, setKind] = useState<Kind>('text');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = useId();
  // What cannot be sent is said as it is typed, as the simulated clients' composer does.
  const invalid = draftProblem({ kind, body, other: '', encoding: 'hex' });
  const shown = invalid ?? problem;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const message = buildMessage({ kind, body, other: '', encoding: 'hex' });
    if (!message.ok) return setProblem(message.error.message);
    if (!send(id, message.value)) return setProblem('The connection is not open: reconnect first.');
    setProblem(null);
    setBody('');
  };

  return (
    <form className="bridge-compose" aria-label={`Composer for ${url}`} onSubmit={onSubmit}>
      <fieldset disabled={disabled}>
        <label className="visually-hidden" htmlFor={`${field}-kind`}>
          Message type
        </label>
        <select id={`${field}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k === 'binary' ? 'binary (hex)' : k}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${field}-body`}>
          Message
        </label>
        <input
          id={`${field}-body`}
          className="bridge-compose__body"
          autoComplete="off"
          spellCheck={false}
          placeholder={kind === 'binary' ? '68 69' : 'message'}
          value={body}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={shown ? `${field}-problem` : undefined}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <button type="submit" className="button button--primary" disabled={invalid !== null} aria-describedby={invalid ? `${field}-problem` : undefined}>
          Send
        </button>
      </fieldset>
      {shown && (
        <p id={`${field}-problem`} className="bridge-compose__problem" aria-live="polite">
          {shown}
        </p>
      )}
    </form>
  );
}
