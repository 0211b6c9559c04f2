import { afterEach, describe, expect, it } from 'vitest';
import { BridgeStartError, startBridge, type RunningBridge } from './server.ts';
import { FakePage, TestClient, silent } from './testPeers.ts';

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

describe('bridge limits and bind safety', () => {
  it('closes only the client that sent an oversized frame, with 1009; another keeps working', async () => {
    bridge = await startBridge({ port: 0, log: silent, maxFrameBytes: 1024 });
    const page = await FakePage.attach(bridge);
    page.echoText();
    const big = await TestClient.open(bridge);
    const small = await TestClient.open(bridge);

    big.socket.send('x'.repeat(1025));
    expect((await big.closeEvent()).code).toBe(1009);

    small.socket.send('y'.repeat(1024));
    small.socket.send('still here');
    await small.inbox.waitFor((items) => items.length >= 2, 'echoes to the other client');
    expect(small.texts()).toEqual(['y'.repeat(1024), 'still here']);

    // The page saw the big client open and close, and none of its oversized frame.
    await page.inbox.waitFor((items) => items.some((m) => m.type === 'client-close'), 'client-close');
    const bigId = (page.inbox.items.find((m) => m.type === 'client-open') as { client: number }).client;
    expect(page.messagesFor(bigId).map((m) => m.type)).toEqual(['client-open', 'client-close']);
    expect(page.messagesFor(bigId)[1]).toMatchObject({ code: 1009 });
  });

  it('refuses to start on 0.0.0.0 without allowRemote, with a clear error', async () => {
    const attempt = startBridge({ host: '0.0.0.0', port: 0, log: silent });
    await expect(attempt).rejects.toBeInstanceOf(BridgeStartError);
    await expect(attempt).rejects.toMatchObject({ code: 'remote-not-allowed' });
    await expect(attempt).rejects.toThrow(/0\.0\.0\.0: that is not a loopback address.*--allow-remote/);
    await expect(startBridge({ host: '::', port: 0, log: silent })).rejects.toMatchObject({ code: 'remote-not-allowed' });
  });

  it('starts on 0.0.0.0 with allowRemote, and warns', async () => {
    const lines: string[] = [];
    bridge = await startBridge({ host: '0.0.0.0', port: 0, allowRemote: true, log: (level, message) => lines.push(`${level}: ${message}`) });
    expect(lines.some((line) => line.startsWith('warn:') && line.includes('not loopback'))).toBe(true);
  });

  it('reports a taken port as a start error', async () => {
    bridge = await startBridge({ port: 0, log: silent });
    await expect(startBridge({ port: bridge.port, log: silent })).rejects.toMatchObject({ code: 'listen-failed' });
  });

  it('refuses clients beyond maxClients with 503', async () => {
    bridge = await startBridge({ port: 0, log: silent, maxClients: 1 });
    await TestClient.open(bridge);
    const { refusedStatus } = await import('./testPeers');
    expect(await refusedStatus(bridge.address)).toBe(503);
  });
});
