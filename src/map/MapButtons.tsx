import { ScaleControl, useMap } from '@vis.gl/react-maplibre';
import { useTranslation } from 'react-i18next';
import { prefersReducedMotion } from './useCameraSync';
import { fitIndonesia } from './fit';

/**
 * Zoom in and out, "Fit Indonesia", and a scale bar in kilometres (this is a tool about distances). Rendered inside
 * `<Map>`; the buttons are ordinary buttons, worded in the reader's language.
 */
export function MapButtons() {
  const { t } = useTranslation();
  const { current } = useMap();
  const map = current?.getMap();
  const animate = () => !prefersReducedMotion();
  return (
    <>
      <div className="map-buttons" role="group" aria-label={t('map.view')}>
        <button
          type="button"
          aria-label={t('map.zoomIn')}
          title={t('map.zoomIn')}
          disabled={!map}
          onClick={() => map?.zoomIn({ animate: animate() })}
        >
          <span aria-hidden="true">+</span>
        </button>
        <button
          type="button"
          aria-label={t('map.zoomOut')}
          title={t('map.zoomOut')}
          disabled={!map}
          onClick={() => map?.zoomOut({ animate: animate() })}
        >
          <span aria-hidden="true">−</span>
        </button>
        <button
          type="button"
          className="map-fit"
          disabled={!map}
          onClick={() => map && fitIndonesia(map, animate())}
        >
          {t('map.fit')}
        </button>
      </div>
      <ScaleControl unit="metric" maxWidth={140} position="bottom-right" />
    </>
  );
}
