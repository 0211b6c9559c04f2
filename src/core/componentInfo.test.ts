import { describe, expect, it } from 'vitest';
import { isRuntimeInternalExport } from './componentInfo';

describe('runtime-internal exports', () => {
  it('are the bare functions a language runtime adds, not interfaces of the same name', () => {
    expect(isRuntimeInternalExport({ name: 'init', kind: 'function' })).toBe(true);
    expect(isRuntimeInternalExport({ name: 'theater:simple/actor', kind: 'interface' })).toBe(false);
    expect(isRuntimeInternalExport({ name: 'handle', kind: 'function' })).toBe(false);
    expect(isRuntimeInternalExport({ name: 'toString', kind: 'function' })).toBe(false);
  });
});
