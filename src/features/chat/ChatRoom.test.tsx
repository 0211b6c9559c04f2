// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlaygroundProvider } from '../../store';
import { nodeStore } from '../../store/testing/nodeStore';
import { ConnectionsPanel } from './ConnectionsPanel';

const { store, dispose } = nodeStore();
beforeAll(async () => {
  await store.getState().loadUrl('./actors/chat-room.wasm', 'chat-room');
  expect(store.getState().status).toBe('ready');
});
afterEach(cleanup);
afterAll(dispose);

const renderPanel = () =>
  render(
    <PlaygroundProvider store={store}>
      <ConnectionsPanel />
    </PlaygroundProvider>,
  );

/** Each connection card by its heading's number. */
const card = (id: number): HTMLElement => screen.getByRole('region', { name: `Connection #${id}` });

describe('an http-framework actor (chat-room) through the connections panel, over the real actor worker', () => {
  it('shows one message in all three transcripts, marked on the two others as sent during the sender’s event', async () => {
    renderPanel();
    const newConnection = screen.getByRole('button', { name: 'New connection' });
    for (let i = 0; i < 3; i++) {
      fireEvent.click(newConnection);
      await waitFor(() => expect(store.getState().connections).toHaveLength(i + 1));
    }
    // The chat room serves one path: no path to pick.
    expect(screen.queryByRole('combobox', { name: 'WebSocket path' })).toBeNull();
    const [a, b, c] = store.getState().connections.map((connection) => connection.id) as [number, number, number];
    const actorA = store.getState().events.find((event) => event.connectionId === a && event.http)!.http!.connection;
    // Each card names the id the actor knows its client by.
    expect(within(card(a)).getByText(actorA)).toBeTruthy();

    // Only frames reach this kind of actor: the composer offers text and binary, and says why.
    const composer = within(card(a)).getByRole('form', { name: `Composer for connection #${a}` });
    const kind = within(composer).getByRole('combobox', { name: 'Message type' });
    expect(within(kind).getAllByRole('option').map((option) => option.textContent)).toEqual(['text', 'binary']);
    expect(kind.getAttribute('aria-describedby')).toBeTruthy();

    await act(async () => {
      store.getState().editDraft(a, { kind: 'text', body: 'hello' });
      await store.getState().sendDraft(a);
    });
    const seq = store.getState().events.at(-1)!.seq;
    const line = `${actorA}: hello`;
    for (const id of [a, b, c]) await waitFor(() => expect(within(card(id)).getByRole('list', { name: 'Transcript' }).textContent).toContain(line));
    // The sender reads it as an answer to its own message; the others, with where it came from.
    expect(within(card(a)).queryByRole('button', { name: `sent by the actor during #${seq} (connection #${a})` })).toBeNull();
    for (const id of [b, c]) {
      const mark = within(card(id)).getByRole('button', { name: `sent by the actor during #${seq} (connection #${a})` });
      fireEvent.click(mark);
    }
    // The mark selects the event (the newest: following the newest again).
    expect(store.getState().cursor).toBeNull();
    // A's own transcript has its own earlier broadcasts (B's and C's joins) marked from their connect events.
    const joins = within(card(a)).getAllByRole('button', { name: /sent by the actor during #\d+ \(connection #\d+\)/ });
    expect(joins.map((button) => button.textContent)).toEqual([`sent by the actor during #2 (connection #${b})`, `sent by the actor during #3 (connection #${c})`]);
    fireEvent.click(joins[0]!);
    expect(store.getState().cursor).toBe(2);
  });

  it("closes a client the actor closes (close-websocket) as its own client would: the disconnect is recorded and the others hear it", async () => {
    renderPanel();
    const open = store.getState().connections.filter((connection) => connection.open).map((connection) => connection.id);
    const [a, b] = open as [number, number];
    const actorB = store.getState().events.find((event) => event.connectionId === b && event.http)!.http!.connection;
    await act(async () => {
      store.getState().editDraft(a, { kind: 'text', body: `/kick ${actorB}` });
      await store.getState().sendDraft(a);
    });
    // The kick sent B a close frame; B's simulated client answered it, which ended B with its disconnect.
    const kick = store.getState().events.find((event) => event.input?.text === `/kick ${actorB}`)!;
    expect(kick.responses.map((r) => [r.to, r.frame?.frame])).toEqual([[b, 'close']]);
    const disconnect = store.getState().events.at(-1)!;
    expect([disconnect.connectionId, disconnect.input?.ty.tag, disconnect.http?.connection]).toEqual([b, 'close', actorB]);
    expect(store.getState().connections.find((connection) => connection.id === b)?.open).toBe(false);
    await waitFor(() => expect(within(card(a)).getByRole('list', { name: 'Transcript' }).textContent).toContain(`${actorB} left`));
  });
});
