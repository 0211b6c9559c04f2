import { afterEach, describe, expect, it } from 'vitest';
import { startBridge, type RunningBridge } from '../../server/bridge/server';
import { FakePage, TestClient, silent } from '../../server/bridge/testPeers';
import { FRAME_CORPUS, MAX_FRAME_BYTES } from './frameCorpus';
import { frame, OPCODE, RawWebSocket } from './rawWebSocket';

let bridge: RunningBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

describe('the bad-frame corpus, sent byte by byte to the real bridge server', () => {
  it('closes only the client that sent each kind, with its code; the page hears that code, and another client keeps talking', async () => {
    bridge = await startBridge({ port: 0, log: silent, maxFrameBytes: MAX_FRAME_BYTES });
    const page = await FakePage.attach(bridge);
    page.echoText();
    const bystander = await TestClient.open(bridge);
    for (const [index, kind] of FRAME_CORPUS.entries()) {
      const raw = await RawWebSocket.open(bridge.port);
      raw.write(kind.bytes);
      expect([kind.kind, (await raw.closed()).code]).toEqual([kind.kind, kind.code]);
      // The page is told the client closed, with the code it was sent.
      await page.inbox.waitFor((items) => items.filter((m) => m.type === 'client-close').length === index + 1, `client-close for ${kind.kind}`);
      expect([kind.kind, page.inbox.items.filter((m) => m.type === 'client-close').at(-1)]).toEqual([kind.kind, expect.objectContaining({ code: kind.code })]);
      bystander.socket.send(`still here ${index}`);
      await bystander.inbox.waitFor((items) => items.length === index + 1, `the echo after ${kind.kind}`);
    }
    expect(bystander.texts()).toEqual(FRAME_CORPUS.map((_, index) => `still here ${index}`));
    expect(bridge.stats()).toMatchObject({ pageAttached: true, clients: 1 });
  });

  it('puts a message sent in fragments, with a ping between them, back together as one', async () => {
    bridge = await startBridge({ port: 0, log: silent, maxFrameBytes: MAX_FRAME_BYTES });
    const page = await FakePage.attach(bridge);
    const raw = await RawWebSocket.open(bridge.port);
    raw.write(Buffer.concat([
      frame({ opcode: OPCODE.text, payload: Buffer.from('frag'), fin: false }),
      frame({ opcode: OPCODE.ping, payload: Buffer.from('between') }),
      frame({ opcode: OPCODE.continuation, payload: Buffer.from('men'), fin: false }),
      frame({ opcode: OPCODE.continuation, payload: Buffer.from('ted') }),
    ]));
    const message = await page.inbox.find((m): m is Extract<typeof m, { type: 'client-message' }> => m.type === 'client-message' && m.message.ty.tag === 'text', 'the whole message');
    expect(message.message.text).toBe('fragmented');
  });
});
