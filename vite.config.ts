import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Issue #2. MapLibre 6 loads its web worker from a URL; src/map/MapView.tsx hands it the worker that
// Vite bundles (`?worker&url`), so no optimizeDeps exclusion is needed for dev or build.
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // The map chunk (MapLibre, lazy-loaded) is ~1 MB by design.
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
});
