import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadDataset } from '../data/dataset';
import type { HoverInfo } from '../map/MapView';
import { initialHubs } from '../state/initial';
import { startScenePersistence } from '../state/scenes/persist';
import { startUrlSync } from '../state/url-sync';
import { store, useStore } from '../state/store';
import { AppHeader } from '../ui/AppHeader';
import { GapHeadline } from '../ui/GapHeadline';
import { HubControls } from '../ui/HubControls';
import { Legend } from '../ui/Legend';
import { MapControls } from '../ui/MapControls';
import { Notices } from '../ui/Notices';
import { PresenterOverlay } from '../ui/presenter/PresenterMode';
import { PanelHost } from '../ui/PanelHost';
import { SettingsControls } from '../ui/SettingsControls';
import { Tooltip } from '../ui/Tooltip';

// Start fetching the map code (MapLibre) and the data at once, in parallel, before React renders.
const mapModule = import('../map/MapView');
const MapView = lazy(() => mapModule.then((m) => ({ default: m.MapView })));
const datasetPromise = loadDataset(`${import.meta.env.BASE_URL}data/`);

/** Layout only: header, controls on the left, the map with legend and tooltip, a side panel on the right. */
export function App() {
  const { t } = useTranslation();
  const data = useStore((s) => s.dataset);
  const error = useStore((s) => s.dataError);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const presenter = useStore((s) => s.presenter);

  useEffect(() => {
    let alive = true;
    datasetPromise
      .then((d) => {
        if (!alive) return;
        const s = store.getState();
        s.setDataset(d);
        if (s.hubs.length === 0) s.setHubs(initialHubs(d));
        // Issue #7: the link applies over the defaults (its hubs replace the campaign's); scenes load from storage.
        startUrlSync(store);
        startScenePersistence(store);
      })
      .catch((e: unknown) => alive && store.getState().setDataError((e as Error).message));
    return () => {
      alive = false;
    };
  }, []);

  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <AppHeader />
      <div className="app-body">
        <aside className="controls" aria-label={t('app.controls')}>
          {data ? (
            <>
              <MapControls />
              <HubControls />
              <SettingsControls />
            </>
          ) : null}
        </aside>
        <main className="app-main">
          {error ? (
            <p className="notice error" role="alert">
              {t('app.loadError', { message: error })}
            </p>
          ) : !data ? (
            <p className="notice" role="status">
              {t('app.loading')}
            </p>
          ) : (
            <Suspense fallback={<p className="notice">{t('app.loading')}</p>}>
              <MapView data={data} onHover={setHover} />
              <Legend />
              <GapHeadline />
              <Tooltip hover={hover} />
            </Suspense>
          )}
          <Notices />
          <PresenterOverlay />
        </main>
        <PanelHost />
      </div>
    </div>
  );
}
