import { DEFAULT_ALLOWED_ORIGINS, ORIGINS_ENV, originsFromEnv } from './origins.ts';
import type { BridgeOptions } from './server.ts';

export const BRIDGE_USAGE = `Usage: npm run bridge -- [options]

Exposes the actor running in the playground page as a real WebSocket server.

  --host H               address to bind (default 127.0.0.1; non-loopback needs --allow-remote)
  --port P               port (default 8765; 0 picks a free one)
  --allow-remote         allow a non-loopback --host (other machines can then drive your actor)
  --max-frame-bytes N    close a client that sends a larger frame with 1009 (default 1048576)
  --origin URL           a page origin allowed to attach (repeatable; replaces the defaults,
                         which are http://localhost:5173, :4173 and their 127.0.0.1 forms)

Environment:
  ${ORIGINS_ENV}   more page origins allowed to attach, comma-separated (added to
                         the --origin list or the defaults), e.g. http://localhost:5174
  --verbose              log every attach, detach and client error
  --help                 this text`;

export type CliParse =
  | { ok: true; value: { options: BridgeOptions; verbose: boolean; help: boolean } }
  | { ok: false; error: { code: 'bad-argument'; message: string } };

const fail = (message: string): CliParse => ({ ok: false, error: { code: 'bad-argument', message } });

function integer(flag: string, raw: string | undefined, min: number, max: number): number | string {
  if (raw === undefined || !/^\d+$/.test(raw)) return `${flag} needs a whole number`;
  const value = Number(raw);
  return value >= min && value <= max ? value : `${flag} must be between ${min} and ${max}`;
}

/**
 * Turns the command line (and `THEATER_BRIDGE_ORIGINS` in `env`) into bridge options; a mistake
 * is a message for the person typing it.
 */
export function parseBridgeArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): CliParse {
  const options: BridgeOptions = {};
  const origins: string[] = [];
  let verbose = false;
  let help = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    // Accept both `--port 9000` and `--port=9000`.
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const takeValue = (): string | undefined => inline ?? argv[++index];
    switch (flag) {
      case '--host': {
        const host = takeValue();
        if (host === undefined || host === '') return fail('--host needs an address');
        options.host = host;
        break;
      }
      case '--port': {
        const port = integer('--port', takeValue(), 0, 65535);
        if (typeof port === 'string') return fail(port);
        options.port = port;
        break;
      }
      case '--max-frame-bytes': {
        const max = integer('--max-frame-bytes', takeValue(), 1, 2 ** 31);
        if (typeof max === 'string') return fail(max);
        options.maxFrameBytes = max;
        break;
      }
      case '--origin': {
        const origin = takeValue();
        if (origin === undefined) return fail('--origin needs a URL such as http://localhost:5173');
        origins.push(origin);
        break;
      }
      case '--allow-remote':
        if (inline !== undefined) return fail('--allow-remote takes no value');
        options.allowRemote = true;
        break;
      case '--verbose':
        verbose = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        return fail(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  const extra = originsFromEnv(env);
  if (origins.length > 0 || extra.length > 0) options.allowedOrigins = [...(origins.length > 0 ? origins : DEFAULT_ALLOWED_ORIGINS), ...extra];
  return { ok: true, value: { options, verbose, help } };
}
