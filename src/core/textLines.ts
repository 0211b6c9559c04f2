import { isGzip } from './bytes';

/**
 * A file's lines as they arrive, never its whole text as one string: the bytes are gunzipped on
 * the way when they start with gzip's magic number (1f 8b), decoded as UTF-8 and cut at each
 * `\n`. What the stream throws (a damaged or cut gzip stream, a file that can no longer be read)
 * is thrown by the iteration, with `compressed` telling which kind of file it was.
 */
export class TextLines implements AsyncIterable<string> {
  /** Whether the bytes were gzip. Known once the first line was asked for. */
  compressed = false;

  constructor(private readonly bytes: ReadableStream<Uint8Array<ArrayBuffer>>) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    const reader = this.bytes.getReader();
    let first = await reader.read();
    // An empty first chunk says nothing about the format; a stream may send one.
    while (!first.done && first.value.length === 0) first = await reader.read();
    if (first.done) return;
    const head = first.value;
    this.compressed = isGzip(head);
    // The chunk already read goes first, then the rest of the stream as it comes.
    const rest = new ReadableStream<Uint8Array<ArrayBuffer>>({
      start: (controller) => controller.enqueue(head),
      pull: async (controller) => {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const plain = this.compressed ? rest.pipeThrough(new DecompressionStream('gzip')) : rest;
    const text = plain.pipeThrough(new TextDecoderStream()).getReader();
    // The pieces of the line being read: a line longer than a chunk (a version 1 file is one line) is joined once, not rescanned per chunk.
    let line: string[] = [];
    try {
      for (;;) {
        const chunk = await text.read();
        if (chunk.done) break;
        let start = 0;
        for (let end = chunk.value.indexOf('\n'); end !== -1; end = chunk.value.indexOf('\n', start)) {
          line.push(chunk.value.slice(start, end));
          yield line.join('');
          line = [];
          start = end + 1;
        }
        if (start < chunk.value.length) line.push(chunk.value.slice(start));
      }
    } finally {
      // A reader that stops early (a bad line) lets go of the file.
      void text.cancel().catch(() => undefined);
    }
    if (line.length > 0) yield line.join('');
  }
}
