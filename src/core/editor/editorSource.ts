import { ByteReader, MalformedWasm } from '../wasm/byteReader';

/**
 * An Editor actor is a real component file: the Editor's QuickJS host component
 * (`public/actors/editor-host.wasm`) with the learner's source appended as a custom section of
 * this name (component binary format: section id 0, a name, then any bytes, allowed anywhere).
 * So the source travels wherever the bytes do (saved and exported sessions, reloads, replays
 * against it) and its SHA-256 tells one edit from another, while the host part, which jco
 * transpiles and the browser compiles, stays the same for every edit (cacheKeyBytes).
 */
export const EDITOR_SOURCE_SECTION = 'playground:editor-source';

/** What an Editor actor's bytes hold: the source (UTF-8) and where the host component ends. */
export interface EditorSource {
  source: string;
  /** The length of the host component before the source's section, in bytes. */
  hostLength: number;
}

const encoder = new TextEncoder();

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/**
 * `host` (a component's bytes, with or without an earlier source) with `source` as its last
 * section: the component an edit makes. An earlier source section is replaced, not stacked.
 */
export function withEditorSource(host: Uint8Array, source: string): Uint8Array {
  const base = host.subarray(0, editorSourceOf(host)?.hostLength ?? host.length);
  const name = encoder.encode(EDITOR_SOURCE_SECTION);
  const payload = encoder.encode(source);
  const content = [...uleb(name.length), ...name];
  const size = content.length + payload.length;
  const header = [0, ...uleb(size)];
  const out = new Uint8Array(base.length + header.length + content.length + payload.length);
  out.set(base, 0);
  out.set(header, base.length);
  out.set(content, base.length + header.length);
  out.set(payload, base.length + header.length + content.length);
  return out;
}

/**
 * The source an Editor actor's bytes carry, when their last top-level section is the Editor's
 * (undefined for every other file, and for bytes too damaged to walk: those fail later, at load,
 * with the loader's own message). Walks the top-level section headers only: a few dozen reads.
 */
export function editorSourceOf(bytes: Uint8Array): EditorSource | undefined {
  try {
    const reader = new ByteReader(bytes, 8);
    let last: { start: number; id: number; contentStart: number; end: number } | undefined;
    while (!reader.done) {
      const start = reader.at;
      const id = reader.u8();
      const size = reader.u32();
      const contentStart = reader.at;
      reader.take(size);
      last = { start, id, contentStart, end: reader.at };
    }
    if (!last || last.id !== 0) return undefined;
    const section = new ByteReader(bytes, last.contentStart, last.end);
    if (section.name() !== EDITOR_SOURCE_SECTION) return undefined;
    return { source: new TextDecoder('utf-8', { fatal: true }).decode(section.take(last.end - section.at)), hostLength: last.start };
  } catch (error) {
    if (error instanceof MalformedWasm || error instanceof TypeError) return undefined;
    throw error;
  }
}

/**
 * The bytes whose SHA-256 keys a component's transpiled and compiled forms: an Editor actor's
 * host part (every edit shares it, so an edit loads without jco), else the whole file.
 */
export function cacheKeyBytes(bytes: Uint8Array): Uint8Array {
  const editor = editorSourceOf(bytes);
  return editor ? bytes.subarray(0, editor.hostLength) : bytes;
}
