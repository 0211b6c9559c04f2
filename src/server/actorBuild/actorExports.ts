import { init as lexerReady, parse } from 'es-module-lexer';
import { fail, ok, type Result } from '../../core/result.ts';

/** The world an in-page actor is built against: it imports `runtime`, exports `actor` and `websocket-server`. */
export const ACTOR_WORLD = 'websocket-actor-with-init';

/** The names componentize-qjs looks the world's exports up by (camelCase of the WIT names). */
const REQUIRED = 'websocketServer';
const OPTIONAL = 'actor';

/** What the source's exports say about its build. */
export interface ActorExports {
  /** Whether it exports `actor`: without it the build appends a default init. */
  hasActor: boolean;
}

/** What the exports check finds wrong, at the export (1-based); an `ActorBuildError` as buildActor.ts returns it. */
export interface ExportsProblem {
  code: 'syntax' | 'exports';
  message: string;
  line: number;
  column: number;
}

/** 1-based line and column of a UTF-16 offset in `source`. */
export function positionAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Where the module imports `specifier` (the statement's start), if it does. */
export async function importPosition(source: string, specifier: string): Promise<{ line: number; column: number } | null> {
  await lexerReady;
  try {
    const found = parse(source)[0].find((entry) => entry.n === specifier);
    return found ? positionAt(source, found.ss) : null;
  } catch {
    return null;
  }
}

/**
 * Checks the module's exports before the slow build: componentize-qjs builds a module that
 * exports nothing the world wants without a word, and the actor then traps on its first call. A
 * missing `websocketServer`, a default export or any name the world does not take (a typo such as
 * `websocketserver`) is an `exports` error at the export. A source the lexer cannot read is a
 * `syntax` error; the caller asks QuickJS for a better message first.
 */
export async function checkActorExports(source: string): Promise<Result<ActorExports, ExportsProblem>> {
  await lexerReady;
  let exports;
  try {
    exports = parse(source)[1];
  } catch (error) {
    const offset = (error as { idx?: number }).idx ?? 0;
    return fail({ code: 'syntax', message: `syntax error: ${(error as Error).message}`, ...positionAt(source, offset) });
  }
  for (const entry of exports) {
    if (entry.n === REQUIRED || entry.n === OPTIONAL) continue;
    const at = positionAt(source, entry.s);
    if (entry.n === 'default') {
      return fail({ code: 'exports', message: `a default export is not what the world ${ACTOR_WORLD} takes: export \`${REQUIRED}\` (and optionally \`${OPTIONAL}\`) by name`, ...at });
    }
    const near = [REQUIRED, OPTIONAL].find((name) => name.toLowerCase() === entry.n.toLowerCase().replace(/[-_]/g, ''));
    const hint = near === undefined ? `export only \`${REQUIRED}\` and optionally \`${OPTIONAL}\`; keep helpers unexported` : `did you mean \`${near}\`?`;
    return fail({ code: 'exports', message: `\`${entry.n}\` is not an export of the world ${ACTOR_WORLD}: ${hint}`, ...at });
  }
  if (!exports.some((entry) => entry.n === REQUIRED)) {
    return fail({
      code: 'exports',
      message: `the module does not export \`${REQUIRED}\`: add \`export const ${REQUIRED} = { handleMessage(state, [message]) { return [state, [{ messages: [] }]]; } };\``,
      line: 1,
      column: 1,
    });
  }
  return ok({ hasActor: exports.some((entry) => entry.n === OPTIONAL) });
}
