import { engineError, type EngineError } from '../core/errors';
import { WEBSOCKET_SERVER } from '../core/interfaceNames';
import { MalformedWasm } from '../core/wasm/byteReader';
import { coreExportNames, outlineComponent, SECTION, SORT } from './wasm/componentOutline';

type Refusal = { ok: false; error: EngineError };

/** The export every Pack module carries (Theater refuses one without it); the init Pack calls. */
const PACK_TYPES = '__pack_types';
const PACK_INIT = 'theater:simple/actor.init';

/**
 * What a core module is, from its export names (read, not compiled): an actor for today's
 * Theater, which runs Pack modules, or a module that still has to become a component. Only the
 * second gets the advice to wrap it: a Pack actor is a different kind of actor, not an
 * unfinished component, and wrapping it would not make it one.
 */
export function coreModuleRefusal(bytes: Uint8Array): Refusal {
  const exports = readOrNothing(() => coreExportNames(bytes)) ?? [];
  if (exports.includes(PACK_TYPES)) {
    const named = [PACK_TYPES, PACK_INIT].filter((name) => exports.includes(name)).map((name) => `\`${name}\``).join(' and ');
    return engineError(
      'pack-module',
      `This is an actor for Theater's Pack runtime, the kind today's Theater runs: a core WebAssembly module that exports ${named}. The playground runs Theater's component actors (components that export \`${WEBSOCKET_SERVER}\`) and cannot run Pack actors yet.`,
    );
  }
  return engineError(
    'core-module',
    'This is a core WebAssembly module, not a component: build it as a component (for example `cargo component build`, or `wasm-tools component new` on the module).',
  );
}

/** Sections that hold code or instantiate something; a WIT package has none of them. */
const CODE_SECTIONS = [SECTION.coreModule, SECTION.coreInstance, SECTION.component, SECTION.instance, SECTION.canon, SECTION.start, SECTION.import];

/**
 * A WIT package in binary form (Theater ships one, `wit/simple.wasm`) is a component made of
 * type definitions only: no code, no instances, nothing imported, and every export a type. Told
 * from the top-level sections alone, before jco, whose wasm-tools panics on such a file.
 */
export function witPackageRefusal(bytes: Uint8Array): Refusal | undefined {
  const outline = readOrNothing(() => outlineComponent(bytes));
  if (!outline || CODE_SECTIONS.some((id) => outline.sections.has(id))) return undefined;
  if (outline.exports.length === 0 || outline.exports.some((item) => item.sort !== SORT.type)) return undefined;
  const names = outline.exports.map((item) => `\`${item.name}\``);
  const listed = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  return engineError(
    'wit-package',
    `This is a WIT package: interface definitions only (${listed}), with no code to run, like Theater's \`wit/simple.wasm\`. Load the built actor instead: a component that exports \`${WEBSOCKET_SERVER}\`.`,
  );
}

/** Malformed bytes mean "cannot tell here": jco then reads the file and says what is wrong. */
function readOrNothing<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof MalformedWasm) return undefined;
    throw error;
  }
}
