import { ClippedText } from '../ClippedText';
import { formatSize, hexPreview } from '../format';
import type { Payload } from './payload';

/**
 * A message's content: text as written (a long one cut, with its size and `Show all`); anything
 * else named by its kind, with bytes as their size and a hex preview (bytes have no text form, and
 * a huge payload must not swamp the transcript).
 */
export function MessageContent({ payload }: { payload: Payload }) {
  const { tag, name, text, data } = payload;
  if (tag === 'text' && text !== undefined) return <ClippedText className="msg__text" text={text} />;
  return (
    <span className="msg">
      <span className="msg__tag">{tag}</span>
      {name !== undefined && (
        <>
          {' '}
          <code className="msg__name">{JSON.stringify(name)}</code>
        </>
      )}
      {text !== undefined && (
        <>
          {' '}
          <ClippedText className="msg__text" text={text} />
        </>
      )}
      {data !== undefined && (
        <>
          {' '}
          <span className="msg__size">{formatSize(data.length)}</span>
          {data.length > 0 && (
            <>
              {' '}
              <code className="msg__hex">{hexPreview(data)}</code>
            </>
          )}
        </>
      )}
    </span>
  );
}
