import { decodeUtf8, diffText, toHex, type Difference, type TextDiff } from '../../core';

/** The bytes of the two states a `state` difference names, where they are still at hand. */
export interface DifferenceStates {
  recorded: Uint8Array | undefined;
  replayed: Uint8Array | undefined;
}

/**
 * A word diff of one difference's two sides, drawn as the Inspector's text view draws a state.
 * A state is compared by its bytes (as UTF-8 text, or as hex when either side is not text), not
 * by the hash prefixes of the report's one-line text; undefined when a state's bytes are not at
 * hand. Outcomes, responses and host calls are compared as the report writes them (JSON).
 */
export function differenceDiff(difference: Difference, states?: DifferenceStates): TextDiff | undefined {
  if (difference.aspect !== 'state') return diffText(difference.recorded, difference.replayed);
  if (!states) return undefined;
  const texts = [states.recorded, states.replayed].map((bytes) => (bytes === undefined ? '' : decodeUtf8(bytes)));
  if (texts.every((text) => text !== undefined)) return diffText(texts[0]!, texts[1]!);
  return diffText(hexOf(states.recorded), hexOf(states.replayed));
}

/** Hex in groups of 16 bytes per line, so a word diff moves lines rather than one endless word. */
const hexOf = (bytes: Uint8Array | undefined): string => {
  if (!bytes) return '';
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) lines.push(toHex(bytes.subarray(i, i + 16)).replace(/(..)(?!$)/g, '$1 '));
  return lines.join('\n');
};
