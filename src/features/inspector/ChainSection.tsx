import { Fragment } from 'react';
import { chainReadings, type ActorEvent } from '../../core';
import { SectionHead } from './SectionHead';

/**
 * The Theater chain entries an imported event came from, each with what it records and its values
 * exactly as written: JSON held in bytes shown as that JSON, Pack tagged values as they are.
 */
export function ChainSection({ event }: { event: ActorEvent }) {
  const chain = event.chain;
  if (!chain) return null;
  const readings = chainReadings(chain);
  return (
    <section className="inspector__section" aria-label="Chain entries">
      <SectionHead
        title={
          <>
            Chain entries <span className="count">{readings.length}</span>
            <span className="inspector__muted">{chain.format === 'text' ? "Theater's text format (.chain)" : "Theater's JSON chain"}</span>
          </>
        }
      />
      {chain.readOnly !== undefined ? (
        <p className="inspector__note">
          <strong>Not replayable</strong>: {chain.readOnly}.
        </p>
      ) : (
        <p className="inspector__note inspector__muted">Kept as written: the playground would write some of these values otherwise (Pack values, say), so an export writes them back unchanged.</p>
      )}
      <ol className="inspector__list">
        {readings.map((reading, i) => (
          <li key={i} className="inspector__item chain-entry">
            <div className="inspector__row">
              {chain.format === 'json' && <code className="chain-entry__type">{chain.entries[i]!.eventType}</code>}
              <span className={`chain-entry__summary chain-entry__summary--${reading.kind}`}>{reading.summary}</span>
            </div>
            {reading.fields.length > 0 && (
              <dl className="facts chain-entry__fields">
                {reading.fields.map((field) => (
                  <Fragment key={field.label}>
                    <dt>{field.label}</dt>
                    <dd>
                      <code className="wave wave--inline">{field.value}</code> {field.note && <span className="inspector__muted">{field.note}</span>}
                    </dd>
                  </Fragment>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
