// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlaygroundProvider } from '../../store';
import { counterWithConnection, nodeStore } from '../../store/testing/nodeStore';
import { Inspector } from './Inspector';

const { store, dispose } = nodeStore();
beforeAll(async () => {
  const connection = await counterWithConnection(store);
  // #0 init, #1 connect, #2 inc 5, #3 get (the state stays).
  for (const text of ['inc 5', 'get']) {
    store.getState().editDraft(connection, { kind: 'text', body: text });
    await store.getState().sendDraft(connection);
  }
  await waitFor(() => expect(store.getState().eventCount).toBe(4));
});
afterEach(() => {
  cleanup();
  store.getState().setDiffView(null);
});
afterAll(dispose);

function renderInspector(seq: number) {
  act(() => store.getState().select(seq));
  render(
    <PlaygroundProvider store={store}>
      <Inspector />
    </PlaygroundProvider>,
  );
  return screen.getByRole('region', { name: 'Inspector' });
}

const sections = (inspector: HTMLElement) =>
  within(inspector)
    .getAllByRole('region')
    .map((region) => region.getAttribute('aria-label'));

describe('the Inspector, over the real counter actor', () => {
  it('shows the sections an event has: a message its responses, init none', () => {
    const inspector = renderInspector(2);
    expect(within(inspector).getByRole('heading', { level: 2 }).textContent).toContain('event #2');
    expect(sections(inspector)).toEqual(expect.arrayContaining(['Call', 'Responses', 'State']));
    expect(within(inspector).getByRole('region', { name: 'Responses' }).textContent).toContain('count: 5');
    cleanup();

    const init = renderInspector(0);
    expect(sections(init)).toEqual(expect.arrayContaining(['Call', 'State']));
    expect(sections(init)).not.toContain('Responses');
  });

  it('opens the best diff view, switches by click and by arrow keys, and keeps the choice for the next event', async () => {
    const inspector = renderInspector(2);
    const views = await within(inspector).findByRole('tablist', { name: 'State diff view' });
    const tab = (name: string) => within(views).getByRole('tab', { name });
    expect(within(views).getAllByRole('tab').map((t) => t.textContent)).toEqual(['Hex', 'Text', 'JSON']);
    // JSON reads best for a JSON state: the changed path with both values.
    expect(tab('JSON').getAttribute('aria-selected')).toBe('true');
    expect(within(inspector).getByRole('list', { name: 'Changed paths' }).textContent).toBe('count changed 0 → 5');

    fireEvent.click(tab('Text'));
    await waitFor(() => expect(tab('Text').getAttribute('aria-selected')).toBe('true'));
    await waitFor(() => expect(within(inspector).getByLabelText('Text diff').textContent).toBe('{"count":05,"connections":1,"history":[]}'));

    fireEvent.keyDown(tab('Text'), { key: 'ArrowLeft' });
    await waitFor(() => expect(tab('Hex').getAttribute('aria-selected')).toBe('true'));
    expect(document.activeElement).toBe(tab('Hex'));
    await waitFor(() => expect(within(inspector).getByRole('table', { name: 'Hex diff' })).toBeTruthy());

    // Another event opens in the view the person chose.
    act(() => store.getState().select(1));
    await waitFor(() => expect(within(inspector).getByRole('heading', { level: 2 }).textContent).toContain('event #1'));
    await waitFor(() => expect(tab('Hex').getAttribute('aria-selected')).toBe('true'));
  });
});
