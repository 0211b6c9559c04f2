import { useId, type ChangeEvent } from 'react';
import { usePlayground, type Draft } from '../../../store';
import { BYTE_ENCODINGS, isByteEncoding, type ByteEncoding } from '../draft';
import type { ComposerTarget } from '../composerSlice';
import { formatSize } from '../../../ui/format';

const LABELS = { hex: 'Hex', base64: 'Base64', file: 'File' } as const satisfies Record<ByteEncoding, string>;

/** How the bytes of a binary, ping or pong message are given: typed as hex or base64, or a file. */
export function BytesSource({ target, draft }: { target: ComposerTarget; draft: Draft }) {
  const editDraft = usePlayground((s) => s.editDraft);
  const attachFile = usePlayground((s) => s.attachFile);
  const name = useId();

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that choosing the same, changed file again reads it again.
    input.value = '';
    if (file) void attachFile(target, file);
  };

  return (
    <>
      <div className="segmented" role="radiogroup" aria-label="Bytes as">
        {BYTE_ENCODINGS.map((encoding) => (
          <label key={encoding} className={`segmented__option${draft.encoding === encoding ? ' segmented__option--on' : ''}`}>
            <input
              type="radio"
              name={name}
              value={encoding}
              checked={draft.encoding === encoding}
              onChange={(e) => {
                const chosen = e.currentTarget.value;
                if (isByteEncoding(chosen)) editDraft(target, { encoding: chosen });
              }}
            />
            {LABELS[encoding]}
          </label>
        ))}
      </div>
      {draft.encoding === 'file' && (
        <>
          <label className="button button--quiet compose__small file-button">
            Choose file
            <input type="file" className="visually-hidden" aria-label="Binary file" onChange={onFile} />
          </label>
          {draft.file && (
            <span className="compose__file">
              {draft.file.name} · {formatSize(draft.file.bytes.length)}
            </span>
          )}
        </>
      )}
    </>
  );
}
