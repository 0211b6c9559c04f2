import { WebSocketServer, type WebSocket } from 'ws';

/** A real WebSocket server on loopback for a spec, with the URL the page connects to. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

async function serve(onConnection: (socket: WebSocket) => void, wanted = 0): Promise<TestServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: wanted });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', onConnection);
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** Sends every frame back as it came: text as text, binary as binary. On `port`, or any free one. */
export const echoServer = (port?: number): Promise<TestServer> => serve((socket) => socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary })), port);

/** Answers text in capitals: the deliberately different deployment shadow mode must catch. */
export const shoutingServer = (): Promise<TestServer> =>
  serve((socket) => socket.on('message', (data, isBinary) => socket.send(isBinary ? data : String(data).toUpperCase(), { binary: isBinary })));

/** Accepts the connection, then closes it at once with `code` and `reason`. */
export const closingServer = (code: number, reason: string): Promise<TestServer> => serve((socket) => socket.close(code, reason));
