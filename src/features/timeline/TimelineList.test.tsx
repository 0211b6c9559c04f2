// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlaygroundProvider } from '../../store';
import { counterWithConnection, nodeStore } from '../../store/testing/nodeStore';
import { TimelineList } from './TimelineList';
import { TimelineSearch } from './TimelineSearch';

const { store, dispose } = nodeStore();
beforeAll(async () => {
  const connection = await counterWithConnection(store);
  // #0 init, #1 connect, then #2 inc 1, #3 get (the state stays), #4 inc 1.
  for (const text of ['inc 1', 'get', 'inc 1']) {
    store.getState().editDraft(connection, { kind: 'text', body: text });
    await store.getState().sendDraft(connection);
  }
  await waitFor(() => expect(store.getState().eventCount).toBe(5));
});
afterEach(() => {
  cleanup();
  store.getState().clearTimelineFilter();
  store.getState().select(null);
});
afterAll(dispose);

function renderList(maxScrollPx?: number) {
  render(
    <PlaygroundProvider store={store}>
      <TimelineSearch />
      <TimelineList maxScrollPx={maxScrollPx} />
    </PlaygroundProvider>,
  );
  const list = screen.getByRole('list', { name: 'Timeline' });
  list.focus();
  return list;
}

/** The row marked current, by its event number. */
const currentRow = (list: HTMLElement): number => Number(within(list).getAllByRole('listitem').find((row) => row.getAttribute('aria-current') === 'true')?.dataset.seq);

describe('the timeline keys, over the real counter actor', () => {
  it('move the selection with ↑/↓, j/k, Home and End, and End follows the newest again', () => {
    const list = renderList();
    // Following the newest: the last row is current, and nothing is chosen.
    expect(currentRow(list)).toBe(4);
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect([store.getState().cursor, currentRow(list)]).toEqual([3, 3]);
    fireEvent.keyDown(list, { key: 'k' });
    fireEvent.keyDown(list, { key: 'Home' });
    expect(currentRow(list)).toBe(0);
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(currentRow(list)).toBe(0);
    fireEvent.keyDown(list, { key: 'j' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(currentRow(list)).toBe(2);
    fireEvent.keyDown(list, { key: 'End' });
    expect([store.getState().cursor, currentRow(list)]).toEqual([null, 4]);
  });

  it('leave keys with Ctrl, Alt or Meta to the browser', () => {
    const list = renderList();
    act(() => store.getState().select(2));
    expect(fireEvent.keyDown(list, { key: 'ArrowDown', ctrlKey: true })).toBe(true);
    expect(fireEvent.keyDown(list, { key: 'Home', altKey: true })).toBe(true);
    expect(store.getState().cursor).toBe(2);
  });

  it('never select an event the filter hides: from a hidden one, ↑ and ↓ go to the shown rows around it', async () => {
    const list = renderList();
    act(() => {
      store.getState().select(3);
      store.getState().setTimelineFilter({ changedOnly: true });
    });
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((row) => Number(row.dataset.seq))).toEqual([0, 1, 2, 4]));
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(store.getState().cursor).toBe(2);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(store.getState().cursor).toBe(4);
    // Filtered, End is the last shown row, not "follow the newest".
    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: 'End' });
    expect([store.getState().cursor, currentRow(list)]).toEqual([4, 4]);
  });
});

/** A scroll range far shorter than the five rows: they share it as a million rows share the browser's. */
const CAPPED_PX = 200;
/** happy-dom lays nothing out: the list's scroller is given the height a page would give it, about two rows. */
const VIEW_PX = 150;

/** Where a row is drawn in the view (px from its top): its offset from the shift, as the stylesheet adds them. */
function placeOf(list: HTMLElement, seq: number): { top: number; bottom: number } {
  const row = within(list).getAllByRole('listitem').find((item) => item.dataset.seq === String(seq))!;
  const offset = Number(/\+ (-?[\d.]+)px\)$/.exec(row.style.top)![1]);
  const top = parseFloat(list.parentElement!.style.getPropertyValue('--rows-shift')) + offset;
  return { top, bottom: top + parseFloat(row.style.height) };
}

/** The row is reached: selected, and in view with the list's scroller at a place inside its scroll range. */
function expectReached(list: HTMLElement, seq: number) {
  expect(currentRow(list)).toBe(seq);
  const scroller = list.parentElement!;
  const range = parseFloat(scroller.style.getPropertyValue('--timeline-height'));
  expect(range).toBe(CAPPED_PX);
  expect(scroller.scrollTop).toBeGreaterThanOrEqual(0);
  expect(scroller.scrollTop).toBeLessThanOrEqual(range - VIEW_PX);
  const place = placeOf(list, seq);
  expect(place.top).toBeGreaterThanOrEqual(0);
  expect(place.bottom).toBeLessThanOrEqual(VIEW_PX);
}

describe('a timeline taller than the browser lets a list be (the cap made small)', () => {
  beforeAll(() => {
    Object.defineProperty(HTMLDivElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLDivElement) {
        return this.classList.contains('timeline-list') ? VIEW_PX : 0;
      },
    });
  });
  afterAll(() => {
    delete (HTMLDivElement.prototype as { clientHeight?: number }).clientHeight;
  });

  it('reaches the last row and the first by End, Page Down, Home and a click, each selected and in view', () => {
    const list = renderList(CAPPED_PX);
    fireEvent.keyDown(list, { key: 'Home' });
    expectReached(list, 0);
    fireEvent.keyDown(list, { key: 'End' });
    expectReached(list, 4);
    fireEvent.keyDown(list, { key: 'Home' });
    for (let i = 0; i < 4; i++) fireEvent.keyDown(list, { key: 'PageDown' });
    expectReached(list, 4);
    act(() => store.getState().select(2));
    expectReached(list, 2);
    // Clicked, the last row is selected (not "follow the newest": the person chose it).
    fireEvent.click(within(list).getAllByRole('listitem').find((row) => row.dataset.seq === '4')!);
    expect(store.getState().cursor).toBe(4);
    expectReached(list, 4);
  });

  it('finds and reveals the last row by search', async () => {
    const list = renderList(CAPPED_PX);
    fireEvent.keyDown(list, { key: 'Home' });
    const search = screen.getByRole('searchbox', { name: 'Search events' });
    fireEvent.change(search, { target: { value: 'inc 1' } });
    // Back from the first row, a search wraps around to its last match: the last row.
    fireEvent.keyDown(search, { key: 'Enter', shiftKey: true });
    await waitFor(() => expect(store.getState().cursor).toBe(4));
    expectReached(list, 4);
    act(() => store.getState().setTimelineSearch(''));
  });

  it('filtered, keys and search move over the rows shown and reveal the right one', async () => {
    const list = renderList(CAPPED_PX);
    act(() => store.getState().setTimelineFilter({ changedOnly: true }));
    await waitFor(() => expect(store.getState().timelineRows).toEqual([0, 1, 2, 4]));
    fireEvent.keyDown(list, { key: 'Home' });
    fireEvent.keyDown(list, { key: 'End' });
    expectReached(list, 4);
    // #3 changed nothing: the filter hides it.
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expectReached(list, 2);
    const search = screen.getByRole('searchbox', { name: 'Search events' });
    fireEvent.change(search, { target: { value: 'connect' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(store.getState().cursor).toBe(1));
    expectReached(list, 1);
    act(() => store.getState().setTimelineSearch(''));
  });
});
