/** A WIT declaration and the `///` comments written above it. */
export interface WitDocItem {
  kind: 'interface' | 'world' | 'variant' | 'record' | 'enum' | 'flags' | 'resource' | 'type' | 'func';
  name: string;
  /** The declaration's first line as written (a function's whole signature). */
  declaration: string;
  /** Markdown. */
  docs: string;
  /** The cases of a variant, enum or flags; the fields of a record. */
  members: WitDocMember[];
}

export interface WitDocMember {
  name: string;
  /** A record field's type or a variant case's payload; null for plain cases. */
  type: string | null;
  docs: string;
}

export interface WitDocs {
  /** The block that stands apart, above everything, documenting the package as a whole. */
  intro: string;
  items: WitDocItem[];
}

const CONTAINER = /^(interface|world|variant|record|enum|flags|resource)\s+(%?[\w-]+)/;
const ALIAS = /^type\s+(%?[\w-]+)\s*=/;
const FUNC = /^(%?[\w-]+)\s*:\s*(?:static\s+|async\s+)*func\b/;
const MEMBER = /^(%?[\w-]+)\s*(?:[:(]\s*(.*?)\)?)?\s*,?$/;

/** `/// text` → `text`: exactly one space goes, so indentation inside code blocks survives. */
const docLine = (line: string): string => line.replace(/^\/\/\/ ?/, '');

/**
 * Reads a WIT file's documentation: which declaration each `///` block belongs to, so the page
 * can show an interface's own words next to the calls it makes. Reads the subset of WIT a
 * Theater interface file uses (one package, interfaces, types and functions); nested braces
 * beyond a type's body are not expected.
 */
export function readWitDocs(source: string): WitDocs {
  const lines = source.split('\n').map((line) => line.trim());
  const items: WitDocItem[] = [];
  let intro = '';
  let pending: string[] = [];
  let inside: WitDocItem | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('///')) {
      pending.push(docLine(line));
      continue;
    }
    if (line === '' || line.startsWith('//')) {
      // A block left standing alone before the first declaration documents the whole file.
      if (line === '' && pending.length > 0 && items.length === 0 && intro === '') {
        intro = pending.join('\n');
        pending = [];
      }
      continue;
    }
    const docs = pending.join('\n');
    pending = [];

    const container = CONTAINER.exec(line);
    const alias = ALIAS.exec(line);
    const func = FUNC.exec(line);
    if (container) {
      const item: WitDocItem = { kind: container[1] as WitDocItem['kind'], name: container[2]!, declaration: line.replace(/\s*\{\s*$/, ''), docs, members: [] };
      items.push(item);
      // Interfaces and worlds hold declarations, listed as items of their own; types hold members.
      inside = item.kind === 'interface' || item.kind === 'world' || !line.endsWith('{') ? null : item;
    } else if (alias) {
      items.push({ kind: 'type', name: alias[1]!, declaration: line, docs, members: [] });
    } else if (func) {
      let declaration = line;
      while (!declaration.endsWith(';') && i + 1 < lines.length) declaration += ` ${lines[++i]!}`;
      items.push({ kind: 'func', name: func[1]!, declaration, docs, members: [] });
    } else if (line.startsWith('}')) {
      inside = null;
    } else if (inside) {
      const member = MEMBER.exec(line);
      if (member) inside.members.push({ name: member[1]!, type: member[2] || null, docs });
    }
  }
  return { intro, items };
}
