/**
 * The playground's own `playground:editor/source` (wit/deps/playground-editor/source.wit), which
 * only the Editor's QuickJS host component imports: it hands the host the actor source its bytes
 * carry (core/editor/editorSource.ts) and hears where that source threw. Not a Theater
 * interface: the Interface tab lists it as provided by the playground.
 */
import type { InterfaceTypes } from './dtsTypes';
import type { HostFunction, StubEnvironment } from './stubCalls';
import { editorModule } from '../core/editor/editorModule';
import { PLAYGROUND_EDITOR_SOURCE } from '../core/interfaceNames';

/** What the Interface tab says about each function. */
export const EDITOR_DETAILS: Partial<Record<string, string>> = {
  'get-source': "the Editor's source this component carries (not recorded: it is part of the component)",
  'report-error': 'recorded on the event: where the source threw, for the Editor to point at',
};

/**
 * `source`: the source the component's bytes carry, undefined for a host component loaded bare
 * (then `get-source` hands it a body that throws, so its init fails with a message that says why).
 */
export function editorImports(types: InterfaceTypes, { recorder }: StubEnvironment, source: string | undefined): Record<string, HostFunction> {
  const imports: Record<string, HostFunction> = {};
  // Made once per component: every new instance (the first, and one after each trap) reads it again.
  let body: string | undefined;
  for (const decl of types.functions) {
    switch (decl.witName) {
      case 'get-source':
        imports[decl.name] = () => (body ??= functionBody(source));
        break;
      case 'report-error':
        imports[decl.name] = (name, message, stack) => recorder.record({ interface: PLAYGROUND_EDITOR_SOURCE, function: decl.witName, args: [name, message, stack], result: undefined, stubbed: false });
        break;
    }
  }
  return imports;
}

/**
 * What `get-source` hands the host: the source as a function body, or one that throws why there is
 * none. A source that does not parse never comes from the Editor (it checks first); a file made
 * elsewhere gets the parser's message as the error its init throws.
 */
function functionBody(source: string | undefined): string {
  if (source === undefined) return 'throw new Error("this is the Editor\'s host component with no actor source: write one in the Editor tab and press Run actor")';
  const module = editorModule(source);
  return module.ok ? module.value : `throw new SyntaxError(${JSON.stringify(`${module.error.message} (line ${module.error.line}, column ${module.error.column})`)})`;
}
