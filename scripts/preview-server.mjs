// Build the production site and serve it with `vite preview` on a free loopback port.
// Used by scripts/e2e.mjs and scripts/screenshot.mjs.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOST = '127.0.0.1';

/** Path of an executable in node_modules/.bin. */
export function bin(name) {
  return join(ROOT, 'node_modules', '.bin', name);
}

/**
 * Runs a command in the project root with inherited output.
 * @returns {Promise<number>} its exit code
 */
export function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** `vite build` into dist/; resolves to its exit code. */
export function buildSite() {
  return run(bin('vite'), ['build', '--logLevel', 'warn']);
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

/** Polls `url` until it answers 200; fails if the server exits or after `timeoutMs`. */
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

/**
 * Serves dist/ with `vite preview`. The server runs in its own process group, and `stop()` ends
 * that group; it is also stopped when this process exits or is interrupted.
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startPreview() {
  const port = await freePort();
  const url = `http://${HOST}:${port}`;
  const server = spawn(bin('vite'), ['preview', '--host', HOST, '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const stop = () => {
    if (server.exitCode === null && server.signalCode === null && server.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  try {
    await waitForServer(url, server);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
