import { usePlayground } from '../store';
import { AlertBanner } from './alerts/AlertBanner';
import { BridgePanel } from './bridge/BridgePanel';
import { ConnectionsPanel } from './chat/ConnectionsPanel';
import { ActorStatus } from './header/ActorStatus';
import { FileMenu } from './history/FileMenu';
import { HistoryPanel } from './history/HistoryPanel';
import { HelpButton } from './help/HelpButton';
import { HelpDialog } from './help/HelpDialog';
import { usePageShortcuts } from './help/usePageShortcuts';
import { Inspector } from './inspector/Inspector';
import { SidePanel } from './interface/SidePanel';
import { SplitView } from './layout/SplitView';
import { DropOverlay } from './loader/DropOverlay';
import { ExamplePicker } from './loader/ExamplePicker';
import { LoadActor } from './loader/LoadActor';
import { useFileDrop } from './loader/useFileDrop';
import { SessionControls } from './sessions/SessionControls';
import { StatusBar } from './statusbar/StatusBar';
import { ThemeToggle } from './theme/ThemeToggle';
import { Timeline } from './timeline/Timeline';

/** The page: load an actor, talk to it from simulated clients, watch every event. */
export function App() {
  const loadFile = usePlayground((s) => s.loadFile);
  const setDragging = usePlayground((s) => s.setDragging);
  useFileDrop(loadFile, setDragging);
  usePageShortcuts();
  return (
    <div className="app">
      <header className="topbar">
        <h1>Theater Playground</h1>
        <ActorStatus />
        <div className="topbar__actions">
          <FileMenu />
          <SessionControls />
          <LoadActor />
          <ThemeToggle />
          <HelpButton />
        </div>
      </header>
      <ExamplePicker />
      <AlertBanner />
      <HistoryPanel />
      <main className="workspace">
        {/* Each child of a SplitView is a resizable pane. The bridge, used now and then, sits under the simulated clients. */}
        <SplitView id="workspace" orientation="horizontal" names={['Component', 'Connections', 'Events']} sizes={[24, 42, 34]} minSize="200px">
          <SidePanel />
          <SplitView id="conversation" orientation="vertical" names={['Connections', 'Bridge']} sizes={[68, 32]} minSize="80px">
            <ConnectionsPanel />
            <BridgePanel />
          </SplitView>
          <SplitView id="events" orientation="vertical" names={['Timeline', 'Inspector']} sizes={[45, 55]} minSize="120px">
            <Timeline />
            <Inspector />
          </SplitView>
        </SplitView>
      </main>
      <StatusBar />
      <DropOverlay />
      <HelpDialog />
    </div>
  );
}
