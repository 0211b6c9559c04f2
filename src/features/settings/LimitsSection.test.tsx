// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../core';
import { PlaygroundProvider } from '../../store';
import { nodeStore } from '../../store/testing/nodeStore';
import { LimitsSection } from './LimitsSection';

const { store, dispose } = nodeStore();
afterEach(() => {
  cleanup();
  store.getState().resetLimits();
});
afterAll(dispose);

const renderLimits = () =>
  render(
    <PlaygroundProvider store={store}>
      <LimitsSection />
    </PlaygroundProvider>,
  );

/** The texts the field's `aria-describedby` names, in order. */
const descriptionOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');

describe('Server settings → Limits', () => {
  it('says inline what is wrong with a value that is not a whole number in range, and keeps the last good one', () => {
    renderLimits();
    const field = screen.getByRole('spinbutton', { name: 'Log lines per call' });
    fireEvent.change(field, { target: { value: '250' } });
    expect(store.getState().limits.logLinesPerCall).toBe(250);
    expect(field.getAttribute('aria-invalid')).toBe('false');

    for (const bad of ['1.5', '-5']) {
      fireEvent.change(field, { target: { value: bad } });
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(descriptionOf(field)).toContain(`Log lines per call takes a whole number of 0 or more, not "${bad}". 250 still applies.`);
      // Leaving the field keeps the text and what is wrong with it: nothing reverts unsaid.
      fireEvent.blur(field);
      expect(field).toHaveProperty('value', bad);
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(store.getState().limits.logLinesPerCall).toBe(250);
    }

    fireEvent.change(field, { target: { value: '0' } });
    expect(field.getAttribute('aria-invalid')).toBe('false');
    expect(descriptionOf(field)).not.toContain('still applies');
    expect(store.getState().limits.logLinesPerCall).toBe(0);
  });

  it('shows each byte limit as a readable size beside its number, and Reset clears a bad entry', () => {
    renderLimits();
    const state = screen.getByRole('spinbutton', { name: 'State size' });
    expect(descriptionOf(state)).toContain('= 64.00 MB');
    expect(descriptionOf(screen.getByRole('spinbutton', { name: 'Actor memory' }))).toContain('= 1.00 GB');
    // A count has no size.
    expect(descriptionOf(screen.getByRole('spinbutton', { name: 'Responses per call' }))).not.toContain('=');
    fireEvent.change(state, { target: { value: '2048' } });
    expect(descriptionOf(state)).toContain('= 2.0 KB');

    fireEvent.change(state, { target: { value: '-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    const fresh = screen.getByRole('spinbutton', { name: 'State size' });
    expect(fresh).toHaveProperty('value', String(DEFAULT_LIMITS.stateBytes));
    expect(fresh.getAttribute('aria-invalid')).toBe('false');
  });
});
