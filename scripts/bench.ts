// `npm run bench`: the figures the issues ask for, measured in one run, medians. Prints a table
// and writes bench-results/latest.json. Needs the built app (it builds it when missing).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { measureCallCost } from './bench/callCost';
import { measureLoadTimes } from './bench/loadTimes';

execFileSync(process.execPath, ['scripts/build-actors.mjs'], { stdio: 'inherit' });
if (!existsSync('dist/index.html') || process.argv.includes('--rebuild')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });

const results: Record<string, unknown> = { when: new Date().toISOString(), node: process.version };
console.log('\n▶ µs per handle-message on minimal (Node)');
results.callCost = await measureCallCost('public/actors/minimal.wasm');
console.table(results.callCost);
console.log('\n▶ file chosen → first response in Chromium (ms, medians)');
results.loadTimes = await measureLoadTimes();
console.table(results.loadTimes);

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwritten to bench-results/latest.json');
