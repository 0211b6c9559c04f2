import { usePlayground } from '../../store';
import { formatSize } from '../../ui/format';
import { Term } from '../../ui/term/Term';
import { ACTOR_KIND_LABELS, type ActorKind, type ComponentInfo } from '../../core';
import { ComponentCacheControl } from './ComponentCacheControl';
import { HttpServersSection } from './HttpServersSection';
import { ImportList } from './ImportList';
import { WorldItems } from './WorldItems';

/** The interface Theater calls each kind through, and what that means for who gets a response. */
const CALLED_THROUGH: Record<ActorKind, (pkg: ComponentInfo['package']) => string> = {
  'websocket-server': (pkg) => `called through ${pkg}/websocket-server (handle-message); replies go only to the client whose event produced them`,
  'http-framework': (pkg) => `called through ${pkg}/http-handlers (handle-websocket-connect, -message, -disconnect), with a connection id per client; it sends to any open connection`,
};

/** What the loaded component is: its size, whether it has init, its exports, and each imported function. */
export function ComponentPanel() {
  const info = usePlayground((s) => s.info);
  return (
    // Named by aria-label: the tab above already says "Component", a heading would repeat it.
    <section className="component" aria-label="Component">
      {info ? (
        <>
          <dl className="facts">
            <dt>Kind</dt>
            <dd>
              {ACTOR_KIND_LABELS[info.actorKind]}: {CALLED_THROUGH[info.actorKind](info.package)}
            </dd>
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
          {info.actorKind === 'http-framework' && <HttpServersSection />}
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
