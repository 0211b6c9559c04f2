import { usePlayground, type SideTab } from '../../store';
import { Tabs, type Tab } from '../../ui/layout/Tabs';
import { ComponentPanel } from './ComponentPanel';
import { InterfacePanel } from './InterfacePanel';

const TABS: readonly Tab<SideTab>[] = [
  { id: 'component', label: 'Component', content: <ComponentPanel /> },
  { id: 'interface', label: 'Interface', content: <InterfacePanel /> },
];

/** The left column: what the loaded component is, and the interface it speaks. */
export function SidePanel() {
  const selected = usePlayground((s) => s.sideTab);
  const showSideTab = usePlayground((s) => s.showSideTab);
  return (
    <div className="panel side-panel">
      <Tabs label="Component and interface" tabs={TABS} selected={selected} onSelect={showSideTab} />
    </div>
  );
}
