import { transform } from 'sucrase';
import { fail, ok, type Result } from '../result';
import type { SourceError } from './sourceLocation';

/**
 * An Editor actor's ES module source (what componentize-qjs takes: `export const websocketServer`,
 * `import { log } from 'theater:simple/runtime'`) as the function body the Editor's host
 * evaluates: sucrase's `imports` transform turns exports into `exports.<name> =` and imports into
 * `require(...)`, keeping every statement on its line so QuickJS's line numbers are the editor's.
 * A syntax error is a value with its location (sucrase's parser, a fork of Babel's).
 */
export function editorModule(source: string): Result<string, SourceError> {
  try {
    return ok(transform(source, { transforms: ['imports'], production: true }).code);
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    // Sucrase's column here is already the one an editor counts from 1 (checked against QuickJS's).
    return fail({ message, line: loc?.line ?? 1, column: Math.max(1, loc?.column ?? 1) });
  }
}
