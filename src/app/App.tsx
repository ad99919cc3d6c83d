import { MapView } from '../map/MapView';
import { AppHeader } from '../ui/AppHeader';

/** Layout only: header on top, the map filling the rest (issue #2). */
export function App() {
  return (
    <div className="app">
      <AppHeader />
      <main className="app-main">
        <MapView />
      </main>
    </div>
  );
}
