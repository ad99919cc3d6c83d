/**
 * The optimiser worker (issue #5): a thin shell around the protocol's request handler. Created by client.ts as
 * `new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { OptimizerRequest, OptimizerResponse } from './protocol';
import { createRequestHandler } from './protocol';

/** The parts of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: OptimizerResponse, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<OptimizerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createRequestHandler((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => void handle(event.data);
