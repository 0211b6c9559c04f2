import { usePlayground, type SideTab } from '../store';
import { BridgePanel } from '../features/bridge/BridgePanel';
import { ReportsPanel, useReportCount } from '../features/history/ReportsPanel';
import { ComponentPanel } from '../features/interface/ComponentPanel';
import { InterfacePanel } from '../features/interface/InterfacePanel';
import { EditorPanel } from '../features/editor/EditorPanel';
import { Tabs, type Tab } from '../ui/layout/Tabs';
import { useReportHome } from './useReportHome';

/**
 * The side panel: everything that is not the conversation, the timeline or the Inspector, as tabs,
 * so none of it takes a fixed share of the screen. Reports open their tab when they arrive.
 */
export function SidePanel() {
  const selected = usePlayground((s) => s.sideTab);
  const showSideTab = usePlayground((s) => s.showSideTab);
  const reports = useReportCount();
  useReportHome();
  const tabs: readonly Tab<SideTab>[] = [
    { id: 'component', label: 'Component', content: <ComponentPanel /> },
    { id: 'interface', label: 'Interface', content: <InterfacePanel /> },
    { id: 'editor', label: 'Editor', content: <EditorPanel /> },
    { id: 'bridge', label: 'Bridge', content: <BridgePanel /> },
    { id: 'reports', label: 'Reports', badge: reports > 0 ? String(reports) : undefined, content: <ReportsPanel /> },
  ];
  return (
    // `data-tour-dock`: the tour's card docks at the bottom of this panel (features/tour/useDock.ts).
    <div className="panel side-panel" data-tour-dock="">
      <Tabs label="Side panel" tabs={tabs} selected={selected} onSelect={showSideTab} />
    </div>
  );
}
