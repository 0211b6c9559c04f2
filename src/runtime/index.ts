/**
 * The runtime's public surface: running a component (jco, WebAssembly) behind Theater's simulated
 * server, and replaying a history against a build. Only the workers, the command
 * line, the Node bridge tooling and tests import it (eslint.config.js); the page gets the results
 * through the protocols and the core's types.
 */
export { ActorSession } from './session';
export { dataUrlImporter, type ModuleImporter } from './loader';
export { replay } from './replay';
export { warmUp, type WarmSample } from './warmUp';
export { cacheKeyOf, TRANSPILED_BY, type ComponentCache, type CacheRead, type TranspiledComponent } from './componentCache';
export { packEntry, unpackEntry, type PackedManifest } from './packedEntry';
