/**
 * Start the first map's downloads at once (time to map idle): preload the embedded data files and the map chunk
 * (MapLibre) from index.html, so they download in parallel with the app's entry script instead of after it.
 * Links are written under the build's `base`, so a deploy under a sub-path (`vite build --base=/jangkau/`)
 * preloads from that sub-path too.
 */
import type { Plugin } from 'vite';

const DATA_FILES = [
  'provinces.geojson',
  'provinces.json',
  'stats.json',
  'places.json',
  'cells.json',
  'cells.bin',
  'sea-mask.geojson',
];

export function preloadFirstMap(): Plugin {
  let base = '/';
  return {
    name: 'jangkau-preload-first-map',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && (c.facadeModuleId ?? '').endsWith('src/map/MapView.tsx'),
        );
        const modules = chunk && chunk.type === 'chunk' ? [chunk.fileName, ...chunk.imports] : [];
        return [
          ...modules.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `${base}${file}` },
            injectTo: 'head' as const,
          })),
          ...DATA_FILES.map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'fetch', crossorigin: '', href: `${base}data/${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}
