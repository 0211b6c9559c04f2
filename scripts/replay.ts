// `npm run replay -- --actor new.wasm --session recorded.json`: see src/cli/replayCli.ts.
import { main } from '../src/cli/replayCli';

process.exitCode = await main(process.argv.slice(2));
