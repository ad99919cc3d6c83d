import '../map/styles';
import './app.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { initI18n } from '../i18n';
import { id } from '../i18n/id';
import { App } from './App';
import { mapCode } from './map-code';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The first render waits for the map's code, so the map starts in the first commit (see ./map-code). If that
// chunk failed, the app still renders; the map's Suspense boundary then reports it.
void Promise.all([initI18n('en', id), mapCode.catch(() => undefined)]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
