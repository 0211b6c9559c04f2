import { usePlayground } from '../store';
import { AlertBanner } from './alerts/AlertBanner';
import { ConnectionsPanel } from './chat/ConnectionsPanel';
import { ActorStatus } from './header/ActorStatus';
import { FileMenu } from './history/FileMenu';
import { ComponentPanel } from './interface/ComponentPanel';
import { DropOverlay } from './loader/DropOverlay';
import { ExamplePicker } from './loader/ExamplePicker';
import { LoadActor } from './loader/LoadActor';
import { useFileDrop } from './loader/useFileDrop';
import { Timeline } from './timeline/Timeline';

/** The page: load an actor, talk to it from simulated clients, watch every event. */
export function App() {
  const loadFile = usePlayground((s) => s.loadFile);
  const setDragging = usePlayground((s) => s.setDragging);
  useFileDrop(loadFile, setDragging);
  return (
    <div className="app">
      <header className="topbar">
        <h1>Theater Playground</h1>
        <ActorStatus />
        <div className="topbar__actions">
          <FileMenu />
          <LoadActor />
        </div>
      </header>
      <ExamplePicker />
      <AlertBanner />
      <main className="workspace">
        <ComponentPanel />
        <ConnectionsPanel />
        <Timeline />
      </main>
      <DropOverlay />
    </div>
  );
}
