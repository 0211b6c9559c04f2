import { WebSocketServer, type WebSocket } from 'ws';

/** What one connection to a test server brought: the request target, every frame as it came, and how it closed. */
export interface ServerPeer {
  /** The request's path and query (`/room/1?user=a`). */
  target: string;
  frames: Array<{ binary: boolean; data: Buffer }>;
  closed: { code: number; reason: string } | null;
}

/** A real WebSocket server on loopback for a spec, with the URL the page connects to. */
export interface TestServer {
  url: string;
  /** Everyone who connected, in order: what a proxy in front of the server passed on. */
  peers: ServerPeer[];
  /** Stops listening and cuts every connection without a close frame: the server dies. */
  close(): Promise<void>;
}

async function serve(onConnection: (socket: WebSocket) => void, wanted = 0): Promise<TestServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: wanted });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const peers: ServerPeer[] = [];
  server.on('connection', (socket, request) => {
    const peer: ServerPeer = { target: request.url ?? '/', frames: [], closed: null };
    peers.push(peer);
    socket.on('message', (data, isBinary) => peer.frames.push({ binary: isBinary, data: Buffer.from(data as Buffer) }));
    socket.on('close', (code, reason) => (peer.closed = { code, reason: reason.toString('utf8') }));
    onConnection(socket);
  });
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/`,
    peers,
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
