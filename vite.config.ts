import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { preloadFirstMap } from './scripts/vite-preload.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './scripts/security-headers.ts';

/**
 * The built page carries a strict Content-Security-Policy (no inline or eval'd script, nothing from
 * other origins), so even a crafted imported name could not run code. As a meta tag only in the production build
 * (Vite's dev server injects inline scripts for hot reload); the preview server also sends it as headers, with
 * `frame-ancestors` (scripts/security-headers.ts).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'jangkau-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// MapLibre 6 loads its web worker from a URL; src/map/MapView.tsx hands it the worker that
// Vite bundles (`?worker&url`), so no optimizeDeps exclusion is needed for dev or build.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), preloadFirstMap()],
  build: {
    target: 'es2022',
    // The map chunk (MapLibre, lazy-loaded) is ~1 MB by design.
    chunkSizeWarningLimit: 1500,
    // Rolldown's plugin-timing hints are noise on a busy machine (they measure load, not the build).
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
});
