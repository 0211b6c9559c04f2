import { expect, test } from '@playwright/test';
import { ComposerControls, Playground } from './playground';

test('every message type goes out from the composer and shows in the transcript', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.expectReady('echo');
  const connection = await playground.newConnection();
  const controls = new ComposerControls(connection.region);
  const sent = (text: RegExp) => connection.lines().filter({ hasText: text });
  await expect(connection.lines().first()).toHaveText(/^\s*event\s+connect\s+the client opened its socket/);

  // text
  await connection.send('plain words');
  await expect(sent(/^\s*sent\s+plain words\s/)).toHaveCount(1);
  await expect(connection.received(/^\s*received\s+plain words\s/)).toHaveCount(1);

  // binary as hex: size and a hex preview
  await connection.send('68 69 ff', 'binary');
  await expect(sent(/^\s*sent\s+binary\s+3 B\s+68 69 ff\s/)).toHaveCount(1);
  await expect(connection.received(/^\s*received\s+binary\s+3 B\s+68 69 ff\s/)).toHaveCount(1);

  // binary as base64
  await controls.bytesAs('Base64').check();
  await connection.message.fill('aGVsbG8=');
  await connection.sendButton.click();
  await expect(connection.received(/binary\s+5 B\s+68 65 6c 6c 6f\s/)).toHaveCount(1);

  // binary from a file
  await controls.bytesAs('File').check();
  await expect(connection.message).toBeDisabled();
  await controls.bytesFile.setInputFiles({ name: 'blob.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0xca, 0xfe, 0xba, 0xbe]) });
  await expect(connection.region).toContainText('blob.bin · 4 B');
  await connection.sendButton.click();
  await expect(connection.received(/binary\s+4 B\s+ca fe ba be\s/)).toHaveCount(1);

  // ping with a payload: echo answers with a pong carrying it
  await connection.type.selectOption('ping');
  await controls.bytesAs('Hex').check();
  await connection.message.fill('01 02');
  await connection.sendButton.click();
  await expect(sent(/^\s*sent\s+ping\s+2 B\s+01 02\s/)).toHaveCount(1);
  await expect(connection.received(/^\s*received\s+pong\s+2 B\s+01 02\s/)).toHaveCount(1);

  // pong: echo does not answer it
  await connection.send('', 'pong');
  await expect(sent(/^\s*sent\s+pong\s+\d\d:/)).toHaveCount(1);

  // connect typed as a message: the actor greets again, and the socket did not reopen
  await connection.send('', 'connect');
  await expect(sent(/^\s*sent\s+connect\s+\d\d:/)).toHaveCount(1);
  await expect(connection.received('Welcome!')).toHaveCount(2);

  // other, with its type name and text
  await connection.type.selectOption('other');
  await controls.otherType.fill('custom');
  await connection.message.fill('with words');
  await connection.sendButton.click();
  await expect(sent(/^\s*sent\s+other\s+"custom"\s+with words\s/)).toHaveCount(1);
  await expect(connection.received('echo: unknown message type "custom"')).toHaveCount(1);

  // close typed as a message: the actor is told, but the socket stays open
  await connection.send('', 'close');
  await expect(sent(/^\s*sent\s+close\s+\d\d:/)).toHaveCount(1);
  await expect(connection.closeButton).toBeEnabled();

  // closing the connection itself is the socket closing
  await connection.closeButton.click();
  await expect(connection.lines().last()).toHaveText(/^\s*event\s+close\s+the client closed its socket/);
  await expect(playground.timelineItems).toHaveCount(11);
  await expect(playground.alert).toHaveCount(0);
});

test('a protocol warning is marked on the response it concerns', async ({ page }) => {
  const playground = new Playground(page);
  await playground.goto();
  await playground.loadExample('faulty');
  await playground.expectReady('faulty');
  const connection = await playground.newConnection();
  await connection.send('nodata');
  const warning = connection.lines().filter({ hasText: /^\s*warning\b/ });
  await expect(warning).toHaveCount(1);
  await expect(warning).toContainText('dropped: a binary message without `data` is not sent');
  await expect(warning).toContainText('binary');
});
