import { historyFileOf, isGzip, isWasmFile } from '../../core';

/**
 * What a file a person chose or dropped to load holds: a session file (the file, to import as it
 * streams in), a chain (with its text, to import it) or something to load as a component, which is
 * anything else: loading names what a non-component is (a PNG, a core module, an empty file), and
 * reports a file it cannot read.
 */
export type FileKind = { kind: 'session'; file: Blob } | { kind: 'chain'; text: string } | { kind: 'component' };

const component: FileKind = { kind: 'component' };

/**
 * Tells a chain or a session file from a component without reading a component whole: its first
 * four bytes decide (`\0asm` a component, gzip's magic a session file), and only a file that is
 * neither is read as text.
 */
export async function fileKindOf(file: Blob): Promise<FileKind> {
  try {
    const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
    if (isWasmFile(head)) return component;
    if (isGzip(head)) return { kind: 'session', file };
    const text = await file.text();
    const kind = historyFileOf(text);
    return kind === 'session' ? { kind, file } : kind === 'chain' ? { kind, text } : component;
  } catch {
    // A file that cannot be read: loading it reports why, as it always has.
    return component;
  }
}
