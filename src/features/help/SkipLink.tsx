import type { MouseEvent } from 'react';
import { focusLastLabelled } from './findLabelled';

/** The button named `name`, by its text: the contract's names are what the page is known by. */
const buttonNamed = (name: string): HTMLButtonElement | undefined =>
  [...document.querySelectorAll('button')].find((button) => !button.disabled && button.textContent?.trim() === name);

/**
 * The first stop of the Tab order (shown only when focused): straight to the newest connection's
 * `Message` box, or to `New connection` while there is none, past the header, the examples and the
 * history controls.
 */
export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (!focusLastLabelled('Message')) buttonNamed('New connection')?.focus();
  };
  return (
    <a className="skip-link" href="#connections-heading" onClick={skip}>
      Skip to composer
    </a>
  );
}
