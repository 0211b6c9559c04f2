import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { BUILD_ACTOR_PATH, DEFAULT_INIT_HEADER, MAX_ACTOR_SOURCE_BYTES, type ActorBuildErrorBody } from '../../protocols/actorBuild.ts';
import { buildActor } from './buildActor.ts';

/** What the handler needs; the defaults are the dev server's. */
export interface ActorBuildHandlerOptions {
  /** The folder of `.wit` files (default: the repository's `wit/`). */
  witDir?: string;
  /** The largest source it builds, in bytes (default `MAX_ACTOR_SOURCE_BYTES`). */
  maxBytes?: number;
  /** Where a failure of the build tool itself is told (the source's mistakes go to the page only). */
  logError?: (message: string) => void;
}

/** A Connect middleware, as Vite's `server.middlewares.use` and a bare `http.createServer` take it. */
export type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/**
 * Serves `./__build-actor` as protocols/actorBuild.ts describes: 204 to GET (the page's probe),
 * the built component or the source's mistake to POST. Builds run one at a time
 * (componentize.mjs); a request waits for the ones before it.
 */
export function actorBuildHandler(options: ActorBuildHandlerOptions = {}): Middleware {
  const maxBytes = options.maxBytes ?? MAX_ACTOR_SOURCE_BYTES;
  return (request, response, next) => {
    const path = (request.url ?? '').split('?')[0]!;
    if (!path.endsWith(`/${BUILD_ACTOR_PATH}`)) return next();
    response.setHeader('Cache-Control', 'no-store');
    switch (request.method) {
      case 'GET':
      case 'HEAD':
        response.statusCode = 204;
        return void response.end();
      case 'POST':
        return void answerBuild(request, response, maxBytes, options);
      default:
        response.setHeader('Allow', 'GET, HEAD, POST');
        return sendJson(response, 405, { error: `${request.method} is not served here: POST the actor's source, or GET to ask whether this server builds actors` });
    }
  };
}

/**
 * Registers the handler on `vite` (dev) only: `vite preview` and a static build serve files, and
 * the page then shows the command that builds an actor instead. The native build tool loads on
 * the first POST, so a dev server nobody builds on never pays for it.
 */
export function actorBuildPlugin(): Plugin {
  return {
    name: 'theater-playground-actor-build',
    apply: 'serve',
    configureServer(server) {
      const logger = server.config.logger;
      server.middlewares.use(actorBuildHandler({ witDir: join(server.config.root, 'wit'), logError: (message) => logger.error(`[build-actor] ${message}`) }));
    },
  };
}

async function answerBuild(request: IncomingMessage, response: ServerResponse, maxBytes: number, options: ActorBuildHandlerOptions): Promise<void> {
  // A page on another site may POST text here (a simple request, no preflight); it could not read
  // the answer, but it could keep this machine's cores busy building.
  if (!sameOrigin(request)) return sendJson(response, 403, { error: 'a page from another site may not build actors on this server' });
  const body = await readBody(request, maxBytes);
  if (body === 'too-large') {
    response.setHeader('Connection', 'close');
    return sendJson(response, 413, { error: `the source is larger than ${maxBytes} bytes; an actor written by hand is far smaller` });
  }
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return sendJson(response, 400, { error: 'the source is not UTF-8 text' });
  }
  let built;
  try {
    built = await buildActor({ source, ...(options.witDir === undefined ? {} : { witDir: options.witDir }) });
  } catch (error) {
    // Not the source's fault: the tool or its WIT. Told to whoever runs the server too.
    const message = `the build tool failed: ${(error as Error).message}`;
    options.logError?.(message);
    return sendJson(response, 500, { error: message });
  }
  if (!built.ok) {
    const { code, message, line, column, file } = built.error;
    const answer: ActorBuildErrorBody = { error: message, code, line, column, ...(file === undefined ? {} : { file }) };
    return sendJson(response, 400, answer);
  }
  const { bytes, addedDefaultInit, milliseconds } = built.value;
  response.statusCode = 200;
  response.setHeader('Content-Type', 'application/wasm');
  response.setHeader('Content-Length', bytes.byteLength);
  response.setHeader('Server-Timing', `build;dur=${Math.round(milliseconds)}`);
  if (addedDefaultInit) response.setHeader(DEFAULT_INIT_HEADER, 'added');
  response.end(bytes);
}

/** No `Origin` (a command-line client), or the one this server is reached by. */
function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** The body, or `too-large` as soon as it passes `maxBytes` (a declared length says so before any byte is read). */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large'> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      // Stop keeping what follows; the answer closes the connection.
      request.removeAllListeners('data');
      request.resume();
      resolve('too-large');
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: object): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify(body));
}
