/** Page header: the app name and what it shows. */
export function AppHeader() {
  return (
    <header className="app-header">
      <h1>Jangkau</h1>
      <p>Digital readiness of Indonesia&rsquo;s provinces</p>
    </header>
  );
}
