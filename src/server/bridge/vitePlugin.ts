import type { Connect, Logger, Plugin } from 'vite';
import { BRIDGE_INFO_FILE, CONTROL_PROTOCOL_VERSION, type BridgeInfo } from '../../protocols/bridgeControl.ts';
import { loopbackOrigins, originsFromEnv } from './origins.ts';
import { DEFAULT_BRIDGE_HOST, DEFAULT_BRIDGE_PORT, startBridge, type BridgeOptions, type RunningBridge } from './server.ts';

/** The environment variable that moves the dev server's bridge off 8765 (0: any free port). */
export const PORT_ENV = 'THEATER_BRIDGE_PORT';

/** What the plugin needs of Vite's dev and preview servers (both have these). */
interface ServedBy {
  config: { logger: Logger };
  httpServer: { listening: boolean; address(): unknown; once(event: 'listening' | 'close', listener: () => void): unknown } | null;
  middlewares: Connect.Server;
}

/**
 * The port the page's server really bound, once it has: Vite moves to the next port when its own
 * is taken (5174 after 5173), so the configured one is not the page's origin. Null in middleware
 * mode (no server of Vite's own).
 */
function boundPort(httpServer: ServedBy['httpServer']): Promise<number | null> {
  if (httpServer === null) return Promise.resolve(null);
  const read = (): number | null => {
    const address = httpServer.address();
    return typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : null;
  };
  if (httpServer.listening) return Promise.resolve(read());
  return new Promise((resolve) => httpServer.once('listening', () => resolve(read())));
}

/** `THEATER_BRIDGE_PORT`, or the option, or 8765; a bad value is said and ignored. */
function bridgePort(options: BridgeOptions, logger: Logger): number {
  const raw = process.env[PORT_ENV];
  if (raw === undefined || raw === '') return options.port ?? DEFAULT_BRIDGE_PORT;
  if (/^\d+$/.test(raw) && Number(raw) <= 65535) return Number(raw);
  logger.warn(`[bridge] ${PORT_ENV}=${raw} is not a port; using ${options.port ?? DEFAULT_BRIDGE_PORT}`);
  return options.port ?? DEFAULT_BRIDGE_PORT;
}

/**
 * Starts the bridge with `vite` and `vite preview`, once the server has bound its port, and
 * allows exactly the origin the page is served from (under each loopback name), plus any in
 * `THEATER_BRIDGE_ORIGINS`. Tells the page at `./__theater-bridge.json` where the bridge is, so the
 * page attaches by itself; stops the bridge with the server.
 *
 * Never fatal: if the bridge's port is taken (say `npm run bridge` is already running) the server
 * carries on, says why, and the page learns it too. Skipped under Vitest (which also runs
 * `configureServer`, and whose tests start their own bridges on random ports) and when
 * THEATER_BRIDGE=0 (the page then finds no file and attaches only when asked).
 */
export function bridgePlugin(options: BridgeOptions = {}): Plugin {
  let info: Promise<BridgeInfo> | null = null;

  const start = (server: ServedBy, scheme: 'http' | 'https'): void => {
    if (process.env.VITEST !== undefined || process.env.THEATER_BRIDGE === '0') return;
    const logger = server.config.logger;
    const host = options.host ?? DEFAULT_BRIDGE_HOST;
    const port = bridgePort(options, logger);
    let running: RunningBridge | null = null;
    info ??= boundPort(server.httpServer).then(async (pagePort) => {
      const allowed = [...(pagePort === null ? [] : loopbackOrigins(pagePort, scheme)), ...originsFromEnv(process.env)];
      const starting = startBridge({
        ...options,
        host,
        port,
        ...(allowed.length > 0 ? { allowedOrigins: allowed } : {}),
        log: (level, message) => {
          if (level === 'warn') logger.warn(`[bridge] ${message}`);
          if (level === 'error') logger.error(`[bridge] ${message}`);
        },
      });
      try {
        const bridge = await starting;
        running = bridge;
        logger.info(`  ➜  Bridge:  ${bridge.address} (real WebSocket clients reach the actor in the page here; the page attaches by itself)`);
        return { version: CONTROL_PROTOCOL_VERSION, address: `${host}:${bridge.port}`, problem: null };
      } catch (error) {
        const problem = `the dev server could not start its bridge: ${(error as Error).message}`;
        logger.warn(`[bridge] not started: ${(error as Error).message}`);
        return { version: CONTROL_PROTOCOL_VERSION, address: `${host}:${port}`, problem };
      }
    });
    server.httpServer?.once('close', () => {
      void info?.then(() => running?.close());
    });
    server.middlewares.use((request, response, next) => {
      const path = (request.url ?? '').split('?')[0]!;
      if (!path.endsWith(`/${BRIDGE_INFO_FILE}`) || info === null) return next();
      void info.then((body) => {
        response.setHeader('Content-Type', 'application/json');
        response.setHeader('Cache-Control', 'no-store');
        response.end(JSON.stringify(body));
      });
    });
  };

  return {
    name: 'theater-playground-bridge',
    configureServer(server) {
      start(server, server.config.server.https ? 'https' : 'http');
    },
    configurePreviewServer(server) {
      start(server, server.config.preview.https ? 'https' : 'http');
    },
  };
}
