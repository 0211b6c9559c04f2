/** What one JavaScript actor is built from. */
export interface ComponentizeOptions {
  /** The folder of `.wit` files (the repository's `wit/`). */
  witDir: string;
  /** The world in `witDir` the component targets, e.g. `websocket-actor-with-init`. */
  world: string;
  /** The ES module's text: what is built (it may differ from the file at `jsPath`). */
  jsSource: string;
  /**
   * The file the source stands for: its relative imports resolve from it and errors name it
   * (relative to `moduleRoot`, with a leading `/`). Without it the module can import only the
   * world's interfaces, and errors name it `componentize-qjs:user.js`.
   */
  jsPath?: string;
  /** The folder the build may read imported modules from; errors name files relative to it. */
  moduleRoot?: string;
  /** Keep the component's WASI imports instead of stubbing them (an actor that uses WASI). */
  wasi?: boolean;
}

/**
 * Builds a component with componentize-qjs (`sync: true`, WASI stubbed unless `wasi`). Builds in
 * one process run one at a time, in call order: the native binding is not safe to enter twice.
 * Rejects with componentize-qjs's error (read it with `parseComponentizeError`).
 */
export function componentizeActor(options: ComponentizeOptions): Promise<Uint8Array>;

/** The step of the build that failed: parsing, linking the imports, running top-level code, or else. */
export type ComponentizeStage = 'syntax' | 'import' | 'top-level' | 'other';

/** componentize-qjs's error, read. */
export interface ComponentizeFailure {
  stage: ComponentizeStage;
  /** QuickJS's message without the build's prefixes, e.g. `Unexpected token '}'`. */
  message: string;
  /** Where QuickJS points, 1-based, with the path as the build names it; null when it says nowhere (an import's missing export). */
  location: { path: string; line: number; column: number } | null;
}

/** Reads what `componentizeActor` rejected with (any thrown value). */
export function parseComponentizeError(error: unknown): ComponentizeFailure;
