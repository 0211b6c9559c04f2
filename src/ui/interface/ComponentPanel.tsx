import { usePlayground } from '../../store';
import { formatSize } from '../format';
import { WorldItems } from './WorldItems';

/** What the loaded component is: its size, whether it has init, its imports and exports. */
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
            <dt>Init</dt>
            <dd>{info.hasInit ? 'yes: theater:simple/actor.init ran at load' : 'no: it does not export theater:simple/actor'}</dd>
          </dl>
          <h3>Exports</h3>
          <WorldItems label="Exports" items={info.exports} />
          <h3>Imports</h3>
          <WorldItems label="Imports" items={info.imports} markStubs />
        </>
      ) : (
        <p className="empty">No actor loaded yet.</p>
      )}
    </section>
  );
}
