import { expect, test } from '@playwright/test';
import { generationActor, jcoCrashingComponent, packActor, theaterWitPackage } from '../src/runtime/testing/theaterGenerations';
import { echoWithHistory, Loader, Playground, readActor, wasmFile } from './playground';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

test('files from other Theater generations each get their own alert, and the loaded actor keeps answering', async ({ page }) => {
  test.setTimeout(120_000);
  const { playground, connection } = await echoWithHistory(page);

  const cases = [
    { file: wasmFile('simple.wasm', theaterWitPackage()), reason: /This is a WIT package: interface definitions only \(`actor`, `environment`.*Load the built actor instead/ },
    // Makes jco's wasm-tools panic in the worker; the truncated file after it must be judged on its own.
    { file: wasmFile('crashing.wasm', jcoCrashingComponent()), reason: /jco's wasm-tools crashed reading this file/ },
    { file: wasmFile('truncated.wasm', readActor('echo').subarray(0, 5000)), reason: /The component is damaged and cannot be read \(Failed to decode wit component[\s\S]*It ends early: the file was truncated/ },
    { file: wasmFile('pack-actor.wasm', await packActor()), reason: /actor for Theater's Pack runtime.*`__pack_types` and `theater:simple\/actor.init`.*cannot run Pack actors yet/ },
    {
      file: wasmFile('ntwk-old.wasm', (await generationActor('ntwk-2025-01')).bytes),
      reason: /declares `handle-message: func\(message: websocket-message, state: list<u8>\) -> tuple<list<u8>, websocket-response>`, but the playground calls `handle-message: func\(state: option<list<u8>>, params: tuple<websocket-message>\)/,
    },
  ];
  for (const { file, reason } of cases) {
    await playground.loadFile(file);
    await expect(playground.alert).toContainText(reason, { timeout: 45_000 });
    // The status names the actor that is still loaded, not the file that was refused.
    await playground.expectReady('echo');
  }
  // A Pack actor is not an unfinished component: no advice to wrap it as one.
  await playground.loadFile(cases[3]!.file);
  await expect(playground.alert).toContainText("Theater's Pack runtime", { timeout: 45_000 });
  await expect(playground.alert).not.toContainText('wasm-tools component new');

  await expect(playground.timelineItems).toHaveCount(2);
  await connection.send('after');
  await expect(connection.received('after')).toHaveCount(1);
  await expect(playground.timelineItems).toHaveCount(3);
});

test('an ntwk:theater actor loads after a crash in jco, shows its package, gets an actor id at init and chats', async ({ page }) => {
  test.setTimeout(120_000);
  const playground = new Playground(page);
  const loader = new Loader(page);
  await playground.goto();
  await playground.expectReady('echo');
  await playground.dropFile('crashing.wasm', Buffer.from(jcoCrashingComponent()));
  await expect(playground.alert).toContainText("jco's wasm-tools crashed reading this file", { timeout: 45_000 });

  await playground.dropFile('ntwk-actor.wasm', Buffer.from((await generationActor('ntwk-2025-04')).bytes));
  await playground.expectReady('ntwk-actor');
  await expect(loader.summary).toContainText(new RegExp(`package\\s*ntwk:theater \\(Theater before June 2025\\)\\s*· actor id ${UUID}`));
  await expect(loader.summary).toContainText('ntwk:theater/websocket-server');
  // init(state, (actor-id,)) ran first, and the actor logged the id it was given.
  await expect(playground.timelineItems).toHaveCount(1);
  const actorId = (await loader.summary.getByText(new RegExp(`^${UUID}$`)).textContent())!;
  await expect(playground.timelineItems.first()).toContainText(`init as ${actorId}`);

  const connection = await playground.newConnection();
  await connection.send('hello');
  await expect(connection.received(`${actorId}: hello`)).toHaveCount(1);
});
