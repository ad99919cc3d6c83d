import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { DetailPanel } from './DetailPanel';
import { TableView } from './TableView';

// The larger views load on first use, so they do not delay the first map.
const AboutPanel = lazy(() => import('./AboutPanel').then((m) => ({ default: m.AboutPanel })));
const CompareSchemes = lazy(() => import('./CompareSchemes').then((m) => ({ default: m.CompareSchemes })));
const GapView = lazy(() => import('./GapView').then((m) => ({ default: m.GapView })));
const ImportPanel = lazy(() => import('./import/ImportPanel').then((m) => ({ default: m.ImportPanel })));
const ScenesPanel = lazy(() => import('./ScenesPanel').then((m) => ({ default: m.ScenesPanel })));
const SimulatePanel = lazy(() =>
  import('./simulate/SimulatePanel').then((m) => ({ default: m.SimulatePanel })),
);

function OpenPanel() {
  const panel = useStore((s) => s.panel);
  switch (panel) {
    case 'none':
      return null;
    case 'simulate':
      return <SimulatePanel />;
    case 'detail':
      return <DetailPanel />;
    case 'about':
      return <AboutPanel />;
    case 'table':
      return <TableView />;
    case 'compare':
      return <CompareSchemes />;
    case 'scenes':
      return <ScenesPanel />;
    case 'gap':
      return <GapView />;
    case 'import':
      return <ImportPanel />;
    default:
      return panel satisfies never;
  }
}

/** Shows the one open side panel. */
export function PanelHost() {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="side-panel notice" role="status">
          {t('app.loading')}
        </p>
      }
    >
      <OpenPanel />
    </Suspense>
  );
}
