import type { Logger, Plugin } from 'vite';
import { startBridge, type BridgeOptions, type RunningBridge } from './server.ts';

/**
 * Starts the bridge with `vite` and `vite preview`, so the page finds it at its default address
 * without a second terminal, and stops it with them.
 *
 * Never fatal: if the port is taken (say `npm run bridge` is already running) the dev server
 * carries on and says why. Skipped under Vitest (which also runs `configureServer`, and whose
 * tests start their own bridges on random ports) and when THEATER_BRIDGE=0.
 */
export function bridgePlugin(options: BridgeOptions = {}): Plugin {
  let running: Promise<RunningBridge | null> | null = null;

  const start = (logger: Logger, httpServer: { once(event: 'close', listener: () => void): unknown } | null): void => {
    if (process.env.VITEST !== undefined || process.env.THEATER_BRIDGE === '0') return;
    running ??= startBridge({
      ...options,
      log: (level, message) => {
        if (level === 'warn') logger.warn(`[bridge] ${message}`);
        if (level === 'error') logger.error(`[bridge] ${message}`);
      },
    }).then(
      (bridge) => {
        logger.info(`  ➜  Bridge:  ${bridge.address} (real WebSocket clients reach the actor in the page here)`);
        return bridge;
      },
      (error: Error) => {
        logger.warn(`[bridge] not started: ${error.message}`);
        return null;
      },
    );
    httpServer?.once('close', () => {
      void running?.then((bridge) => bridge?.close());
    });
  };

  return {
    name: 'theater-playground-bridge',
    configureServer(server) {
      start(server.config.logger, server.httpServer);
    },
    configurePreviewServer(server) {
      start(server.config.logger, server.httpServer);
    },
  };
}
