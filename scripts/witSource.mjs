// wit/ as one WIT source text, for the tools that cannot read WIT from a path on these machines
// (jco's type generator and the WASI build of wasm-tools: os error 44): the files of the
// theater:simple package joined under one package line, then each package in wit/deps/ (the WASI
// interfaces some example worlds import) as a nested `package ... { }` block.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const packageLine = /^package theater:simple;\s*$/m;
const depPackageLine = /^package ([^;\s]+);\s*$/m;

/** The WIT source text of `witDir` (its `.wit` files in name order, then its `deps/` folders'). */
export function witSource(witDir) {
  const bodies = witFiles(witDir).map((file) => readFileSync(join(witDir, file), 'utf8').replace(packageLine, ''));
  const depsDir = join(witDir, 'deps');
  const deps = existsSync(depsDir)
    ? readdirSync(depsDir)
        .sort()
        .flatMap((dep) => witFiles(join(depsDir, dep)).map((file) => nested(readFileSync(join(depsDir, dep, file), 'utf8'))))
    : [];
  return `package theater:simple;\n${[...bodies, ...deps].join('\n')}`;
}

const witFiles = (dir) => readdirSync(dir).filter((file) => file.endsWith('.wit')).sort();

/** A dependency's file (`package wasi:random@0.2.3;` and its interfaces) as a nested package block. */
function nested(text) {
  if (!depPackageLine.test(text)) throw new Error('a WIT file in wit/deps/ must start with its package line');
  return `${text.replace(depPackageLine, 'package $1 {')}\n}\n`;
}
