import { describe, expect, it } from 'vitest';
import { actorIdOf, givenActorId } from './actorId';
import { inspect } from '../runtime/inspect';
import { componentHash } from './sessionFile';
import { expectOk } from '../runtime/testing/exampleActors';
import { generationActor } from '../runtime/testing/theaterGenerations';

describe('actor ids', () => {
  it("are the inspected component's, made from its recorded hash alone (as a session file holds it)", async () => {
    const { bytes } = await generationActor('ntwk-2025-04');
    const sha256 = componentHash(bytes);
    expect(actorIdOf(sha256)).toBe(expectOk(await inspect(bytes)).actorId);
    expect(actorIdOf(sha256.toUpperCase())).toBe(actorIdOf(sha256));
  });

  it('are UUIDs of version 8 with the RFC variant, whatever the hash', () => {
    for (const sha256 of ['0'.repeat(64), 'f'.repeat(64), '0123456789abcdef'.repeat(4)]) {
      expect(actorIdOf(sha256)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(actorIdOf('0123456789abcdef'.repeat(4))).toBe('01234567-89ab-8def-8123-456789abcdef');
  });

  it('given to init: the recorded one when init takes an id, none when it takes none', () => {
    expect(givenActorId('own', 'recorded')).toBe('recorded');
    expect(givenActorId('own', undefined)).toBe('own');
    expect(givenActorId(undefined, 'recorded')).toBeUndefined();
  });
});
