import { isRuntimeInternalExport, isTheaterInterface, THEATER_PACKAGE_ERAS, type ComponentInfo, type WorldItem } from '../../../core';
import { isStubbedImport, missingFunctions } from '../../../store';
import { formatDuration, formatSize } from '../../../ui/format';
import { Term } from '../../../ui/term/Term';

/** Names in one line; stubbed imports marked, since their answers are made-up defaults. */
function Names({ items, stubbed }: { items: WorldItem[]; stubbed?: (item: WorldItem) => boolean }) {
  if (items.length === 0) return <span className="summary__none">none</span>;
  return (
    <>
      {items.map((item, i) => (
        <span key={item.name} className={`summary__name${stubbed?.(item) ? ' summary__name--stub' : ''}`}>
          <code>{item.name}</code>
          {stubbed?.(item) && <span className="summary__stub"> (stubbed)</span>}
          {i < items.length - 1 && ', '}
        </span>
      ))}
    </>
  );
}

/** `a`, `a and b`, `a, b and c`. */
const listed = (names: string[]): string => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`);

/**
 * Says, before anyone trusts a reply, that some imports are only stubbed (and which of them are
 * Theater's own interfaces), and that some functions cannot be answered at all.
 */
function StubWarning({ info, stubbed }: { info: ComponentInfo; stubbed: WorldItem[] }) {
  const missing = missingFunctions(info);
  if (stubbed.length === 0 && missing.length === 0) return null;
  const names = stubbed.map((item) => item.name);
  const theater = names.filter(isTheaterInterface);
  return (
    <div className="summary__row summary__row--warning">
      <dt className="visually-hidden">Warning</dt>
      <dd role="note" aria-label="Stubbed imports" className="summary__warning">
        {stubbed.length > 0 && (
          <>
            {stubbed.length === 1 ? `${names[0]} is stubbed: its` : `${stubbed.length === 2 ? 'Both' : stubbed.length} interfaces are stubbed (${listed(names)}): their`} calls are recorded and answered
            with defaults, not by a real host.
            {theater.length > 0 && ` ${listed(theater)} ${theater.length === 1 ? 'is one' : 'are'} of Theater's own interfaces.`}
          </>
        )}
        {missing.length > 0 && ` ${missing.length === 1 ? '1 function has' : `${missing.length} functions have`} no answer at all (${listed(missing.map((fn) => fn.function))}): calling ${missing.length === 1 ? 'it' : 'any of them'} traps the actor.`}
      </dd>
    </div>
  );
}

/** What was loaded, at a glance: name, size, whether `init` ran, its Theater package, what it exports and imports. */
export function LoadSummary({ name, info, totalMs }: { name: string; info: ComponentInfo; totalMs: number | null }) {
  const isStubbed = (item: WorldItem) => isStubbedImport(item, info);
  const stubbed = info.imports.filter(isStubbed);
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
          {info.hasInit ? (
            <Term term="init">
              <span aria-hidden="true">init </span>yes, ran at load
            </Term>
          ) : (
            <Term term="init-none">
              <span aria-hidden="true">init </span>none
            </Term>
          )}
        </dd>
      </div>
      <div className="summary__row">
        <dt>package</dt>
        <dd>
          <code>{info.package}</code> <span className="summary__muted">({THEATER_PACKAGE_ERAS[info.package]})</span>
          {info.actorId !== undefined && (
            <span className="summary__muted">
              {' '}
              · actor id <code>{info.actorId}</code>
            </span>
          )}
        </dd>
      </div>
      <div className="summary__row">
        <dt>exports</dt>
        <dd>
          {/* What the runtime adds for itself is not the actor's: the Component tab lists it, labelled. */}
          <Names items={info.exports.filter((item) => !isRuntimeInternalExport(item))} />
        </dd>
      </div>
      <div className="summary__row">
        <dt>
          imports
          {stubbed.length > 0 && (
            <span className="summary__stub-count">
              {' '}
              · {stubbed.length} <Term term="stubbed">stubbed</Term>
            </span>
          )}
        </dt>
        <dd>
          <Names items={info.imports} stubbed={isStubbed} />
        </dd>
      </div>
      <StubWarning info={info} stubbed={stubbed} />
    </dl>
  );
}
