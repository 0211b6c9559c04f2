import { usePlayground } from '../../store';
import { SplitView } from '../../ui/layout/SplitView';
import { LazyWitEditor } from '../../ui/monaco/LazyWitEditor';
import { AnnotatedCall } from './AnnotatedCall';
import { LazyInterfaceDocs } from './LazyInterfaceDocs';

/**
 * Teaching view: the component's world as WIT, the selected call laid against that WIT, and
 * the websocket-server interface's own documentation.
 */
export function InterfacePanel() {
  const wit = usePlayground((s) => s.info?.wit);
  return (
    <section className="interface" aria-label="Interface">
      <SplitView id="interface" orientation="vertical" names={['WIT', 'Selected call', 'Documentation']} sizes={[28, 40, 32]} minSize="8%">
        <div className="interface__pane">
          <h3 className="pane-title">
            World <span className="pane-title__detail">imports and exports</span>
          </h3>
          <div className="interface__wit">{wit === undefined ? <p className="empty">No actor loaded yet.</p> : <LazyWitEditor wit={wit} label="Component WIT" />}</div>
        </div>
        <div className="interface__pane">
          <AnnotatedCall />
        </div>
        <div className="interface__pane interface__pane--docs">
          <h3 className="pane-title">
            websocket-server <span className="pane-title__detail">the interface's own docs</span>
          </h3>
          <LazyInterfaceDocs />
        </div>
      </SplitView>
    </section>
  );
}
