const LIMIT = 80;

/** A host call's argument or result, short enough for one line of a timeline row. */
export function briefValue(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Uint8Array) return `<${item.length} bytes>`;
    if (typeof item === 'bigint') return `${item}`;
    return item;
  });
  if (text === undefined) return String(value);
  return text.length > LIMIT ? `${text.slice(0, LIMIT - 1)}…` : text;
}
