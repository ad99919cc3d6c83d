// `npm run test:e2e` (issue #2): build the production site, serve it with `vite preview` on a free
// localhost port, run the Playwright specs in tests/e2e against it with Debian's Chromium, stop the
// server and exit with Playwright's code. Extra arguments go to `playwright test` (e.g. `-g smoke`).
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { findChromium, INSTALL_HINT } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const HOST = '127.0.0.1';

/** Runs a command to completion with inherited output; resolves to its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Asks the OS for a free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
async function waitForServer(url, server, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview exited early (code ${server.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/** Prints one plain "N passed, N failed" line from Playwright's JSON report. */
async function printSummary() {
  try {
    const report = JSON.parse(await readFile(join(root, 'test-results', 'e2e-results.json'), 'utf8'));
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
    console.log(`e2e: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
  } catch {
    console.log('e2e: no Playwright report was written');
  }
}

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error(INSTALL_HINT);
    return 1;
  }
  console.log(`e2e: using ${chromium}`);

  const buildCode = await run(bin('vite'), ['build', '--logLevel', 'warn']);
  if (buildCode !== 0) return buildCode;

  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  // detached: the server gets its own process group, so it can be stopped with everything it started.
  const server = spawn(bin('vite'), ['preview', '--host', HOST, '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stopServer = () => {
    if (server.exitCode === null && server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  process.on('exit', stopServer);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopServer();
      process.exit(130);
    });
  }

  try {
    await waitForServer(baseUrl, server);
    console.log(`e2e: serving dist/ at ${baseUrl}`);
    await rm(join(root, 'test-results', 'e2e-results.json'), { force: true });
    const code = await run(
      bin('playwright'),
      ['test', '--config', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)],
      { ...process.env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromium, TZ: 'Asia/Jakarta' },
    );
    await printSummary();
    return code;
  } finally {
    stopServer();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
