import { describe, expect, it } from 'vitest';
import { CONTROL_PROTOCOL_VERSION, type ProbeResponse } from '../../../protocols/bridgeControl';
import { REFUSALS, refusalMessage, refusalOf } from './refusals';

const PAGE = 'http://localhost:5174';
const allowed: ProbeResponse = { version: CONTROL_PROTOCOL_VERSION, origin: PAGE, originAllowed: true, token: 'ok', pageAttached: false };

describe('why the bridge refused the page', () => {
  it('names the cause the probe shows, or none', () => {
    expect(refusalOf(null)).toBe('no-server');
    expect(refusalOf(404)).toBe('not-a-bridge');
    expect(refusalOf({ ...allowed, version: CONTROL_PROTOCOL_VERSION + 1 })).toBe('version');
    expect(refusalOf({ version: CONTROL_PROTOCOL_VERSION, origin: PAGE, originAllowed: false })).toBe('origin');
    expect(refusalOf({ ...allowed, token: 'mismatch' })).toBe('token');
    expect(refusalOf({ ...allowed, pageAttached: true })).toBe('page-attached');
    expect(refusalOf(allowed)).toBeNull();
    expect(refusalOf({ ...allowed, token: 'missing' })).toBeNull();
  });

  it('says each cause differently, and how to allow a page from another origin', () => {
    const messages = REFUSALS.map((refusal) => refusalMessage(refusal, '127.0.0.1:8765', PAGE, refusal === 'version' ? { ...allowed, version: CONTROL_PROTOCOL_VERSION + 1 } : 404));
    expect(new Set(messages).size).toBe(REFUSALS.length);
    expect(refusalMessage('origin', '127.0.0.1:8765', PAGE, null)).toContain(`npm run bridge -- --origin ${PAGE}`);
    expect(refusalMessage('no-server', '127.0.0.1:8765', PAGE, null)).toMatch(/^No bridge answers at 127\.0\.0\.1:8765: nothing is listening there/);
    expect(refusalMessage('token', '127.0.0.1:8765', PAGE, allowed)).toMatch(/refused this page's token/);
  });
});
