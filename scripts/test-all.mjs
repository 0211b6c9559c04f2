// `npm test`: every check the project has, in the order that fails fastest, then one closing line
// "N passed, N failed" that counts every unit and e2e test run (CI reads that line).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let failedSteps = 0;
function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) {
    failedSteps++;
    console.log(`✖ ${title} failed (exit ${run.status ?? run.signal})`);
  }
  return run.status === 0;
}

const prepared =
  step('build example actors', 'node', ['scripts/build-actors.mjs']) &&
  step('generate types from wit/', 'node', ['scripts/gen-types.mjs']) &&
  step('prebuild the examples\' transpiled entries', 'node', ['--experimental-wasm-extended-const', '--import', 'tsx', 'scripts/prebuild-components.ts']);
if (prepared) {
  for (const project of ['tsconfig.worker.json', 'tsconfig.app.json', 'tsconfig.node.json']) {
    step(`typecheck ${project}`, 'npx', ['tsc', '-p', project]);
  }
  step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  step('no import cycles', 'npx', ['depcruise', 'src', '--output-type', 'err']);
  step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`]);
  if (step('build the app', 'npx', ['vite', 'build'])) {
    step('e2e tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/e2e.json`,
    });
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
const unit = readJson(`${results}/unit.json`);
const e2e = readJson(`${results}/e2e.json`);
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed =
  (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.skipped ?? 0) + failedSteps;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
