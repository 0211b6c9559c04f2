import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from './server.ts';
import { FakePage, PAGE_ORIGIN, httpBase, httpGet, refusedStatus, silent } from './testPeers.ts';

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

describe('who may drive the bridge', () => {
  it('gives the token to an allowed origin only, naming that origin in CORS', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const allowed = await httpGet(`${httpBase(bridge)}/token`, { Origin: 'http://127.0.0.1:4173' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://127.0.0.1:4173');
    expect(JSON.parse(allowed.body)).toEqual({ token: bridge.token, version: 1 });

    const foreign: Record<string, string>[] = [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { Origin: 'http://localhost:5174' }, {}];
    for (const headers of foreign) {
      const refused = await httpGet(`${httpBase(bridge)}/token`, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(refused.body).not.toContain(bridge.token);
    }
  });

  it('refuses /control with 403 for a foreign origin, a wrong token or none, and 409 for a second page', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const token = encodeURIComponent(bridge.token);
    expect(await refusedStatus(`${bridge.address}/control?token=${token}`, 'https://evil.example')).toBe(403);
    expect(await refusedStatus(`${bridge.address}/control?token=${token}`)).toBe(403);
    expect(await refusedStatus(`${bridge.address}/control?token=wrong`, PAGE_ORIGIN)).toBe(403);
    expect(await refusedStatus(`${bridge.address}/control`, PAGE_ORIGIN)).toBe(403);
    expect(bridge.stats().pageAttached).toBe(false);

    const page = await FakePage.attach(bridge);
    expect(await refusedStatus(`${bridge.address}/control?token=${token}`, 'http://127.0.0.1:5173')).toBe(409);
    // The first page is undisturbed.
    expect(page.socket.readyState).toBe(page.socket.OPEN);
  });

  it('honours a configured origin list instead of the defaults', async () => {
    bridge = await startBridge({ port: 0, log: silent, allowedOrigins: ['https://playground.example:8443/'] });
    expect((await httpGet(`${httpBase(bridge)}/token`, { Origin: PAGE_ORIGIN })).status).toBe(403);
    await FakePage.attach(bridge, 'https://playground.example:8443');
  });

  it('draws a new token on every start', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    const other = await startBridge({ port: 0, log: silent });
    expect(other.token).not.toBe(bridge.token);
    expect(bridge.token.length).toBeGreaterThanOrEqual(40);
    await other.close();
  });
});
