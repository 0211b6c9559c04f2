import { ANSWER_CHANNEL_PREFIX, type Response } from '../protocols/actorWorker';
import type { WorkerFactory } from './workerLike';

/** 128 random bits as hex: an answer channel's name, unique among every page of the origin (crypto.randomUUID needs a secure context). */
const randomHex = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The page's factory: the engine worker bundled by Vite as a module worker, with an answer
 * channel: a `BroadcastChannel` the worker finds by its own name, which it answers the calls a
 * person waits on through (`ANSWERED_FIRST` in protocols/actorWorker.ts says why). The page
 * listens before the worker starts, so no answer is broadcast before anyone hears it; the name
 * is random, so no other page of the origin hears it.
 */
export const browserWorker: WorkerFactory = () => {
  const name = `${ANSWER_CHANNEL_PREFIX}${randomHex()}`;
  const answers = new BroadcastChannel(name);
  const worker = new Worker(new URL('../workers/actorWorker.ts', import.meta.url), { type: 'module', name });
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    onMessage: (handler) => {
      const receive = (event: MessageEvent<Response>) => handler(event.data);
      worker.addEventListener('message', receive);
      answers.addEventListener('message', receive);
    },
    onCrash: (handler) => worker.addEventListener('error', (event) => handler(event.message || 'the actor worker crashed')),
    terminate: () => {
      worker.terminate();
      answers.close();
    },
  };
};
