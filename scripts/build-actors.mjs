// Builds the example actors listed in src/examples/catalog.json into public/actors/<name>.wasm,
// copies each one's source to public/actors/src/<name>/<file> so the gallery can link to it, and
// writes public/actors/catalog.json (the catalog plus each component's size and source URL).
// Runs before dev, build and test, so it only rebuilds an actor whose output is missing or older
// than its folder, the WIT or this script, or whose catalog entry changed how it is built (not just
// its description); an up-to-date run costs a few stat calls.
import { readFileSync, readdirSync, statSync, writeFileSync, renameSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { witSource } from './witSource.mjs';
import { componentizeActor, parseComponentizeError } from '../src/server/actorBuild/componentize.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const catalogPath = join(root, 'src/examples/catalog.json');
const witDir = join(root, 'wit');
const outDir = join(root, 'public/actors');
const languages = ['JavaScript', 'WAT'];

try {
  await main();
} catch (error) {
  console.error(`build-actors: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

async function main() {
  const catalog = readCatalog();
  mkdirSync(outDir, { recursive: true });
  const sharedInputs = [
    ...filesUnder(witDir).filter((f) => f.endsWith('.wit')),
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('./witSource.mjs', import.meta.url)),
    fileURLToPath(new URL('../src/server/actorBuild/componentize.mjs', import.meta.url)),
  ];
  const previous = previousBuild();
  const results = await Promise.allSettled(
    catalog.map((actor) => buildIfStale(actor, sharedInputs, previous.get(actor.name))),
  );
  const width = Math.max(...catalog.map((actor) => actor.name.length));
  const failures = [];
  results.forEach((result, i) => {
    const name = catalog[i].name.padEnd(width);
    if (result.status === 'fulfilled') {
      console.log(`build-actors: ${name}  ${result.value}`);
    } else {
      failures.push(catalog[i].name);
      const { source, world } = catalog[i];
      console.log(`build-actors: ${name}  FAILED (${source}, world ${world})\n${indent(describe(result.reason, source))}`);
    }
  });
  // Written even after a failure, without the failed actors: it records what each output was built
  // with, and an entry left over from an older build could make a wrong output look up to date.
  const built = catalog.filter((actor) => !failures.includes(actor.name));
  built.forEach(copySource);
  writeBuiltCatalog(built);
  if (failures.length > 0) throw `${failures.length} of ${catalog.length} actors failed to build: ${failures.join(', ')}`;
}

/** The catalog is hand-edited, so check it here rather than let a typo fail deep in a tool. */
function readCatalog() {
  let catalog;
  try {
    catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
  } catch (error) {
    throw `cannot read ${relative(root, catalogPath)}: ${error.message}`;
  }
  if (!Array.isArray(catalog) || catalog.length === 0) throw `${relative(root, catalogPath)} must be a non-empty array`;
  const seen = new Set();
  for (const [i, actor] of catalog.entries()) {
    const where = `${relative(root, catalogPath)} entry ${i}`;
    for (const key of ['name', 'description', 'language', 'source', 'world']) {
      if (typeof actor?.[key] !== 'string' || actor[key] === '') throw `${where}: "${key}" must be a non-empty string`;
    }
    if (!/^[a-z][a-z0-9-]*$/.test(actor.name)) throw `${where}: name "${actor.name}" must be lower-case letters, digits and dashes`;
    if (seen.has(actor.name)) throw `${where}: name "${actor.name}" is used twice`;
    seen.add(actor.name);
    if (!languages.includes(actor.language)) throw `${where}: language must be one of ${languages.join(', ')}, got "${actor.language}"`;
    // The actor's folder is what decides staleness, so its source must live there.
    if (!actor.source.startsWith(`src/examples/${actor.name}/`)) throw `${where}: source must be under src/examples/${actor.name}/`;
    if (!existsSync(join(root, actor.source))) throw `${where}: source ${actor.source} does not exist`;
    // "wasi": true keeps the component's WASI imports (see buildJavaScript).
    if (actor.wasi !== undefined && typeof actor.wasi !== 'boolean') throw `${where}: "wasi" must be true or false`;
    // "gallery": false keeps a built component out of the page's example strip (the Editor's host).
    if (actor.gallery !== undefined && typeof actor.gallery !== 'boolean') throw `${where}: "gallery" must be true or false`;
    // "uses": other example folders this one imports from; they count for staleness too.
    for (const used of actor.uses ?? []) {
      if (!existsSync(join(root, 'src/examples', used))) throw `${where}: uses "${used}", which is not a folder in src/examples`;
    }
  }
  return catalog;
}

/** What each output was last built with, to tell whose build settings changed since. */
function previousBuild() {
  try {
    const built = JSON.parse(readFileSync(join(outDir, 'catalog.json'), 'utf8'));
    return new Map(built.map((actor) => [actor.name, actor]));
  } catch {
    return new Map();
  }
}

function buildSettings(actor) {
  return `${actor?.language} ${actor?.source} ${actor?.world} ${actor?.wasi === true}`;
}

async function buildIfStale(actor, sharedInputs, previous) {
  const output = join(outDir, `${actor.name}.wasm`);
  const folders = [actor.name, ...(actor.uses ?? [])];
  const inputs = [...sharedInputs, ...folders.flatMap((folder) => filesUnder(join(root, 'src/examples', folder)))];
  const newestInput = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
  const upToDate =
    existsSync(output) && statSync(output).mtimeMs >= newestInput && buildSettings(previous) === buildSettings(actor);
  if (upToDate) return 'up to date';
  const started = performance.now();
  const bytes = actor.language === 'WAT' ? await buildWat(actor) : await buildJavaScript(actor);
  // Written under a temporary name first: a half-written file must never look up to date.
  writeFileSync(`${output}.tmp`, bytes);
  renameSync(`${output}.tmp`, output);
  return `built in ${Math.round(performance.now() - started)} ms (${formatSize(bytes.length)})`;
}

function buildJavaScript(actor) {
  const jsPath = join(root, actor.source);
  return componentizeActor({
    witDir,
    world: actor.world,
    jsSource: readFileSync(jsPath, 'utf8'),
    jsPath,
    // Set, not left to default to the working directory, so the build does not depend on where it
    // runs from; errors then name the file as /src/examples/<name>/<file>.
    moduleRoot: root,
    // "wasi": true keeps the WASI imports the example uses (see componentizeActor).
    wasi: actor.wasi === true,
  });
}

async function buildWat(actor) {
  const { parse, componentEmbed, componentNew } = await import('@bytecodealliance/jco-transpile/wasm-tools');
  const core = await parse(readFileSync(join(root, actor.source), 'utf8'));
  // The WASI build of wasm-tools cannot read WIT from a path here, so it gets the source text.
  const embedded = await componentEmbed({ binary: core, witSource: witSource(witDir), world: actor.world });
  return componentNew(embedded);
}

/** Where the built app serves an actor's source from, relative to the page like the `.wasm` files. */
function sourceUrl(actor) {
  return `./actors/src/${actor.name}/${basename(actor.source)}`;
}

/**
 * The source as the gallery links to it. Copied, not served from src/, because the built app is a
 * static folder; like the catalog, rewritten only when it changes so the dev server stays quiet.
 */
function copySource(actor) {
  const target = join(outDir, 'src', actor.name, basename(actor.source));
  const text = readFileSync(join(root, actor.source));
  mkdirSync(dirname(target), { recursive: true });
  if (!existsSync(target) || !readFileSync(target).equals(text)) writeFileSync(target, text);
}

/** Rewritten only when it changes, so an up-to-date run does not wake up the dev server. */
function writeBuiltCatalog(catalog) {
  const built = catalog.map((actor) => ({ ...actor, size: statSync(join(outDir, `${actor.name}.wasm`)).size, sourceUrl: sourceUrl(actor) }));
  const path = join(outDir, 'catalog.json');
  const text = `${JSON.stringify(built, null, 2)}\n`;
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function formatSize(bytes) {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** The tools' errors, made readable: no stray prefixes, and syntax errors as file:line:col. */
function describe(error, source) {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^:\s*/, '').replace(/\n\$/g, '\n').trim();
  // wasm-tools' parse reports a Rust Debug dump; its line and col count from 0.
  const wat = /line: (\d+), col: (\d+).*kind: Custom\("(.*)"\)/s.exec(message);
  if (wat) return `${source}:${Number(wat[1]) + 1}:${Number(wat[2]) + 1}: ${wat[3]}`;
  // componentize-qjs names the file relative to moduleRoot (the repository), with a leading slash.
  const js = parseComponentizeError(error);
  return js.location ? `${js.location.path.replace(/^\//, '')}:${js.location.line}:${js.location.column}: ${js.message}` : message;
}

function indent(text) {
  return text.replace(/^/gm, '    ');
}
