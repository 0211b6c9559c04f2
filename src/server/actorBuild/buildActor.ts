import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, ok, type Result } from '../../core/result.ts';
import type { ActorBuildErrorCode } from '../../protocols/actorBuild.ts';
import { ACTOR_WORLD, checkActorExports, importPosition } from './actorExports.ts';
import { componentizeActor, parseComponentizeError, type ComponentizeFailure, type ComponentizeStage } from './componentize.mjs';


/** A source that did not build, and where (1-based, as an editor counts). */
export interface ActorBuildError {
  code: ActorBuildErrorCode;
  /** What to change, for a person: `syntax error: Unexpected token '}'`. */
  message: string;
  line: number;
  column: number;
  /**
   * The module the error is in when it is not the source itself but a file it imports (as the
   * build names it: relative to the module root, with a leading `/`); absent for the source.
   */
  file?: string;
}

/** A built actor. */
export interface BuiltActor {
  /** The component's bytes (about 1.5 MiB: QuickJS and the module's snapshot). */
  bytes: Uint8Array;
  /** The source exports no `actor`, so the build appended `DEFAULT_INIT`. */
  addedDefaultInit: boolean;
  /** Wall time of the build in milliseconds, waiting for another build included. */
  milliseconds: number;
}

/** What to build. */
export interface ActorBuildInput {
  /** The ES module's text, as componentize-qjs takes it (src/examples/echo/echo.js is one). */
  source: string;
  /**
   * The file the source is, when it is one: its relative imports resolve from it, under
   * `moduleRoot`. Absent for a source written in the page, which can import only the world's
   * `theater:simple/runtime`.
   */
  jsPath?: string;
  /** The folder the build may read imported modules from (default: `jsPath`'s folder). */
  moduleRoot?: string;
  /** The folder of `.wit` files (default: the repository's `wit/`). */
  witDir?: string;
}

/**
 * Appended to a source without an `actor` export. The page's host always calls `init`, so the
 * component must have one; this one keeps the state as it is. Declared under a name of its own
 * and exported as `actor`, so a source with an unexported `actor` of its own still builds; it
 * starts on a new line after the source, so the source's lines and columns stay as they were.
 */
export const DEFAULT_INIT = `
// Appended by the build: this module exports no \`actor\`, and the host always calls init.
const __theaterDefaultActor = { init(state) { return [state]; } };
export { __theaterDefaultActor as actor };
`;

const REPO_WIT = fileURLToPath(new URL('../../../wit', import.meta.url));

/** The name componentize-qjs gives a module it has no path for. */
const UNNAMED_ENTRY = 'componentize-qjs:user.js';

/**
 * Builds the standalone `.wasm` of one JavaScript actor against the world
 * `websocket-actor-with-init`, appending `DEFAULT_INIT` when the source exports no `actor`.
 * Builds in a process run one at a time (componentize.mjs). A mistake in the source is an
 * `ActorBuildError`; a failure of the tool itself (the WIT missing, the binding absent) throws.
 */
export async function buildActor(input: ActorBuildInput): Promise<Result<BuiltActor, ActorBuildError>> {
  const started = performance.now();
  const { source } = input;
  const exports = await checkActorExports(source);
  if (!exports.ok && exports.error.code !== 'syntax') return exports;
  if (!exports.ok) {
    // The lexer only knows that it is lost; QuickJS says what is wrong, and where.
    const quickjs = await componentizeSource(input, source);
    return quickjs.ok ? exports : quickjs;
  }
  const addedDefaultInit = !exports.value.hasActor;
  const built = await componentizeSource(input, addedDefaultInit ? `${source}${DEFAULT_INIT}` : source);
  if (!built.ok) return built;
  return ok({ bytes: built.value, addedDefaultInit, milliseconds: performance.now() - started });
}

/**
 * `file:line:col: message`, the form editors and terminals link to a place. `file` is the name to
 * give the place: the source's, or `error.file` made readable when the error is in an import.
 */
export function formatActorBuildError(file: string, error: ActorBuildError): string {
  return `${file}:${error.line}:${error.column}: ${error.message}`;
}

async function componentizeSource(input: ActorBuildInput, jsSource: string): Promise<Result<Uint8Array, ActorBuildError>> {
  const moduleRoot = input.jsPath === undefined ? undefined : (input.moduleRoot ?? dirname(input.jsPath));
  try {
    return ok(await componentizeActor({ witDir: input.witDir ?? REPO_WIT, world: ACTOR_WORLD, jsSource, jsPath: input.jsPath, moduleRoot }));
  } catch (error) {
    const read = parseComponentizeError(error);
    // Not a mistake in the source (the WIT missing, the binding absent): the caller's to report.
    if (read.stage === 'other') throw error;
    const entry = input.jsPath === undefined || moduleRoot === undefined ? UNNAMED_ENTRY : `/${relative(moduleRoot, input.jsPath)}`;
    return fail(await readError(read, CODE_OF[read.stage], input.source, entry));
  }
}

const CODE_OF: Record<Exclude<ComponentizeStage, 'other'>, ActorBuildErrorCode> = { syntax: 'syntax', import: 'import', 'top-level': 'top-level' };

/** componentize-qjs's error as a message a person can act on, at the place it is about. */
async function readError(read: ComponentizeFailure, code: ActorBuildErrorCode, source: string, entry: string): Promise<ActorBuildError> {
  const message = messageFor(code, read.message);
  if (read.location !== null) {
    const { path, line, column } = read.location;
    return { code, message, line, column, ...(path === entry ? {} : { file: path }) };
  }
  // An import that failed to link names its module but no place: the import statement is the place.
  const specifier = /module '([^']+)'/.exec(read.message)?.[1];
  const at = specifier === undefined ? null : await importPosition(source, specifier);
  return { code, message, ...(at ?? { line: 1, column: 1 }) };
}

function messageFor(code: ActorBuildErrorCode, message: string): string {
  switch (code) {
    case 'syntax':
      return `syntax error: ${message}`;
    case 'import':
      return message.includes('requires js_path')
        ? `${message.replace(/: filesystem module not found.*$/, '')}: an actor written in the page is one module, and can import only 'theater:simple/runtime'`
        : `${message} (the world ${ACTOR_WORLD} gives 'theater:simple/runtime' with \`log\` and \`shutdown\`)`;
    case 'top-level':
      return `the module's top-level code threw while it was built (the build runs it once): ${message}`;
    case 'exports':
      return message;
  }
}
