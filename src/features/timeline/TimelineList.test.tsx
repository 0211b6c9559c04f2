// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlaygroundProvider } from '../../store';
import { counterWithConnection, nodeStore } from '../../store/testing/nodeStore';
import { TimelineList } from './TimelineList';

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

function renderList() {
  render(
    <PlaygroundProvider store={store}>
      <TimelineList />
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
