import { type ConnectionView, usePlayground } from '../../store';
import { Composer } from '../composer/Composer';
import { Transcript } from './Transcript';

/** One simulated client: its transcript, its composer, and a way to hang up. */
export function ConnectionCard({ connection }: { connection: ConnectionView }) {
  const closeConnection = usePlayground((s) => s.closeConnection);
  const headingId = `connection-${connection.id}-heading`;
  return (
    <section className={`connection${connection.open ? '' : ' connection--closed'}`} aria-labelledby={headingId}>
      <div className="connection__head">
        <h3 id={headingId}>Connection #{connection.id}</h3>
        <span className={`tag ${connection.open ? 'tag--ok' : ''}`}>{connection.open ? 'open' : 'closed'}</span>
        <button type="button" className="button button--quiet" disabled={!connection.open} onClick={() => void closeConnection(connection.id)}>
          Close connection
        </button>
      </div>
      <Transcript connectionId={connection.id} />
      <Composer connectionId={connection.id} disabled={!connection.open} />
    </section>
  );
}
