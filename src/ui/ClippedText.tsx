import { useMemo, useState } from 'react';
import { clipText, formatSize, utf8Length } from '../core';
import './clippedText.css';

/**
 * How much of a long text a view shows at first: a few lines' worth, so a megabyte sent in one
 * message costs no more to lay out than a short one (see app/styles.css for why long tokens are dear).
 */
export const PREVIEW_CHARS = 1000;

interface Props {
  text: string;
  /** Characters shown until `Show all` is pressed. */
  limit?: number;
  /** The class of the text itself (how it wraps, its font). */
  className?: string;
}

/**
 * A text that may be huge (a message, a log line, an error): its start, then its size in UTF-8
 * and a `Show all` button that reveals the rest in a box of its own, scrolled and contained, so
 * the rest of the page is not laid out again with it.
 */
export function ClippedText({ text, limit = PREVIEW_CHARS, className }: Props) {
  const [all, setAll] = useState(false);
  const long = text.length > limit;
  const size = useMemo(() => (long ? formatSize(utf8Length(text)) : ''), [long, text]);
  if (!long) return <span className={className}>{text}</span>;
  return (
    <>
      <span className={`${className ?? ''}${all ? ' clipped--all' : ''}`}>{all ? text : clipText(text, limit)}</span>{' '}
      <span className="clipped__more">
        <span className="clipped__size">{size}</span>{' '}
        <button type="button" className="clipped__toggle" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show less' : 'Show all'}
        </button>
      </span>
    </>
  );
}
