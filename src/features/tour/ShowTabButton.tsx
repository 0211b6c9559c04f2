import { useEffect, useState } from 'react';
import { findByName } from './findByName';

/**
 * A button that brings the side panel's tab `name` forward, shown only when the page has that
 * tab: the tour names tabs other features own (the Editor comes with its own feature) by what
 * the page calls them, and clicks the real tab as a person would.
 */
export function ShowTabButton({ name }: { name: string }) {
  const [present, setPresent] = useState(false);
  // One look once the page is drawn (after a reload the card and the tabs mount together).
  useEffect(() => {
    const frame = requestAnimationFrame(() => setPresent(findByName({ role: 'tab', name }) !== undefined));
    return () => cancelAnimationFrame(frame);
  }, [name]);
  if (!present) return null;
  return (
    <button type="button" className="button tour__extra" onClick={() => findByName({ role: 'tab', name })?.click()}>
      Show the {name} tab
    </button>
  );
}
