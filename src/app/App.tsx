import { usePlayground } from '../store';
import { AlertBanner } from '../features/page/AlertBanner';
import { ConnectionsPanel } from '../features/chat/ConnectionsPanel';
import { ActorStatus } from '../features/actor/ActorStatus';
import { FileMenu } from '../features/history/FileMenu';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { HelpButton } from '../features/help/HelpButton';
import { HelpDialog } from '../features/help/HelpDialog';
import { usePageShortcuts } from '../features/help/usePageShortcuts';
import { Inspector } from '../features/inspector/Inspector';
import { SkipLink } from '../features/help/SkipLink';
import { SidePanel } from './SidePanel';
import { SplitView } from '../ui/layout/SplitView';
import { DropOverlay } from '../features/actor/loader/DropOverlay';
import { ExamplePicker } from '../features/actor/loader/ExamplePicker';
import { LoadActor } from '../features/actor/loader/LoadActor';
import { useFileDrop } from '../features/actor/loader/useFileDrop';
import { ReplacedNotice } from '../features/sessions/ReplacedNotice';
import { SessionControls } from '../features/sessions/SessionControls';
import { StatusBar } from '../features/page/StatusBar';
import { ThemeToggle } from '../features/page/ThemeToggle';
import { ServerSettingsDialog } from '../features/settings/ServerSettingsDialog';
import { Timeline } from '../features/timeline/Timeline';
import { TourCard } from '../features/tour/TourCard';

/** The page: load an actor, talk to it from simulated clients, watch every event. */
export function App() {
  const loadFile = usePlayground((s) => s.loadFile);
  const setDragging = usePlayground((s) => s.setDragging);
  useFileDrop(loadFile, setDragging);
  usePageShortcuts();
  return (
    <div className="app">
      <SkipLink />
      <header className="topbar">
        <h1>Theater Playground</h1>
        <ActorStatus />
        <div className="topbar__actions">
          <FileMenu />
          <SessionControls />
          <LoadActor />
          <ServerSettingsDialog />
          <ThemeToggle />
          <HelpButton />
        </div>
      </header>
      <ExamplePicker />
      <AlertBanner />
      <ReplacedNotice />
      <main className="workspace">
        {/*
          Each child of a SplitView is a resizable pane. The debugger's core, the conversation and
          the timeline over the Inspector, takes most of the width; everything used now and then
          (component facts, interface, bridge, reports) shares the side panel's tabs.
        */}
        <SplitView id="workspace" orientation="horizontal" names={['Side panel', 'Connections', 'Events']} sizes={[24, 36, 40]} minSize="200px">
          <SidePanel />
          <ConnectionsPanel />
          <SplitView id="events" orientation="vertical" names={['Timeline', 'Inspector']} sizes={[50, 50]} minSize="120px">
            <Timeline />
            <Inspector />
          </SplitView>
        </SplitView>
      </main>
      {/* Under the panes, like a player's transport bar: the Tab order reaches the conversation first. */}
      <HistoryPanel />
      <StatusBar />
      <DropOverlay />
      <HelpDialog />
      {/* Last in the page's order: the Tab order reaches the conversation first, and the card never takes the focus. */}
      <TourCard />
    </div>
  );
}
