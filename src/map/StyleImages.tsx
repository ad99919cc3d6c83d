import { useMap } from '@vis.gl/react-maplibre';
import { useEffect } from 'react';
import { INK_COLOUR, parseNumberImageId } from './layers/candidates';
import { HATCH_IMAGE, hatchImage } from './layers/thematic';

const PIXEL_RATIO = 2;

/** A number drawn in `colour` on a transparent square (the candidates' circle layer draws the disc under it). */
function numberImage(n: number, colour: string): ImageData | null {
  const size = 13 * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const digits = String(n);
  const px = (digits.length > 1 ? 10 : 11.5) * PIXEL_RATIO;
  ctx.font = `700 ${px}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colour;
  ctx.fillText(digits, size / 2, size / 2 + PIXEL_RATIO * 0.5);
  return ctx.getImageData(0, 0, size, size);
}

/**
 * The map's images (the no-data hatch, the candidates' numbers), drawn when a layer first asks for one: the
 * style has no sprite (nothing is fetched) and no glyphs. Mounted first inside `<Map>`, so the resolver is in
 * place before any layer asks; adding an image later would re-tile the layers that use it, and drawing all 90
 * numbers up front cost a fifth of a second before the first frame (time to idle).
 */
export function StyleImages() {
  const { current: mapRef } = useMap();
  useEffect(() => {
    const map = mapRef?.getMap();
    if (!map) return;
    map.setMissingStyleImageResolver((id) => {
      if (map.hasImage(id)) return;
      if (id === HATCH_IMAGE) {
        map.addImage(id, hatchImage(), { pixelRatio: 1 });
        return;
      }
      const number = parseNumberImageId(id);
      const image = number && numberImage(number.n, INK_COLOUR[number.ink]);
      if (image) map.addImage(id, image, { pixelRatio: PIXEL_RATIO });
    });
    return () => {
      map.setMissingStyleImageResolver(null);
    };
  }, [mapRef]);
  return null;
}
