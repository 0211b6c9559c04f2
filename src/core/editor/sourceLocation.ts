// Kept apart from editorModule.ts, which loads sucrase: the page reads locations on every
// render and loads the transform only when a source is run.

/** Where a source failed: 1-based line and column, as an editor shows them. */
export interface SourceLocation {
  line: number;
  column: number;
}

/** A source that does not parse, with the parser's message. */
export interface SourceError extends SourceLocation {
  message: string;
}

/**
 * Where QuickJS says an error thrown in an Editor actor's source happened: the first frame of its
 * stack in the evaluated body (`at handleMessage (<input>:12:7)`). The host evaluates the body with
 * `new Function('exports', 'require', body)`, which puts the body's first line on line 3.
 */
export function thrownAt(stack: string): SourceLocation | undefined {
  const frame = /<input>:(\d+):(\d+)/.exec(stack);
  if (!frame) return undefined;
  const line = Number(frame[1]) - 2;
  return line >= 1 ? { line, column: Number(frame[2]) } : undefined;
}
