import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './menu.css';

/** The menu's items a person can reach (disabled ones are skipped, as the pattern allows). */
const itemsOf = (menu: HTMLElement | null): HTMLElement[] => Array.from(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []);

const focusItem = (menu: HTMLElement | null, at: 'first' | 'last'): void => {
  const list = itemsOf(menu);
  (at === 'first' ? list[0] : list.at(-1))?.focus();
};

/** One action in a menu: its name is the item's accessible name. */
export interface MenuAction {
  label: string;
  /** Shown on hover: what the action does, when the name alone does not say. */
  title?: string;
  disabled?: boolean;
  onSelect(): void;
}

interface Props {
  /** The button's text and accessible name (`Files`). */
  label: string;
  actions: readonly MenuAction[];
}

/**
 * A WAI-ARIA menu button: Enter, Space or ↓ opens the menu on its first item, ↑ on its last; in
 * the menu ↑ ↓ Home End move, Enter or Space runs an item, Escape closes and gives focus back to
 * the button, Tab closes and moves on. A click outside closes it. Items are `menuitem`s, so the
 * names people and tests use (`Export session`) stay the same as when they were buttons.
 */
export function MenuButton({ label, actions }: Props) {
  const base = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  /** The item to focus once the menu is drawn: the first, the last, or none. */
  const focusAt = useRef<'first' | 'last' | null>(null);

  const items = (): HTMLElement[] => itemsOf(menu.current);
  const show = (at: 'first' | 'last') => {
    focusAt.current = at;
    if (open) focusItem(menu.current, at);
    else setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open || !focusAt.current) return;
    focusItem(menu.current, focusAt.current);
    focusAt.current = null;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(list.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        // Tab leaves the menu for the next control after the button, as a closed menu would.
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    // The page's single-key shortcuts must not see keys the menu used.
    event.stopPropagation();
  };

  const run = (action: MenuAction) => {
    if (action.disabled) return;
    close(true);
    action.onSelect();
  };

  return (
    <div className="menu-button">
      <button
        ref={button}
        type="button"
        className="button"
        id={`${base}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${base}-menu`}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={onButtonKey}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <ul ref={menu} id={`${base}-menu`} role="menu" aria-labelledby={`${base}-button`} className="menu" hidden={!open} onKeyDown={onMenuKey}>
        {actions.map((action) => (
          <li
            key={action.label}
            role="menuitem"
            tabIndex={-1}
            className="menu__item"
            title={action.title}
            aria-disabled={action.disabled || undefined}
            onClick={() => run(action)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              run(action);
            }}
          >
            {action.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
