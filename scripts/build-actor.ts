import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildActor, formatActorBuildError } from '../src/server/actorBuild/buildActor.ts';
import { ACTOR_WORLD } from '../src/server/actorBuild/actorExports.ts';

// `npm run build:actor -- file.js [-o out.wasm]`: the standalone .wasm of one JavaScript actor, the
// same build the dev server's POST /__build-actor runs for the page's Editor (issue 12).
const USAGE = `usage: npm run build:actor -- <file.js> [-o <out.wasm>]

Builds a JavaScript actor (an ES module exporting \`websocketServer\` and optionally \`actor\`) with
componentize-qjs against the world ${ACTOR_WORLD}. Without \`actor\` the build appends an init that
keeps the state. The output defaults to <file>.wasm beside the source.`;

function usage(problem: string): never {
  console.error(`build-actor: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ allowPositionals: true, options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  usage((error as Error).message);
}
if (args.values.help === true) {
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length !== 1) usage(args.positionals.length === 0 ? 'name the actor source to build' : `one source at a time, got ${args.positionals.length}`);

const file = args.positionals[0]!;
const jsPath = resolve(file);
const out = args.values.out ?? `${file.replace(/\.[cm]?js$/, '')}.wasm`;
let source: string;
try {
  source = readFileSync(jsPath, 'utf8');
} catch (error) {
  console.error(`build-actor: cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}

// The module may import files beside it, or anywhere under the working directory when it is in it.
const cwd = process.cwd();
const moduleRoot = relative(cwd, jsPath).startsWith('..') ? dirname(jsPath) : cwd;
let built;
try {
  built = await buildActor({ source, jsPath, moduleRoot });
} catch (error) {
  console.error(`build-actor: the build tool failed (not a mistake in ${file}): ${(error as Error).message}`);
  process.exit(1);
}
if (!built.ok) {
  // An imported module's error names it from the module root: say it from the working directory.
  const inFile = built.error.file === undefined ? file : relative(cwd, resolve(moduleRoot, `.${built.error.file}`));
  console.error(formatActorBuildError(inFile, built.error));
  process.exit(1);
}

const { bytes, addedDefaultInit, milliseconds } = built.value;
if (addedDefaultInit) {
  console.log(`build-actor: ${file} exports no \`actor\`: appended a default init that returns the state unchanged`);
}
// Written under a temporary name first: a half-written file must never look like a build.
writeFileSync(`${out}.tmp`, bytes);
renameSync(`${out}.tmp`, out);
const size = statSync(out).size;
console.log(`build-actor: wrote ${out} (${size} bytes, ${(size / 1024 / 1024).toFixed(2)} MiB) in ${Math.round(milliseconds)} ms`);
