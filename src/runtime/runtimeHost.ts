/**
 * Theater's `runtime` interface, answered by the playground as Theater's host answers it.
 *
 * Theater declares (package `theater:simple`, interface runtime):
 * `log: func(msg: string)`, `get-chain: func() -> chain`,
 * `shutdown: func(data: option<list<u8>>) -> result<_, string>`. An actor built against another
 * Theater version may import more, or less: the functions jco declares for this component decide,
 * and any the playground does not know gets a typed, recorded stub (hostImports.ts) instead of
 * failing the load.
 */
import { resolveAlias, type FunctionDecl, type ImportTypes, type InterfaceTypes, type TypeExpr } from './dtsTypes';
import { fromRecorded } from './recordedValues';
import { isRecordedChain, type RecordedChain } from '../core/chain/recordedChain';
import type { ChainEntryView, ChainSource } from '../core/chain/runtimeChain';
import type { HostFunction, StubEnvironment } from './stubCalls';

/** The runtime functions the playground implements, by their WIT names. */
export const RUNTIME_FUNCTIONS = ['log', 'get-chain', 'shutdown'] as const;
export type RuntimeFunction = (typeof RUNTIME_FUNCTIONS)[number];

/**
 * Theater's `chain` record for the entries so far. This follows Theater's own component-era host
 * (crates/theater-handler-runtime/src/lib.rs, revision 86c965eb): each event's `hash` is its
 * index in the chain, `parent` the index before it (none for the first), `data` its data bytes.
 */
const chainRecord = (entries: readonly ChainEntryView[]): RecordedChain => ({
  events: entries.map(({ eventType, data }, i) => ({ hash: i, event: { eventType, ...(i > 0 ? { parent: i - 1 } : {}), data } })),
});

/** Whether `type` is Theater's `chain` record (a version with another shape gets a stub instead). */
function isChainType(type: TypeExpr, types: ImportTypes): boolean {
  const declaration = resolveAlias(type, types);
  return declaration?.kind === 'type' && declaration.type.t === 'object' && declaration.type.fields.some((field) => field.name === 'events');
}

/** Whether the playground answers this declared runtime function itself. */
export function isProvidedRuntimeFunction(decl: FunctionDecl, types: ImportTypes): boolean {
  switch (decl.witName) {
    case 'log':
    case 'shutdown':
      return true;
    case 'get-chain':
      return isChainType(decl.result, types);
    default:
      return false;
  }
}

/**
 * The runtime functions the playground implements, by jco's names, for Theater's runtime under
 * `iface`, the import's own unversioned name (calls are recorded under it, so an older package's
 * runtime records as itself). The rest of the interface is left to stubs.
 */
export function runtimeImports(iface: string, types: InterfaceTypes, env: StubEnvironment, chain: ChainSource): Record<string, HostFunction> {
  const imports: Record<string, HostFunction> = {};
  for (const decl of types.functions) if (isProvidedRuntimeFunction(decl, env.context.types)) imports[decl.name] = implementation(iface, decl, env, chain);
  return imports;
}

function implementation(iface: string, decl: FunctionDecl, { recorder, context }: StubEnvironment, chain: ChainSource): HostFunction {
  const fn = decl.witName as RuntimeFunction;
  const record = (args: unknown[], result: unknown) => recorder.record({ interface: iface, function: fn, args, result, stubbed: false });
  switch (fn) {
    case 'log':
      return (msg) => record([msg], undefined);
    case 'get-chain':
      return () => {
        // A replay hands back what the recording saw: the chain then, not the replay's own. A
        // Theater chain keeps only the count (chainOutput): then the replay's own chain answers.
        const recorded = recorder.scripted(iface, fn)?.result;
        const value = isRecordedChain(recorded) ? recorded : chainRecord(chain(recorder.current()));
        record([], value);
        return fromRecorded(value, decl.result, context);
      };
    case 'shutdown':
      return (data) => {
        const bytes = data instanceof Uint8Array ? data.slice() : undefined;
        record([bytes], undefined);
        recorder.requestShutdown(bytes);
      };
    default: {
      const exhaustive: never = fn;
      return exhaustive;
    }
  }
}
