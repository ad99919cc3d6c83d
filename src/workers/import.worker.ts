/** Import worker: a thin shell around the import request handler, holding its lifeline (lifeline.ts). */
import { createImportHandler, type ImportRequest, type ImportResponse } from './import-protocol';
import { holdLifeline } from './lifeline';

const handle = createImportHandler((message: ImportResponse, transfer: Transferable[]) =>
  self.postMessage(message, { transfer }),
);

self.onmessage = (event: MessageEvent<ImportRequest>) => void handle(event.data);
holdLifeline(self.name, (message) => self.postMessage(message));
