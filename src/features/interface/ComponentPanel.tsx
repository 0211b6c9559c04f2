import { usePlayground } from '../../store';
import { formatSize } from '../../ui/format';
import { Term } from '../../ui/term/Term';
import { ComponentCacheControl } from './ComponentCacheControl';
import { ImportList } from './ImportList';
import { WorldItems } from './WorldItems';

/** What the loaded component is: its size, whether it has init, its exports, and each imported function. */
export function ComponentPanel() {
  const info = usePlayground((s) => s.info);
  return (
    // Named by aria-label: the tab above already says "Component", a heading would repeat it.
    <section className="component" aria-label="Component">
      {info ? (
        <>
          <dl className="facts">
            <dt>Size</dt>
            <dd>{formatSize(info.size)}</dd>
            <dt>
              <Term term={info.hasInit ? 'init' : 'init-none'}>Init</Term>
            </dt>
            <dd>
              {info.hasInit
                ? `yes: ${info.package}/actor.init ran at load${info.actorId === undefined ? '' : ` with actor id ${info.actorId}`}`
                : `no: it does not export ${info.package}/actor`}
            </dd>
          </dl>
          <h3>Exports</h3>
          <WorldItems label="Exports" items={info.exports} />
          <h3>Imports</h3>
          <ImportList info={info} />
        </>
      ) : (
        <p className="empty">No actor loaded yet.</p>
      )}
      <ComponentCacheControl />
    </section>
  );
}
