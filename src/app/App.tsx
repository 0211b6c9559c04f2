import { usePlayground } from '../store';
import { AlertBanner } from '../features/page/AlertBanner';
import { BridgePanel } from '../features/bridge/BridgePanel';
import { ConnectionsPanel } from '../features/chat/ConnectionsPanel';
import { ActorStatus } from '../features/actor/ActorStatus';
import { FileMenu } from '../features/history/FileMenu';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { HelpButton } from '../features/help/HelpButton';
import { HelpDialog } from '../features/help/HelpDialog';
import { usePageShortcuts } from '../features/help/usePageShortcuts';
import { Inspector } from '../features/inspector/Inspector';
import { SidePanel } from '../features/interface/SidePanel';
import { SplitView } from '../ui/layout/SplitView';
import { DropOverlay } from '../features/actor/loader/DropOverlay';
import { ExamplePicker } from '../features/actor/loader/ExamplePicker';
import { LoadActor } from '../features/actor/loader/LoadActor';
import { useFileDrop } from '../features/actor/loader/useFileDrop';
import { ReplacedNotice } from '../features/sessions/ReplacedNotice';
import { SessionControls } from '../features/sessions/SessionControls';
import { StatusBar } from '../features/page/StatusBar';
import { ThemeToggle } from '../features/page/ThemeToggle';
import { Timeline } from '../features/timeline/Timeline';

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
      <ReplacedNotice />
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
