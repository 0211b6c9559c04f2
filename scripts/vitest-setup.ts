import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR_VARIABLE } from '../src/cli/fileComponentCache';

/**
 * Unit tests run over the real example actors: build any that are missing or stale first. Then a
 * component cache for this run (src/cli/fileComponentCache.ts): the actor worker threads the
 * tests start (src/cli/threadWorker.ts, in every test file's process, which inherits this
 * variable) transpile each component with jco once and take jco's output from the folder after.
 * The folder is new each run and removed after it, so every run transpiles every component once.
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build-actors.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/gen-types.mjs'], { stdio: 'inherit' });
  const cacheDir = mkdtempSync(join(tmpdir(), 'theater-components-'));
  process.env[CACHE_DIR_VARIABLE] = cacheDir;
  return () => rmSync(cacheDir, { recursive: true, force: true });
}
