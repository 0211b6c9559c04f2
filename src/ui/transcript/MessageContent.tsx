import { formatSize, hexPreview } from '../format';
import type { Payload } from './payload';

/**
 * A message's content: text as written; anything else named by its kind, with bytes as their size
 * and a hex preview (bytes have no text form, and a huge payload must not swamp the transcript).
 */
export function MessageContent({ payload }: { payload: Payload }) {
  const { tag, name, text, data } = payload;
  if (tag === 'text' && text !== undefined) return <span className="msg__text">{text}</span>;
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
          <span className="msg__text">{text}</span>
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
