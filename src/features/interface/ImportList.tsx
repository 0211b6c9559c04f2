import { isTheaterInterface, type ComponentInfo, type ImportedFunction, type WorldItem } from '../../core';
import { functionsOf, isStubbedImport } from '../../store';
import { Term } from '../../ui/term/Term';
import './imports.css';

/** What each function's tag says: who answers it, or that nothing real does. */
function provisionLabel(fn: ImportedFunction): string {
  switch (fn.provision) {
    case 'provided':
      return fn.by === 'wasi' && !fn.recorded ? 'provided by the WASI shim' : fn.recorded ? 'provided by the playground, recorded' : 'provided by the playground';
    case 'stubbed':
      return 'stubbed';
    case 'missing':
      return 'missing';
    default: {
      const exhaustive: never = fn.provision;
      return exhaustive;
    }
  }
}

const TAG_CLASS = { provided: 'tag tag--ok', stubbed: 'tag tag--warn', missing: 'tag tag--bad' } as const satisfies Record<ImportedFunction['provision'], string>;

/** One import's own tag: Theater's, stubbed, WASI, or only types. */
function InterfaceTag({ item, info, functions }: { item: WorldItem; info: ComponentInfo; functions: ImportedFunction[] | undefined }) {
  if (functions?.length === 0) return <span className="tag">types only</span>;
  if (isStubbedImport(item, info)) {
    const partly = functions?.some((fn) => fn.provision === 'provided');
    const theater = isTheaterInterface(item.name);
    return (
      <span className="tag tag--warn" title={theater ? "One of Theater's own interfaces" : undefined}>
        {theater ? 'Theater interface, ' : ''}
        <Term term="stubbed">{partly ? 'partly stubbed' : 'stubbed'}</Term>
      </span>
    );
  }
  if (item.provider === 'playground') return <span className="tag tag--ok" title="Not Theater's: only the Editor's host component imports it">the playground&apos;s own, for the Editor</span>;
  if (item.provider !== 'wasi') return <span className="tag tag--ok">Theater&apos;s runtime</span>;
  return <span className="tag tag--ok">{functions?.some((fn) => fn.recorded) ? 'WASI, recorded' : 'WASI shim'}</span>;
}

/**
 * What the component imports, function by function: which the playground provides (Theater's
 * runtime, WASI through the shim), which it stubs and the default each returns, and which cannot
 * be answered at all, and why.
 */
export function ImportList({ info }: { info: ComponentInfo }) {
  if (info.imports.length === 0) return <p className="world__empty">none</p>;
  return (
    <ul className="world imports" aria-label="Imports">
      {info.imports.map((item) => {
        const functions = functionsOf(info, item);
        return (
          <li key={item.name} className={`world__item imports__item${isStubbedImport(item, info) ? ' world__item--stub' : ''}`}>
            <div className="imports__head">
              <code>{item.name}</code>
              {item.kind === 'function' && <span className="tag">function</span>}
              <InterfaceTag item={item} info={info} functions={functions} />
            </div>
            {functions && functions.length > 0 && (
              <ul className="imports__functions" aria-label={`${item.name} functions`}>
                {functions.map((fn) => (
                  <li key={fn.function} className="imports__function">
                    <code>{fn.function}</code> <span className={TAG_CLASS[fn.provision]}>{provisionLabel(fn)}</span> <span className="imports__detail">{fn.detail}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
