import { useState } from 'react';
import { usePlayground } from '../../store';

/** Offsets are written as the hex view writes them: hexadecimal, `0x` optional. */
const parseOffset = (text: string): number | undefined => {
  const match = /^\s*(?:0x)?([0-9a-f]{1,8})\s*$/i.exec(text);
  return match ? Number.parseInt(match[1]!, 16) : undefined;
};

/** "Which event last wrote the byte at this offset?": an offset in, the Inspector moves to that event. */
export function ByteTrace({ size }: { size: number }) {
  const traceChange = usePlayground((s) => s.traceChange);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="hex__trace"
      onSubmit={(e) => {
        e.preventDefault();
        const offset = parseOffset(text);
        if (offset === undefined || offset >= size) {
          setProblem(offset === undefined ? 'Write the offset in hex, as in the offset column (for example 1a).' : `The states are ${size} bytes long: the last offset is ${(size - 1).toString(16)}.`);
          return;
        }
        setProblem(null);
        traceChange({ kind: 'byte', offset }, `byte 0x${offset.toString(16)}`);
      }}
    >
      <label>
        Byte offset <input className="hex__trace-input" value={text} onChange={(e) => setText(e.target.value)} placeholder="hex" size={8} spellCheck={false} aria-invalid={problem !== null} />
      </label>{' '}
      <button type="submit" className="button inspector__small">
        Find last change
      </button>
      {problem && (
        <span className="inspector__failed" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
