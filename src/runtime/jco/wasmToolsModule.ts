/**
 * jco's wasm-tools as the engine reaches it in a bundle (imported only by `tools.ts`). The build
 * puts this file and jco's module, which instantiates its wasm when evaluated, in one chunk, so
 * `moduleUrl` is that chunk's URL and importing it again under another query gives a new instance.
 */
export { componentWit } from '@bytecodealliance/jco-transpile/wasm-tools';
export const moduleUrl: string = import.meta.url;
