/**
 * "Import data": pick or drop a file, see how it is read and a preview of exactly what would change
 * (and every row that would not be taken, with the reason and a suggestion), then apply or cancel. Applied
 * imports are listed with "Undo import". Imported text is only ever rendered as React text.
 */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { formatNumber } from '../../i18n/format';
import { Panel } from '../Panel';
import { ImportOptionsForm } from './ImportOptionsForm';
import { ImportPreviewView } from './ImportPreviewView';
import { useImport, type ImportMessage } from './useImport';

const ACCEPT = '.csv,.tsv,.txt,.geojson,.topojson,.json,text/csv,application/geo+json,application/json';

function fileSize(lng: string, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lng, bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lng, bytes / 1024, 1)} KB`;
  return `${formatNumber(lng, bytes / (1024 * 1024), 1)} MB`;
}

export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const state = useImport();
  const history = useStore((s) => s.importHistory);
  const [dragging, setDragging] = useState(false);
  const { file, preview, progress, error, message } = state;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const f = e.dataTransfer.files[0];
    if (f) state.pick(f);
  };

  const describe = (m: ImportMessage) => {
    switch (m.type) {
      case 'applied':
        return t('import.applied', { file: m.file, what: t(`import.what.${m.kind}`, { count: m.count }) });
      case 'undone':
        return t('import.undone', { file: m.file });
      case 'applyFailed': {
        const f = m.failure;
        const why =
          f.type === 'internal'
            ? t('import.applyFailure.internal', { detail: f.detail })
            : t(`import.applyFailure.${f.type}`);
        return t('import.applyFailed', { message: why });
      }
      default:
        return m satisfies never;
    }
  };

  return (
    <Panel title={t('import.title')} wide>
      <div
        className={`import-body${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="hint">{t('import.intro')}</p>
        <div className="import-drop">
          <span>{dragging ? t('import.dropping') : t('import.drop')}</span>{' '}
          <label className="button-like">
            {t('import.choose')}
            <input
              type="file"
              className="visually-hidden"
              accept={ACCEPT}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) state.pick(f);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        {message ? (
          <p
            className={`import-message${message.type === 'applyFailed' ? ' error' : ''}`}
            role={message.type === 'applyFailed' ? 'alert' : 'status'}
          >
            {describe(message)}
          </p>
        ) : null}
        {file ? (
          <p className="import-file">
            <strong>{t('import.fileInfo', { name: file.name, size: fileSize(lng, file.size) })}</strong>
          </p>
        ) : null}
        {progress ? (
          <div className="import-progress" role="status">
            <span>{t(`import.phase.${progress.phase}`)}</span>
            <progress aria-label={t('import.progress')} max={1} value={progress.fraction} />
            <button type="button" onClick={state.stop}>
              {t('import.stop')}
            </button>
          </div>
        ) : null}
        {error ? (
          <p className="import-message error" role="alert">
            {error.type === 'failed'
              ? t('import.failed', { message: error.detail })
              : error.detail === undefined
                ? t('import.crashed')
                : t('import.crashedDetail', { detail: error.detail })}
          </p>
        ) : null}
        {preview && file ? (
          <>
            <ImportOptionsForm preview={preview} options={state.options} setOptions={state.setOptions} />
            <ImportPreviewView preview={preview}>
              {!preview.ok ? (
                <p className="import-message error" role="status">
                  {t('import.blocked')}
                </p>
              ) : null}
              <div className="import-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={!preview.ok || progress !== null}
                  onClick={state.apply}
                >
                  {t('import.apply')}
                </button>
                <button type="button" onClick={state.cancel}>
                  {t('import.cancel')}
                </button>
              </div>
            </ImportPreviewView>
          </>
        ) : null}
        {history.length > 0 ? (
          <section className="import-history" aria-label={t('import.history')}>
            <h3>{t('import.history')}</h3>
            <ul className="plain">
              {history.map((h) => (
                <li key={h.id}>
                  {t('import.historyItem', {
                    file: h.file,
                    what: t(`import.what.${h.kind}`, { count: h.count }),
                  })}
                </li>
              ))}
            </ul>
            <button type="button" onClick={state.undo}>
              {t('import.undo')}
            </button>
          </section>
        ) : null}
      </div>
    </Panel>
  );
}
