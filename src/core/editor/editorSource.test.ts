import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bytesEqual } from '../bytes';
import { cacheKeyBytes, editorSourceOf, withEditorSource } from './editorSource';
import { editorModule } from './editorModule';
import { thrownAt } from './sourceLocation';

const host = new Uint8Array(readFileSync(fileURLToPath(new URL('../../../public/actors/echo.wasm', import.meta.url))));

describe('an Editor actor carries its source in its last custom section', () => {
  it('reads back every character, and an edit replaces the section instead of stacking one', () => {
    const source = 'export const websocketServer = {}; // é ✓ 🎭\n'.repeat(300);
    const first = withEditorSource(host, 'old');
    const edited = withEditorSource(first, source);
    expect(editorSourceOf(edited)).toEqual({ source, hostLength: host.length });
    // Compared as bytes: a deep equality of 1.6 MB arrays takes vitest seconds.
    expect(bytesEqual(cacheKeyBytes(edited), host)).toBe(true);
    expect(edited.length - host.length).toBe(withEditorSource(host, source).length - host.length);
  });

  it('finds no source in other components, truncated bytes or non-wasm bytes', () => {
    expect(editorSourceOf(host)).toBeUndefined();
    expect(cacheKeyBytes(host)).toBe(host);
    expect(editorSourceOf(withEditorSource(host, 'x').subarray(0, host.length + 5))).toBeUndefined();
    expect(editorSourceOf(new TextEncoder().encode('{"version":2}'))).toBeUndefined();
  });
});

describe('an Editor source as the host evaluates it', () => {
  it('keeps every line where it was', () => {
    const source = "import { log } from 'theater:simple/runtime';\n\nexport const websocketServer = {\n  handleMessage() { log('x'); },\n};\n";
    const module = editorModule(source);
    if (!module.ok) throw new Error(module.error.message);
    expect(module.value.split('\n').length).toBe(source.split('\n').length);
    expect(module.value.split('\n')[3]).toContain("log.call(void 0, 'x')");
    expect(module.value).toContain('exports.websocketServer = websocketServer');
  });

  it('gives a syntax error with its line and column', () => {
    const module = editorModule('export const websocketServer = {\n  handleMessage(state, [message]) {\n    return [state,;\n  },\n};\n');
    // The `;` after `[state,` is at line 3, column 19.
    expect(module.ok ? 'parsed' : module.error).toEqual({ line: 3, column: 19, message: 'Unexpected token' });
  });

  it('reads where QuickJS threw from its stack, on the source’s own lines', () => {
    expect(thrownAt("    at handleMessage (<input>:14:7)\n    at handleMessage (/src/examples/editor-host/editor-host.js:60:12)\n")).toEqual({ line: 12, column: 7 });
    expect(thrownAt('    at handleMessage (/src/examples/editor-host/editor-host.js:60:12)\n')).toBeUndefined();
  });
});
