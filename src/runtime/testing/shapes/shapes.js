// Calls the import named by a text message and replies with what came back, as text: a test
// sees exactly the value jco's glue handed the actor for each shape.
import all from 'test:shapes/all';

export const websocketServer = {
  handleMessage(state, [message]) {
    if (message.ty.tag !== 'text') return [state, [{ messages: [] }]];
    return [state, [{ messages: [{ ty: { tag: 'text' }, text: show(call(message.text)), data: null }] }]];
  },
};

function call(name) {
  switch (name) {
    case 'nested':
      return all.getNested({ x: 1, yPos: 2 });
    case 'u64':
      // componentize-qjs passes u64s as numbers: 2^60 reaches the host as a bigint past 2^53.
      return all.getU64(2 ** 60);
    case 'blob': {
      // Constructor, method, static, a resource returned by a method, then both dropped.
      const blob = new all.Blob(7);
      const read = blob.read(3);
      const child = blob.child();
      const kind = all.Blob.kind();
      const described = { read, kind, blob: blob instanceof all.Blob, child: child instanceof all.Blob };
      child[Symbol.dispose]();
      blob[Symbol.dispose]();
      return described;
    }
    case 'resource': {
      const blob = all.getResource();
      return { resource: blob instanceof all.Blob, read: blob.read(1) };
    }
    case 'holder': {
      const holder = all.getHolder();
      return { resource: holder.b instanceof all.Blob, label: holder.label };
    }
    case 'reserved': {
      const blob = new all.Blob(1);
      const described = { new: all.new(), delete: all.delete('x'), import: all.import('y'), blobDelete: blob.delete(), blobNew: all.Blob.new() instanceof all.Blob };
      blob[Symbol.dispose]();
      return described;
    }
    default: {
      const fn = all[`get${name[0].toUpperCase()}${name.slice(1)}`];
      return fn ? fn() : `no function for ${name}`;
    }
  }
}

/** JSON, with bytes as `bytes[..]`, other typed arrays named, and undefined as `undefined`. */
function show(value) {
  if (value === undefined) return 'undefined';
  if (value instanceof Uint8Array) return `bytes[${Array.from(value).join(',')}]`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}[${Array.from(value, show).join(',')}]`;
  if (Array.isArray(value)) return `[${value.map(show).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}:${show(v)}`).join(',')}}`;
  return JSON.stringify(value);
}
