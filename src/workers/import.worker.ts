/** Import worker (issue #8): a thin shell around the import request handler. */
import { createImportHandler, type ImportRequest, type ImportResponse } from './import-protocol';

const handle = createImportHandler((message: ImportResponse, transfer: Transferable[]) =>
  self.postMessage(message, { transfer }),
);

self.onmessage = (event: MessageEvent<ImportRequest>) => void handle(event.data);
