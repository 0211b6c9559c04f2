import { afterAll, describe, expect, it } from 'vitest';
import { threadWorker } from '../cli/threadWorker';
import { DEFAULT_DELIVERY, textMessage } from '../core';
import { dataUrlImporter } from '../runtime';
import { PROTOCOL_VERSION, type Request, type Response } from '../protocols/actorWorker';
import { exampleBytes } from '../runtime/testing/exampleActors';
import { serve } from './serve';

const worker = threadWorker();
afterAll(() => worker.terminate());
const answers: Response[] = [];
worker.onMessage((response) => answers.push(response));
const answerTo = async (id: number): Promise<Response> => {
  await expect.poll(() => answers.find((a) => a.id === id && !('progress' in a)), { timeout: 30_000 }).toBeDefined();
  return answers.find((a) => a.id === id && !('progress' in a))!;
};

describe('the actor worker, over a real worker thread, given messages it cannot read', () => {
  it('answers each with invalid-request and goes on answering the requests after it', async () => {
    // Another build's page: another protocol version, a request this worker does not know, no id at all.
    worker.post({ v: PROTOCOL_VERSION + 1, id: 1, call: 'open', args: {} } as unknown as Request);
    worker.post({ v: PROTOCOL_VERSION, id: 2, call: 'teleport', args: {} } as unknown as Request);
    worker.post({ v: PROTOCOL_VERSION, call: 'open' } as unknown as Request);
    worker.post({ v: PROTOCOL_VERSION, id: 3, call: 'load', args: { name: 'counter.wasm', bytes: exampleBytes('counter'), delivery: DEFAULT_DELIVERY, compiled: undefined } });
    worker.post({ v: PROTOCOL_VERSION, id: 4, call: 'open', args: {} });

    expect(await answerTo(1)).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining(`speaks protocol ${PROTOCOL_VERSION}, the request protocol ${PROTOCOL_VERSION + 1}`) } });
    expect(await answerTo(2)).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('has no request "teleport"') } });
    expect(await answerTo(-1)).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('not a request') } });
    expect(await answerTo(3)).toMatchObject({ ok: true });
    expect(await answerTo(4)).toMatchObject({ ok: true, value: { connection: { id: 1, open: true } } });
  });
});

describe('the actor worker with an answer channel (the page has one; see host/browserWorker.ts)', () => {
  it('answers the calls a person waits on there, and every other message the usual way', async () => {
    const posted: Response[] = [];
    const answered: Response[] = [];
    let deliver: (request: Request) => void = () => undefined;
    serve({ post: (message) => posted.push(message), postAnswer: (message) => answered.push(message), listen: (handler) => (deliver = handler) }, dataUrlImporter);
    deliver({ v: PROTOCOL_VERSION, id: 1, call: 'load', args: { name: 'echo.wasm', bytes: exampleBytes('echo'), delivery: DEFAULT_DELIVERY, compiled: undefined } });
    deliver({ v: PROTOCOL_VERSION, id: 2, call: 'open', args: {} });
    deliver({ v: PROTOCOL_VERSION, id: 3, call: 'send', args: { connectionId: 1, message: textMessage('hi') } });
    deliver({ v: PROTOCOL_VERSION, id: 4, call: 'ping', args: {} });
    deliver({ v: PROTOCOL_VERSION, id: 5, call: 'close', args: { connectionId: 1 } });
    await expect.poll(() => posted.some((a) => a.id === 4 && !('progress' in a)), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => answered.map((a) => a.id), { timeout: 30_000 }).toEqual([2, 3, 5]);
    expect(answered.every((a) => 'ok' in a && a.ok)).toBe(true);
    expect(posted.filter((a) => !('progress' in a)).map((a) => a.id)).toEqual([1, 4]);
  });
});
