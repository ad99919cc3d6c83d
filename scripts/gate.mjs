// `npm test`: the whole gate, the same locally and in CI.
//
//   lane 1: the production build, then the browser tests on it (Playwright, streamed);
//   lane 2: format, types, lint, then the unit tests (vitest).
//
// Every step runs even when an earlier one failed, so a broken lint never hides the browser tests.
// The output of lane 2 is held back and printed whole when each step ends (a failing step in full,
// a passing one only its last lines). The last line counts every test of the
// run, unit and browser together, plus one failure for each check or build that failed:
// `gate: N passed, N failed`.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { bin, ROOT } from './preview-server.mjs';

const UNIT_REPORT = join(ROOT, 'test-results', 'unit-results.json');
const E2E_REPORT = join(ROOT, 'test-results', 'e2e-results.json');

/** @typedef {{ name: string, code: number, ms: number, output: string }} StepResult */

/**
 * Runs one step. `capture` holds its output back (steps that run side by side); otherwise it streams.
 * @returns {Promise<StepResult>}
 */
function step(name, command, args, { capture = false, env = process.env } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...env, FORCE_COLOR: capture ? '0' : (env.FORCE_COLOR ?? '') },
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    if (capture) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    const done = (code) => {
      const result = { name, code, ms: Date.now() - started, output };
      if (capture) report(result);
      resolve(result);
    };
    child.on('error', (error) => {
      output += `${error.message}\n`;
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** @param {StepResult} r */
function report(r) {
  const lines = r.output.trimEnd().split('\n');
  const shown = r.code === 0 ? lines.slice(-3) : lines;
  console.log(`\n── ${r.name}: ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} in ${seconds(r.ms)}`);
  if (shown.join('').trim()) console.log(shown.map((l) => `   ${l}`).join('\n'));
}

/** Runs step lists side by side; each list runs in order. */
async function lanes(...lists) {
  const results = await Promise.all(
    lists.map(async (list) => {
      const out = [];
      for (const make of list) out.push(await make());
      return out;
    }),
  );
  return results.flat();
}

async function readCounts(file, read) {
  try {
    return read(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return null;
  }
}

async function main() {
  const started = Date.now();
  await rm(join(ROOT, 'test-results'), { recursive: true, force: true });

  const npx = (name, tool, args) => () => step(name, bin(tool), args, { capture: true });
  // Two lanes side by side: the browser tests spend much of their time waiting for the map, and the
  // checks and unit tests use that time. Only the browser lane streams its output.
  const unitStep = () =>
    step(
      'unit',
      bin('vitest'),
      ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_REPORT}`],
      { capture: true },
    );
  let e2e = { name: 'e2e', code: 1, ms: 0, output: '' };
  const e2eStep = async () => {
    console.log('\n── browser tests');
    e2e = await step('e2e', process.execPath, [join(ROOT, 'scripts', 'e2e.mjs')], {
      env: { ...process.env, E2E_PREBUILT: '1' },
    });
    return e2e;
  };
  const build = npx('build', 'vite', ['build', '--logLevel', 'warn']);
  const results = await lanes(
    [
      async () => {
        const b = await build();
        if (b.code === 0) await e2eStep();
        else console.log('\n── browser tests: not run, the build failed');
        return b;
      },
    ],
    [
      npx('format', 'prettier', ['--check', '--log-level', 'warn', '.']),
      npx('types', 'tsc', ['--noEmit']),
      npx('lint', 'eslint', ['.', '--max-warnings', '0']),
      unitStep,
    ],
  );
  const checks = results.filter((r) => r.name !== 'unit');
  const unit = results.find((r) => r.name === 'unit');
  const unitCounts = await readCounts(UNIT_REPORT, (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
  }));
  const e2eCounts = await readCounts(E2E_REPORT, (r) => ({
    passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
    failed: r.stats?.unexpected ?? 0,
  }));

  const all = [...checks, unit, e2e];
  console.log('\n── summary');
  for (const r of all)
    console.log(`   ${r.name.padEnd(6)} ${r.code === 0 ? 'ok    ' : 'FAILED'} ${seconds(r.ms)}`);
  console.log(`   total  ${seconds(Date.now() - started)}`);
  const failedChecks = checks.filter((c) => c.code !== 0).length;
  // A runner that crashed before writing its report still counts as a failure.
  const passed = (unitCounts?.passed ?? 0) + (e2eCounts?.passed ?? 0);
  const failed =
    (unitCounts?.failed ?? (unit.code === 0 ? 0 : 1)) +
    (e2eCounts?.failed ?? (e2e.code === 0 ? 0 : 1)) +
    failedChecks;
  console.log(
    `   unit ${unitCounts ? `${unitCounts.passed} passed, ${unitCounts.failed} failed` : 'no report'};` +
      ` browser ${e2eCounts ? `${e2eCounts.passed} passed, ${e2eCounts.failed} failed` : 'no report'};` +
      ` checks ${checks.length - failedChecks} ok, ${failedChecks} failed`,
  );
  console.log(`gate: ${passed} passed, ${failed} failed`);
  return all.every((r) => r.code === 0) && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
