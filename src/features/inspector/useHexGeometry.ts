import { useLayoutEffect, useState, type RefObject } from 'react';

/** How the hex view fits its box: bytes per row, whether the ASCII column shows, offset digits. */
export interface HexGeometry {
  bytes: number;
  ascii: boolean;
  digits: number;
}

/** Widest first: the first that fits the box in characters wins. */
const CHOICES = [
  { bytes: 16, ascii: true },
  { bytes: 16, ascii: false },
  { bytes: 8, ascii: true },
  { bytes: 8, ascii: false },
  { bytes: 4, ascii: false },
] as const;

/** Characters one row needs: per side an offset, the bytes (`ff ` each) and the ASCII, then a separator. */
const rowChars = (bytes: number, ascii: boolean, digits: number) => 2 * (digits + 1 + bytes * 3 + (ascii ? bytes + 1 : 0)) + 2;

/**
 * Picks the widest layout the box holds, measured in characters of the monospace font (read
 * from `probe`, a ten-character span), and again whenever the panel is resized.
 */
export function useHexGeometry(box: RefObject<HTMLElement | null>, probe: RefObject<HTMLElement | null>, largest: number): HexGeometry {
  const digits = Math.max(4, Math.max(0, largest - 1).toString(16).length);
  const [columns, setColumns] = useState(80);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const charWidth = (probe.current?.getBoundingClientRect().width ?? 70) / 10 || 7;
      setColumns(Math.floor(element.clientWidth / charWidth));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [box, probe]);
  const fit = CHOICES.find((choice) => rowChars(choice.bytes, choice.ascii, digits) <= columns) ?? CHOICES[CHOICES.length - 1]!;
  return { bytes: fit.bytes, ascii: fit.ascii, digits };
}
