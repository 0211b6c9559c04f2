import { describe, expect, it } from 'vitest';
import { makeMessage, type WireOutcome } from '../../core';
import { deliveryBadge } from './deliveryBadge';

const text = (to?: number): WireOutcome => ({ message: makeMessage('text', { text: 'x' }), frame: { frame: 'text', text: 'x' }, ...(to === undefined ? {} : { to }) });

describe('a row’s delivery badge', () => {
  it('marks a broadcast and a send to another connection, and nothing else', () => {
    expect(deliveryBadge({ connectionId: 1, responses: [text(1), text(2), text(3), text(2)] })?.text).toBe('→ 3 connections');
    expect(deliveryBadge({ connectionId: 1, responses: [text(2)] })).toEqual({ text: '→ #2', label: 'responses went to connection #2' });
    expect(deliveryBadge({ connectionId: 1, responses: [text(1), text(1)] })).toBeNull();
    expect(deliveryBadge({ connectionId: 1, responses: [text(), text()] })).toBeNull();
    expect(deliveryBadge({ connectionId: 1, responses: [] })).toBeNull();
  });
});
