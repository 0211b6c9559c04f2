import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ActorSession, type Started } from '../session';

/**
 * Test support: the components under `../shared/fixtures/actors/` (beside the repository;
 * read-only, never copied in), whose README says what a correct playground does with each.
 */
export const FIXTURE_ACTORS_DIR = fileURLToPath(new URL('../../../../shared/fixtures/actors/', import.meta.url));

export const FIXTURE_ACTORS = ['get-chain', 'resource-import'] as const;
export type FixtureActor = (typeof FIXTURE_ACTORS)[number];

export const fixtureActorBytes = (name: FixtureActor): Uint8Array => new Uint8Array(readFileSync(`${FIXTURE_ACTORS_DIR}${name}.wasm`));

/** Starts a fixture actor or fails the test with the engine's own message. */
export async function startFixture(name: FixtureActor): Promise<Started> {
  const started = await ActorSession.start(fixtureActorBytes(name), { name: `${name}.wasm` });
  if (!started.ok) throw new Error(`${name} did not start: ${started.error.message}`);
  return started.value;
}
