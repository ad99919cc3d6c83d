/**
 * The exact solver worker: HiGHS (WebAssembly, bundled with the app: no network) behind the exact protocol.
 * Created by exact-client.ts as `new Worker(new URL('./exact.worker.ts', import.meta.url), { type: 'module' })`.
 */
import loadHighs from 'highs';
import wasmUrl from 'highs/runtime?url';
import type { ExactRequest, ExactResponse } from './exact-protocol';
import { createExactHandler } from './exact-protocol';

/** The parts of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: ExactResponse): void;
  onmessage: ((event: MessageEvent<ExactRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createExactHandler(
  (message) => scope.postMessage(message),
  () => loadHighs({ locateFile: () => wasmUrl }),
);
// One request at a time, in order (a solve blocks the worker anyway).
let queue = Promise.resolve();
scope.onmessage = (event) => {
  queue = queue.then(() => handle(event.data));
};
