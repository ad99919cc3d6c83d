/** URLs of the GeoJSON files built by `npm run data` into public/data. */

/** Absolute URL of a file under public/data, honouring Vite's `base`; MapLibre fetches it in its worker. */
function dataUrl(file: string): string {
  return new URL(`${import.meta.env.BASE_URL}data/${file}`, window.location.href).href;
}

/** FeatureCollection of the 38 province polygons, properties `{ id, iso, label }`. */
export const PROVINCES_URL = dataUrl('provinces.geojson');
/** FeatureCollection of neighbouring countries, properties `{ name }`. */
export const COUNTRIES_URL = dataUrl('countries.geojson');
/** Sea mask: the map's box minus Indonesia's land (see data/lib/mask.ts). */
export const SEA_MASK_URL = dataUrl('sea-mask.geojson');
