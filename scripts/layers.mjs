// The layering of ARCHITECTURE.md as data, and the ESLint rule that enforces it (eslint.config.js).
// One table says which folder may import which; the rule resolves every relative import (static,
// dynamic, re-export, and a worker's `new URL(..., import.meta.url)`) to the folder it lands in.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The layer a repository path belongs to: `core`, `runtime`, `protocols`, `workers`, `host`,
 * `store`, `ui`, `app`, `server`, `cli`, or `features/<name>`; null outside these (examples,
 * scripts, e2e, configs).
 */
export function layerOf(path) {
  // A folder's own path (an import of its index) belongs to it too.
  const inside = `${path}/`;
  if (path === 'src/main.tsx' || inside.startsWith('src/app/')) return 'app';
  const feature = inside.match(/^src\/features\/([^/]+)\//);
  if (feature) return `features/${feature[1]}`;
  const folder = inside.match(/^src\/(core|runtime|protocols|workers|host|store|ui|server|cli)\//);
  return folder ? folder[1] : null;
}

/** Tests and test support run in Node with the real actors: they may import any layer. */
export const isTestCode = (path) => /\.test\.tsx?$/.test(path) || /\/testing\//.test(path);

/**
 * What each layer may import besides itself. `features` stands for every `features/<name>`: each
 * may import its own folder and the layers listed, never another feature (they meet in the store).
 * `url`: layers reachable only by a worker's URL (the bundler builds the entry as its own chunk).
 */
export const LAYERS = {
  core: { imports: [] },
  runtime: { imports: ['core'] },
  protocols: { imports: ['core'], typesOnly: true },
  workers: { imports: ['core', 'runtime', 'protocols'] },
  host: { imports: ['core', 'protocols'], url: ['workers'] },
  features: { imports: ['core', 'protocols', 'host', 'store', 'ui'] },
  store: { imports: ['core', 'host'] },
  ui: { imports: ['core', 'store'] },
  app: { imports: ['core', 'host', 'store', 'ui', 'features'] },
  server: { imports: ['core', 'protocols'] },
  cli: { imports: ['core', 'runtime', 'protocols', 'workers', 'host', 'server'] },
};

/** The store's assembly files: they put the features' slices together and re-export what features share. */
const STORE_ASSEMBLY = ['src/store/createPlaygroundStore.ts', 'src/store/index.ts'];

/**
 * Imports that go against the table, allowed one by one, each with the file, the file it imports
 * and why (ARCHITECTURE.md, layering rules). None today: add one only with a reason, and remove it
 * when the code can do without.
 */
export const EXCEPTIONS = [];

/** Packages each layer may not use: the core and the runtime run in a Worker and in Node; the page never runs Node code. */
const PAGE_ONLY = ['react', 'react-dom', 'zustand', '@monaco-editor/', 'monaco-editor', 'idb'];
export const BANNED_PACKAGES = {
  core: [...PAGE_ONLY, '@bytecodealliance/', 'node:'],
  runtime: [...PAGE_ONLY, 'node:'],
  protocols: [...PAGE_ONLY, '@bytecodealliance/', 'node:'],
  workers: [...PAGE_ONLY, 'node:'],
  host: ['@bytecodealliance/', 'node:'],
  features: ['@bytecodealliance/', 'node:'],
  store: ['@bytecodealliance/', 'node:'],
  ui: ['@bytecodealliance/', 'node:'],
  app: ['@bytecodealliance/', 'node:'],
  server: PAGE_ONLY,
  cli: PAGE_ONLY,
};

const family = (layer) => (layer?.startsWith('features/') ? 'features' : layer);

/**
 * Why `from` may not import `to` (repository paths), or null when it may. `kind` is `value`,
 * `type` (an `import type`) or `url` (a worker entry named by URL).
 */
export function violation(from, to, kind) {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a || !b || a === b || isTestCode(from)) return null;
  const bare = (path) => path.replace(/\.tsx?$/, '');
  if (EXCEPTIONS.some((e) => e.from === from && bare(e.to) === bare(to))) return null;
  const rule = LAYERS[family(a)];
  if (kind === 'url' && rule.url?.includes(family(b))) return null;
  if (family(a) === 'store' && family(b) === 'features' && STORE_ASSEMBLY.includes(from)) return null;
  if (family(a) === 'features' && family(b) === 'features') return `${a} may not import ${b}: features meet in the store (src/store/index.ts)`;
  if (!rule.imports.includes(family(b))) return `${a} may not import ${b} (ARCHITECTURE.md, layering rules)`;
  if (rule.typesOnly && kind !== 'type') return `${a} imports only types from ${b}`;
  return null;
}

const toRepoPath = (absolute) => relative(root, absolute).split(sep).join('/');

/** The ESLint rule: reports each import of a relative path or a package that `violation`/`BANNED_PACKAGES` forbid. */
export const layersPlugin = {
  rules: {
    imports: {
      meta: { type: 'problem', schema: [], docs: { description: 'Imports follow the layering of ARCHITECTURE.md' } },
      create(context) {
        const from = toRepoPath(context.filename);
        const layer = layerOf(from);
        if (!layer || isTestCode(from)) return {};
        const check = (node, spec, kind) => {
          if (typeof spec !== 'string') return;
          if (spec.startsWith('.')) {
            const to = toRepoPath(resolve(dirname(context.filename), spec.replace(/\?.*$/, '')));
            const why = violation(from, to, kind);
            if (why) context.report({ node, message: `${why}: '${spec}'` });
            return;
          }
          const banned = BANNED_PACKAGES[family(layer)].find((prefix) => spec === prefix || spec.startsWith(prefix.endsWith('/') || prefix.endsWith(':') ? prefix : `${prefix}/`));
          if (banned) context.report({ node, message: `${layer} may not use '${spec}' (ARCHITECTURE.md, layering rules)` });
        };
        const kindOf = (node) => (node.importKind === 'type' || node.exportKind === 'type' ? 'type' : 'value');
        return {
          ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type')) ? 'type' : 'value'),
          ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, kindOf(node)),
          ExportAllDeclaration: (node) => check(node, node.source.value, kindOf(node)),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, 'value'),
          NewExpression: (node) => {
            const [spec, base] = node.arguments;
            const isMetaUrl = base?.type === 'MemberExpression' && base.object.type === 'MetaProperty' && base.property.name === 'url';
            if (node.callee.name === 'URL' && isMetaUrl && spec?.type === 'Literal') check(node, spec.value, 'url');
          },
        };
      },
    },
  },
};
