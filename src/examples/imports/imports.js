// An actor that needs `theater:simple/kv`, an interface the playground does not implement: it shows
// how unknown imports become recorded stubs, and what an actor sees when the stub answers.
// The state is passed through; everything this actor keeps lives behind the import.
import runtime from 'theater:simple/runtime';
import kv from 'theater:simple/kv';
import { utf8Decode, utf8Encode } from '../shared/utf8.js';

export const websocketServer = {
  handleMessage(state, [message]) {
    if (message.ty.tag !== 'text') return [state, [{ messages: [] }]];
    return [state, [{ messages: [text(command(message.text ?? ''))] }]];
  },
};

function command(input) {
  const line = input.trim();
  // The value is everything after the key, spaces included.
  const put = /^put\s+(\S+)\s+(.+)$/s.exec(line);
  if (put) {
    const [, key, value] = put;
    runtime.log(`put ${key}`);
    // kv.put returns result<_, string>: the binding throws its err, which becomes ours.
    try {
      kv.put(key, utf8Encode(value));
    } catch (e) {
      throw `imports: kv.put failed: ${e instanceof Error ? e.message : e}`;
    }
    return `stored ${key}`;
  }
  const get = /^get\s+(\S+)$/.exec(line);
  if (get) {
    const [, key] = get;
    runtime.log(`get ${key}`);
    const value = kv.get(key);
    return value == null ? `${key} is missing` : `${key} = ${utf8Decode(value)}`;
  }
  if (line === 'count') {
    runtime.log('count');
    return `count: ${kv.count()}`;
  }
  runtime.log(`unknown command "${line}"`);
  return 'commands: put K V, get K, count';
}

function text(value) {
  return { ty: { tag: 'text' }, text: value, data: null };
}
