// A JSON state in UTF-8 bytes, as the counter and dice examples keep theirs: readable in the
// playground's state view and diffs. `fail` is the actor's own way to refuse (it logs and throws
// the actor's `err`), called when the bytes are not the JSON the actor writes.
import { utf8Decode, utf8Encode } from './utf8.js';

export function loadState(bytes, fail) {
  try {
    return JSON.parse(utf8Decode(bytes));
  } catch (e) {
    fail(`the state is not the JSON this actor writes (${e})`);
  }
}

export function saveState(state) {
  return utf8Encode(JSON.stringify(state));
}
