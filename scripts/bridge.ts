import { BRIDGE_USAGE, parseBridgeArgs } from '../src/server/bridge/cliArgs';
import { BridgeStartError, startBridge } from '../src/server/bridge/server';

// `npm run bridge`: the In side of bridge mode, on its own. A page served on another port than
// Vite's defaults must be allowed (--origin, or THEATER_BRIDGE_ORIGINS); a bridge at another
// address must be entered in the page.
const parsed = parseBridgeArgs(process.argv.slice(2), process.env);
if (!parsed.ok) {
  console.error(`bridge: ${parsed.error.message}\n\n${BRIDGE_USAGE}`);
  process.exit(2);
}
if (parsed.value.help) {
  console.log(BRIDGE_USAGE);
  process.exit(0);
}

const { options, verbose } = parsed.value;
try {
  const bridge = await startBridge({
    ...options,
    log: (level, message) => {
      if (level === 'info' && !verbose) return;
      (level === 'info' ? console.log : console.error)(`[bridge] ${level === 'info' ? '' : `${level}: `}${message}`);
    },
  });
  console.log(`Theater Playground bridge listening on ${bridge.address}`);
  console.log(`Pages allowed to attach: ${bridge.allowedOrigins.join(', ')} (more with --origin or THEATER_BRIDGE_ORIGINS)`);
  console.log('Open the playground, press Start bridge; real clients connect to the address above.');
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1); // a second Ctrl-C does not wait for closing handshakes
    stopping = true;
    void bridge.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof BridgeStartError) {
    console.error(`bridge: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
