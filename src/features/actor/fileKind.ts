import { historyFileOf, isWasmFile, type HistoryFile } from '../../core';

/**
 * What a file a person chose or dropped to load holds: a history file (with its text, to import
 * it) or something to load as a component, which is anything else: loading names what a
 * non-component is (a PNG, a core module, an empty file), and reports a file it cannot read.
 */
export type FileKind = { kind: HistoryFile; text: string } | { kind: 'component' };

const component: FileKind = { kind: 'component' };

/**
 * Tells a chain or a session file from a component without reading a component whole: its first
 * four bytes decide (`\0asm`), and only a file that is not WebAssembly is read as text.
 */
export async function fileKindOf(file: Blob): Promise<FileKind> {
  try {
    if (isWasmFile(new Uint8Array(await file.slice(0, 4).arrayBuffer()))) return component;
    const text = await file.text();
    const kind = historyFileOf(text);
    return kind ? { kind, text } : component;
  } catch {
    // A file that cannot be read: loading it reports why, as it always has.
    return component;
  }
}
