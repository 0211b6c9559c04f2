// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PlaygroundProvider } from '../../../store';
import { counterWithConnection, nodeStore } from '../../../store/testing/nodeStore';
import { Composer } from './Composer';

const { store, dispose } = nodeStore();
let connection = 0;
beforeAll(async () => {
  connection = await counterWithConnection(store);
});
afterEach(cleanup);
afterAll(dispose);

const renderComposer = () =>
  render(
    <PlaygroundProvider store={store}>
      <Composer target={connection} disabled={false} label="Composer" submit="Send" />
    </PlaygroundProvider>,
  );

/** The text messages the connection carried to the actor, in order. */
const sentTexts = () => store.getState().events.flatMap((event) => (event.kind === 'message' && event.input?.ty.tag === 'text' ? [event.input.text] : []));

describe('the composer, over the real counter actor', () => {
  it('sends what was typed on Enter, and Shift+Enter adds a line instead', async () => {
    renderComposer();
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.change(box, { target: { value: 'inc 2' } });
    // Shift+Enter is left to the browser, which adds the line; it sends nothing.
    expect(fireEvent.keyDown(box, { key: 'Enter', shiftKey: true })).toBe(true);
    expect(sentTexts()).toEqual([]);
    expect(box).toHaveProperty('value', 'inc 2');

    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(false);
    await waitFor(() => expect(sentTexts()).toEqual(['inc 2']));
    // Sent: the box is empty for the next message.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('value', ''));
  });

  it('switches the message type: a ping carries bytes written in hex, a close carries nothing', async () => {
    renderComposer();
    const type = screen.getByRole('combobox', { name: 'Message type' });
    fireEvent.change(type, { target: { value: 'ping' } });
    expect(screen.getByRole('radiogroup', { name: 'Bytes as' })).toBeTruthy();
    const box = screen.getByRole('textbox', { name: 'Message' });
    expect(box).toHaveProperty('placeholder', 'optional hex, e.g. 68 69');
    fireEvent.change(box, { target: { value: '68 69' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(store.getState().events.at(-1)).toMatchObject({ kind: 'message', input: { ty: { tag: 'ping' } } }));
    const ping = store.getState().events.at(-1)!;
    expect(ping.kind === 'message' && Array.from(ping.input?.data ?? [])).toEqual([0x68, 0x69]);

    fireEvent.change(type, { target: { value: 'close' } });
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('placeholder', 'close carries no payload');
  });
});
