// MapLibre's stylesheet, imported by the entry (src/app/main.tsx) so it loads with the page's own: as a
// dependency of the lazily loaded map chunk, the chunk waited for it before running (time to idle).
import 'maplibre-gl/dist/maplibre-gl.css';
