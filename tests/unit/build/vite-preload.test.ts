// The first-map preloads follow the build's base, so a deploy under a sub-path asks for files that exist.
import type { ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { preloadFirstMap } from '../../../scripts/vite-preload.ts';

type Tag = { attrs: { href: string } };

function preloadHrefs(base: string): string[] {
  const plugin = preloadFirstMap();
  const configResolved = plugin.configResolved as (c: ResolvedConfig) => void;
  configResolved({ base } as ResolvedConfig);
  const hook = plugin.transformIndexHtml as unknown as {
    handler: (html: string, ctx: { bundle: Record<string, unknown> }) => Tag[];
  };
  const bundle = {
    'assets/MapView-x.js': {
      type: 'chunk',
      fileName: 'assets/MapView-x.js',
      facadeModuleId: '/repo/src/map/MapView.tsx',
      imports: ['assets/maplibre-y.js'],
    },
  };
  return hook.handler('', { bundle }).map((t) => t.attrs.href);
}

describe('first-map preloads', () => {
  it('are written under the root base by default', () => {
    const hrefs = preloadHrefs('/');
    expect(hrefs).toContain('/assets/MapView-x.js');
    expect(hrefs).toContain('/assets/maplibre-y.js');
    expect(hrefs).toContain('/data/provinces.geojson');
  });

  it('are written under a sub-path base', () => {
    const hrefs = preloadHrefs('/jangkau/');
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href.startsWith('/jangkau/')).toBe(true);
  });
});
