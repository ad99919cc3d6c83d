import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataLoadFailure, loadDatasetFiles, prepareDataset } from '../data/dataset';
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
import { DataLoadNotice, Notices } from '../ui/Notices';
import { PresenterOverlay } from '../ui/presenter/PresenterMode';
import { PanelHost } from '../ui/PanelHost';
import { SettingsControls } from '../ui/SettingsControls';
import { Toasts } from '../ui/Toasts';
import { Tooltip } from '../ui/Tooltip';
import { mapViewComponent } from './map-code';

// Start fetching the data at once, in parallel with the map's code (./map-code), before React renders. They are
// decoded and indexed after the first commit, once the map has started (time to idle).
const filesPromise = loadDatasetFiles(`${import.meta.env.BASE_URL}data/`);
// A failure is worded by App once it renders; until then the rejection is not "unhandled" (no page error).
filesPromise.catch(() => undefined);

/** Layout only: header, controls on the left, the map with legend and tooltip, a side panel on the right. */
export function App() {
  const { t } = useTranslation();
  const data = useStore((s) => s.dataset);
  const error = useStore((s) => s.dataError);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const presenter = useStore((s) => s.presenter);
  const [MapView] = useState(mapViewComponent);

  useEffect(() => {
    let alive = true;
    filesPromise
      .then((files) => {
        if (!alive) return;
        const d = prepareDataset(files);
        performance.mark('jangkau:data-ready');
        const s = store.getState();
        s.setDataset(d);
        if (s.hubs.length === 0) s.setHubs(initialHubs(d));
        // The link applies over the defaults (its hubs replace the campaign's); scenes load from storage.
        startUrlSync(store);
        startScenePersistence(store);
      })
      .catch((e: unknown) => alive && store.getState().setDataError(dataLoadFailure(e)));
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
            <DataLoadNotice failure={error} />
          ) : (
            // The map starts at once (its base map needs no data); the data layers fill in when the data arrive.
            <Suspense fallback={<p className="notice">{t('app.loading')}</p>}>
              <MapView data={data} onHover={setHover} />
              {data ? (
                <>
                  <Legend />
                  <GapHeadline />
                  <Tooltip hover={hover} />
                </>
              ) : (
                <p className="notice map-loading" role="status">
                  {t('app.loading')}
                </p>
              )}
            </Suspense>
          )}
          <Notices />
          <Toasts />
          <PresenterOverlay />
        </main>
        <PanelHost />
      </div>
    </div>
  );
}
