import type { languages } from 'monaco-editor';

export const WIT_LANGUAGE_ID = 'wit';

/** An identifier as WIT writes them: kebab-case words, `%` to use a keyword as a name. */
const IDENT = /%?[a-zA-Z][a-zA-Z0-9]*(?:-[a-zA-Z0-9]+)*/;
const ident = IDENT.source;

/**
 * A Monarch tokenizer for WIT, the component model's interface language. Token names end in
 * `.wit` (Monarch's default postfix), so the theme colours WIT and nothing else.
 */
export const witTokenizer: languages.IMonarchLanguage = {
  keywords: ['package', 'world', 'interface', 'import', 'export', 'use', 'func', 'record', 'variant', 'enum', 'flags', 'resource', 'type', 'include', 'with', 'static', 'constructor', 'as', 'async'],
  types: ['u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', 'f32', 'f64', 'float32', 'float64', 'bool', 'char', 'string', 'list', 'option', 'result', 'tuple', 'borrow', 'own', 'future', 'stream', '_'],
  brackets: [
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
    { open: '<', close: '>', token: 'delimiter.angle' },
  ],
  tokenizer: {
    root: [
      [/\/\/\/.*$/, 'comment.doc'],
      [/\/\/.*$/, 'comment'],
      [/\/\*\*(?!\/)/, 'comment.doc', '@docBlock'],
      [/\/\*/, 'comment', '@block'],
      [/"/, 'string', '@string'],
      // A version after a package or interface name: `wasi:io/streams@0.2.0`.
      [/@\d+\.\d+\.\d+(?:-[\w.]+)?(?:\+[\w.]+)?/, 'number.version'],
      // Feature gates: `@since(version = 0.2.1)`, `@unstable(feature = x)`.
      [/@[a-z][\w-]*/, 'annotation'],
      // The name a declaration introduces: `record websocket-message`, `world root`.
      [new RegExp(`(record|variant|enum|flags|resource|type|interface|world)(\\s+)(${ident})`), ['keyword', 'white', 'type.identifier']],
      // A function's name: `handle-message: func(..)`, `create: static func(..)`.
      [new RegExp(`${ident}(?=\\s*:\\s*(?:static\\s+|async\\s+)*func\\b)`), 'function'],
      [IDENT, { cases: { '@keywords': 'keyword', '@types': 'type', '@default': 'identifier' } }],
      // `_` stands for "no type" in `result<_, string>`.
      [/_(?![\w-])/, 'type'],
      [/\d+(?:\.\d+)*/, 'number'],
      [/->/, 'operator'],
      [/[{}()<>]/, '@brackets'],
      [/[:;,.=/*]/, 'delimiter'],
      [/\s+/, 'white'],
    ],
    docBlock: [
      [/\*\//, 'comment.doc', '@pop'],
      [/[^*]+|\*/, 'comment.doc'],
    ],
    block: [
      [/\*\//, 'comment', '@pop'],
      [/[^*]+|\*/, 'comment'],
    ],
    string: [
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
      [/[^"\\]+/, 'string'],
    ],
  },
};

/**
 * Comments and bracket matching. Angle brackets are coloured by the tokenizer but not matched
 * here: the `>` of `->` would read as a stray closing bracket.
 */
export const witConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['{', '}'],
    ['(', ')'],
  ],
  wordPattern: new RegExp(`${ident}|[^\\s\\w%]+`),
};
