import { usePlayground, type SideTab } from '../../store';

/** A button that brings one of the side panel's tabs forward, through the store as the tabs themselves do. */
export function ShowTabButton({ tab, label }: { tab: SideTab; label: string }) {
  const showSideTab = usePlayground((s) => s.showSideTab);
  return (
    <button type="button" className="button tour__extra" onClick={() => showSideTab(tab)}>
      Show the {label} tab
    </button>
  );
}
