import type { ComponentInfo, WorldItem } from '../../engine';
import { isStubbedImport } from '../../store';
import { formatDuration, formatSize } from '../format';

/** Names in one line; stubbed imports marked, since their answers are made-up defaults. */
function Names({ items }: { items: WorldItem[] }) {
  if (items.length === 0) return <span className="summary__none">none</span>;
  return (
    <>
      {items.map((item, i) => (
        <span key={item.name} className={`summary__name${isStubbedImport(item) ? ' summary__name--stub' : ''}`}>
          <code>{item.name}</code>
          {isStubbedImport(item) && <span className="summary__stub"> (stubbed)</span>}
          {i < items.length - 1 && ', '}
        </span>
      ))}
    </>
  );
}

/** What was loaded, at a glance: name, size, whether `init` ran, what it exports and imports. */
export function LoadSummary({ name, info, totalMs }: { name: string; info: ComponentInfo; totalMs: number | null }) {
  const stubbed = info.imports.filter(isStubbedImport).length;
  return (
    <dl className="summary" aria-label="Load summary">
      <div className="summary__row summary__row--title">
        <dt className="visually-hidden">Actor</dt>
        <dd>
          <strong className="summary__actor">{name}</strong> <span className="summary__muted">{formatSize(info.size)}</span>
          {totalMs !== null && <span className="summary__muted"> · loaded in {formatDuration(totalMs)}</span>}
        </dd>
        <dt className="visually-hidden">init</dt>
        <dd className={`summary__init${info.hasInit ? ' summary__init--yes' : ''}`}>
          <span aria-hidden="true">init </span>
          {info.hasInit ? 'yes, ran at load' : 'none'}
        </dd>
      </div>
      <div className="summary__row">
        <dt>exports</dt>
        <dd>
          <Names items={info.exports} />
        </dd>
      </div>
      <div className="summary__row">
        <dt>
          imports{stubbed > 0 && <span className="summary__stub-count"> · {stubbed} stubbed</span>}
        </dt>
        <dd>
          <Names items={info.imports} />
        </dd>
      </div>
    </dl>
  );
}
