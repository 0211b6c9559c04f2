// `npm run record-session -- --actor public/actors/echo.wasm --events 100000 --out big.json.gz`:
// a session file recorded through the engine, for trying the timeline and replay at scale.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { recordSession } from './bench/recordSession';

const { values } = parseArgs({ options: { actor: { type: 'string', default: 'public/actors/echo.wasm' }, events: { type: 'string', default: '100000' }, out: { type: 'string', default: 'session.json.gz' } } });
const t0 = performance.now();
const file = await recordSession(values.actor!, Number(values.events));
writeFileSync(values.out!, file);
console.log(`${values.out}: ${values.events} events, ${(file.length / 1024 / 1024).toFixed(1)} MiB, recorded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
