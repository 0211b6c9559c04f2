/**
 * Theater's actor ids, as the playground makes them: `init(state, (actor-id,))` takes one (Theater's
 * own `actor` WIT, and every `ntwk:theater` actor), and actors keep it, log it, or answer with it.
 */

/**
 * A UUID from a component's SHA-256 (64 hex digits, as `componentHash` and session files write
 * it): the first 16 bytes, marked version 8 (RFC 9562: custom) with the RFC variant so it parses as
 * a valid UUID. The same component always gets the same id, and a session file's recorded hash
 * gives the id its actor was started with.
 */
export function actorIdOf(sha256: string): string {
  const hex = sha256.toLowerCase();
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The id `init` is given: none when the component's init takes none (`own` undefined), else the
 * recorded one when there is one (a replay, or a history adopted from elsewhere, must feed the id
 * its history was recorded with, or an actor that keeps its id diverges at init for no reason),
 * else the component's own (`actorIdOf` its hash).
 */
export const givenActorId = (own: string | undefined, recorded: string | undefined): string | undefined => (own === undefined ? undefined : (recorded ?? own));
