/**
 * The optimiser worker: a thin shell around the protocol's request handler. Created by client.ts as
 * `new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module', name })`; it holds its
 * lifeline (lifeline.ts) so the page notices at once if it dies.
 */
import { holdLifeline, type LIFELINE_HELD } from './lifeline';
import type { OptimizerRequest, OptimizerResponse } from './protocol';
import { createRequestHandler } from './protocol';

/** The parts of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  readonly name: string;
  postMessage(message: OptimizerResponse | typeof LIFELINE_HELD, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<OptimizerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const handle = createRequestHandler((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => void handle(event.data);
holdLifeline(scope.name, (message) => scope.postMessage(message, []));
