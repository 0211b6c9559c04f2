// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { textMessage } from '../../core';
import { PlaygroundProvider } from '../../store';
import { nodeStore } from '../../store/testing/nodeStore';
import { TimelineList } from './TimelineList';
import { TimelineSearch } from './TimelineSearch';

const { store, dispose } = nodeStore();
beforeAll(async () => {
  await store.getState().loadUrl('./actors/chat-room.wasm', 'chat-room');
  // #0 init, #1-#3 three clients join (each join is told to the others), #4 one says hi to all.
  for (let i = 0; i < 3; i++) await store.getState().openConnection();
  await store.getState().send(1, textMessage('hi'));
  await waitFor(() => expect(store.getState().eventCount).toBe(5));
});
afterEach(cleanup);
afterAll(dispose);

const row = (list: HTMLElement, seq: number): HTMLElement => within(list).getAllByRole('listitem').find((item) => item.dataset.seq === String(seq))!;

describe('the timeline over an http-framework actor (chat-room)', () => {
  it('marks the rows whose responses went to other connections, by count, and search finds them', async () => {
    render(
      <PlaygroundProvider store={store}>
        <TimelineSearch />
        <TimelineList />
      </PlaygroundProvider>,
    );
    const list = screen.getByRole('list', { name: 'Timeline' });
    // The first join only welcomed its own client: nothing to mark.
    expect(row(list, 1).textContent).not.toContain('responses went to');
    expect(within(row(list, 2)).getByText('→ 2 connections')).toBeTruthy();
    expect(row(list, 2).textContent).toContain('responses went to 2 connections');
    // The third join went to all three, as did the message.
    for (const seq of [3, 4]) expect(within(row(list, seq)).getByText('→ 3 connections')).toBeTruthy();
    act(() => store.getState().setTimelineSearch('→ 2 connections'));
    await waitFor(() => expect(store.getState().searchMatches).toEqual([2]));
    act(() => store.getState().setTimelineSearch(''));
  });
});
