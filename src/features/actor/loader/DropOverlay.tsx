import { usePlayground } from '../../../store';

/** Tells a person dragging a file that letting go anywhere loads it (or imports it, for a chain or a session file). */
export function DropOverlay() {
  const dragging = usePlayground((s) => s.dragging);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop a .wasm component to load it, or a Theater chain or session file to import it</p>
    </div>
  );
}
