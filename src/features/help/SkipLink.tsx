import type { MouseEvent } from 'react';
import { findByName } from '../../ui/findByName';
import { focusLastLabelled } from './findLabelled';

/**
 * The first stop of the Tab order (shown only when focused): straight to the newest connection's
 * `Message` box, or to `New connection` while there is none, past the header, the examples and the
 * history controls.
 */
export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (!focusLastLabelled('Message')) findByName('button', 'New connection')?.focus();
  };
  return (
    <a className="skip-link" href="#connections-heading" onClick={skip}>
      Skip to composer
    </a>
  );
}
