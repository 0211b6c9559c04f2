/**
 * jco's transpiler as the engine reaches it in a bundle (imported only by `tools.ts`); see
 * `wasmToolsModule.ts` for why it carries its own URL.
 */
export { $init, generate } from '@bytecodealliance/jco-transpile/component';
export const moduleUrl: string = import.meta.url;
