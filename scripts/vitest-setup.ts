import { execFileSync } from 'node:child_process';

/** Unit tests run over the real example actors: build any that are missing or stale first. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-actors.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/gen-types.mjs'], { stdio: 'inherit' });
}
