// Baseline for the map-idle benchmark: a bare MapLibre page showing the same polygons
// (provinces and neighbouring countries from the same files), nothing else.
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

setWorkerUrl(workerUrl);
const map = new MapLibreMap({
  container: 'map',
  bounds: [
    [94.5, -11.5],
    [141.5, 6.5],
  ],
  fitBoundsOptions: { padding: 16 },
  style: {
    version: 8,
    sources: {
      provinces: { type: 'geojson', data: '/data/provinces.geojson' },
      countries: { type: 'geojson', data: '/data/countries.geojson' },
    },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#eaf0f4' } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': '#eeede9' } },
      { id: 'provinces', type: 'fill', source: 'provinces', paint: { 'fill-color': '#6baed6' } },
      {
        id: 'outline',
        type: 'line',
        source: 'provinces',
        paint: { 'line-color': '#fff', 'line-width': 0.8 },
      },
    ],
  },
});
map.once('idle', () => performance.mark('jangkau:map-idle'));
