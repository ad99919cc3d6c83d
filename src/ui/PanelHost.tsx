import { useStore } from '../state/store';
import { AboutPanel } from './AboutPanel';
import { CompareSchemes } from './CompareSchemes';
import { DetailPanel } from './DetailPanel';
import { ImportPanel } from './import/ImportPanel';
import { ScenesPanel } from './ScenesPanel';
import { SimulatePanel } from './simulate/SimulatePanel';
import { GapView } from './GapView';
import { TableView } from './TableView';

/** Shows the one open side panel. */
export function PanelHost() {
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
