import type { ChangeEvent } from 'react';
import { usePlayground } from '../../../store';

/** The file input. Clearing it after each pick lets a person reload the same, rebuilt file. */
export function LoadActor() {
  const loadFile = usePlayground((s) => s.loadFile);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (file) void loadFile(file);
  };
  return (
    <label className="button button--primary file-button">
      Load actor
      <input className="visually-hidden" type="file" accept=".wasm,application/wasm" onChange={onChange} />
    </label>
  );
}
