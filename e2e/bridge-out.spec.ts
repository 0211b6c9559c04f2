import { expect, test } from '@playwright/test';
import { Playground, TimelinePanel } from './playground';
import { BridgePanel, exportedSession } from './bridge/bridgePanel';
import { closingServer, echoServer, shoutingServer, type TestServer } from './bridge/servers';

// Bridge mode, "out": the page connects to real `ws` servers on loopback and records every frame.

let server: TestServer | undefined;
test.afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Timeline rows of one bridge frame kind: `sent`/`received` is what a screen reader hears beside the arrow. */
const frameRows = (timeline: TimelinePanel, direction: 'sent' | 'received', opcode: string) => timeline.rows.filter({ hasText: new RegExp(`[↑↓]${direction}\\s+bridge #1\\s+${opcode}\\b`) });

test.beforeEach(async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
});

test('text and binary frames to and from a real echo server are recorded as bridge events', async ({ page }) => {
  server = await echoServer();
  const bridge = new BridgePanel(page);
  const card = await bridge.connect(server.url);
  await card.expectOpen();

  await card.send('hello bridge');
  await card.send('01 02 ff', 'binary');
  await expect(card.lines('sent', 'hello bridge')).toHaveCount(1);
  await expect(card.lines('received', 'hello bridge')).toHaveCount(1);
  await expect(card.lines('sent', '01 02 ff')).toHaveCount(1);
  await expect(card.lines('received', '01 02 ff')).toHaveCount(1);

  // The same timeline as the simulated connections, but as frames: direction, opcode, payload,
  // size and time under the bridge connection, and no outcome, state or duration of a call.
  const timeline = new TimelinePanel(page);
  await expect(timeline.rows.filter({ hasText: 'bridge #1' })).toHaveCount(5);
  await expect(frameRows(timeline, 'sent', 'open')).toContainText(`connected to ${server.url}`);
  await expect(frameRows(timeline, 'sent', 'text')).toContainText(/"hello bridge"\s+12 B/);
  await expect(frameRows(timeline, 'received', 'text')).toContainText(/"hello bridge"\s+12 B/);
  await expect(frameRows(timeline, 'sent', 'binary')).toContainText(/01 02 ff\s+3 B/);
  await expect(frameRows(timeline, 'received', 'binary')).toContainText(/01 02 ff\s+3 B/);
  await expect(timeline.rows.filter({ hasText: /conn -1|\d ms\b|\bok\b/ })).toHaveCount(0);

  // The Inspector shows the frame, never a call the actor did not make.
  await frameRows(timeline, 'received', 'text').click();
  const inspector = timeline.inspector;
  await expect(inspector).toContainText(/Direction\s*↓ received from the endpoint/);
  await expect(inspector).toContainText(/Opcode\s*text/);
  await expect(inspector).toContainText(/Size\s*12 bytes/);
  await expect(inspector).toContainText(`bridge #1 ${server.url}`);
  const payload = inspector.getByRole('region', { name: 'Payload' });
  await expect(payload.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
  await expect(payload.getByRole('tabpanel')).toHaveText('hello bridge');
  await payload.getByRole('tab', { name: 'Hex' }).click();
  await expect(payload.getByRole('tabpanel')).toContainText('68 65 6c 6c 6f 20 62 72 69 64 67 65');
  await expect(inspector.getByRole('region', { name: /^(Call|Responses|Host calls|State)$/ })).toHaveCount(0);
  await expect(inspector).not.toContainText('handle-message');
  // Bytes that are no text have the hex view only.
  await frameRows(timeline, 'sent', 'binary').click();
  await expect(payload.getByRole('tab')).toHaveText(['Hex']);
  await expect(payload.getByRole('tabpanel')).toContainText(/00000000\s+01 02 ff/);

  const { events } = await exportedSession(page);
  expect(events.map((e) => [e.kind, e.connectionId, e.bridge?.direction, e.input?.ty.tag, e.input?.text ?? e.input?.data?.$bytes])).toEqual([
    ['bridge', -1, 'sent', 'connect', undefined],
    ['bridge', -1, 'sent', 'text', 'hello bridge'],
    ['bridge', -1, 'received', 'text', 'hello bridge'],
    ['bridge', -1, 'sent', 'binary', 'AQL/'],
    ['bridge', -1, 'received', 'binary', 'AQL/'],
  ]);
  expect(events.every((e) => e.bridge?.endpoint === server!.url)).toBe(true);
});

test('a server that closes with 4001 "go away": the code and reason are recorded, an alert explains, Reconnect keeps the record', async ({ page }) => {
  server = await closingServer(4001, 'go away');
  const bridge = new BridgePanel(page);
  const card = await bridge.connect(server.url);

  await expect(bridge.alert).toContainText(`${server.url} closed the connection`);
  await expect(bridge.alert).toContainText('close code 4001 "go away"');
  await expect(card.transcript).toContainText('closed by the endpoint: close code 4001 "go away"');

  // The close frame, in the timeline and the Inspector: its code and reason, 2 + 7 bytes on the wire.
  const timeline = new TimelinePanel(page);
  await expect(frameRows(timeline, 'received', 'close')).toContainText(/4001 "go away"\s+9 B/);
  await frameRows(timeline, 'received', 'close').click();
  await expect(timeline.inspector).toContainText(/Close\s*close code 4001 "go away"/);
  await expect(timeline.inspector.getByRole('region', { name: 'Payload' }).getByRole('tabpanel')).toHaveText('go away');

  await card.reconnectButton.click();
  await expect(card.transcript.getByText(/closed by the endpoint: close code 4001/)).toHaveCount(2);
  await expect(card.transcript.getByText(/connected to/)).toHaveCount(2);

  const { events } = await exportedSession(page);
  expect(events.map((e) => [e.input?.ty.tag, e.bridge?.direction, e.bridge?.closeCode, e.bridge?.closeReason])).toEqual([
    ['connect', 'sent', undefined, undefined],
    ['close', 'received', 4001, 'go away'],
    ['connect', 'sent', undefined, undefined],
    ['close', 'received', 4001, 'go away'],
  ]);
});

test('an endpoint that goes down, then refuses: an alert with the close code each time, nothing recorded is lost, Reconnect works once it is back', async ({ page }) => {
  server = await echoServer();
  const url = server.url;
  const bridge = new BridgePanel(page);
  const card = await bridge.connect(url);
  await card.expectOpen();
  await card.send('before the outage');
  await expect(card.lines('received', 'before the outage')).toHaveCount(1);

  // The server dies without a close frame: 1006.
  await server.close();
  await expect(bridge.alert).toContainText(`${url} closed the connection`);
  await expect(bridge.alert).toContainText('1006');
  // Nobody listens now: the handshake is refused, which a browser also reports as 1006.
  await card.reconnectButton.click();
  await expect(card.transcript.getByText(/1006/)).toHaveCount(2);

  server = await echoServer(Number(new URL(url).port));
  await card.reconnectButton.click();
  await card.expectOpen();
  await card.send('after the outage');
  await expect(card.lines('received', 'after the outage')).toHaveCount(1);
  await expect(card.lines('received', 'before the outage')).toHaveCount(1);

  const { events } = await exportedSession(page);
  const texts = events.filter((e) => e.input?.ty.tag === 'text').map((e) => [e.bridge?.direction, e.input?.text]);
  expect(texts).toEqual([
    ['sent', 'before the outage'],
    ['received', 'before the outage'],
    ['sent', 'after the outage'],
    ['received', 'after the outage'],
  ]);
  expect(events.filter((e) => e.bridge?.closeCode === 1006)).toHaveLength(2);
});

test('shadow mode against an echo server, with the echo actor in the page: the answers match', async ({ page }) => {
  server = await echoServer();
  const bridge = new BridgePanel(page);
  const card = await bridge.connect(server.url, { shadow: true });
  await card.expectOpen();
  await expect(card.shadow).toContainText('Shadowed by connection #1');

  await card.send('same either way');
  await card.send('c0 ff ee', 'binary');
  await expect(card.shadow).toContainText('2 exchanges compared, 0 mismatches');
  await expect(card.lines('received', 'same either way')).toContainText('shadow: same');
  // The actor's side of it is an ordinary simulated connection, with its own transcript.
  await expect(new Playground(page).connection(1).received('same either way')).toHaveCount(1);

  const { events } = await exportedSession(page);
  const sent = events.filter((e) => e.kind === 'bridge' && e.bridge?.direction === 'sent' && e.input?.ty.tag !== 'connect');
  expect(sent.map((e) => e.bridge?.shadow?.match)).toEqual([true, true]);
  for (const e of sent) expect(events[e.bridge!.shadow!.actorSeq]).toMatchObject({ kind: 'message', connectionId: 1, input: e.input });
});

test('shadow mode against a server that answers differently: the mismatch is flagged on the event and counted', async ({ page }) => {
  server = await shoutingServer();
  const bridge = new BridgePanel(page);
  const card = await bridge.connect(server.url, { shadow: true });
  await card.expectOpen();

  await card.send('Hello');
  await card.send('00 01', 'binary');
  await expect(card.shadow).toContainText('2 exchanges compared, 1 mismatch');
  await expect(card.lines('received', 'HELLO')).toContainText('the endpoint sent text "HELLO", the actor would send text "Hello"');
  await expect(card.lines('received', '00 01')).toContainText('shadow: same');

  const { events } = await exportedSession(page);
  const exchange = events.find((e) => e.kind === 'bridge' && e.input?.text === 'Hello')!;
  expect(exchange.bridge?.shadow).toMatchObject({ match: false, detail: 'frame 1: the endpoint sent text "HELLO", the actor would send text "Hello"' });
});
