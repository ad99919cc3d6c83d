import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataLoadFailure } from '../data/dataset';
import type { Notice } from '../state/scenes/slice';
import { store, useStore } from '../state/store';
import { decode, type Dropped } from '../state/url';
import { sceneProblemText } from './scene-problem';

const MAX_VALUE = 40;

/** `year=abc (not a number)`, `h=Bad~x~1~h (hub 2, latitude: not a number)`; long values are shortened. */
export function droppedText(t: TFunction, d: Dropped): string {
  const value = d.value.length > MAX_VALUE ? `${d.value.slice(0, MAX_VALUE - 1)}…` : d.value;
  const reason = t(`briefing.reason.${d.reason}`, { detail: d.detail ?? '' });
  const part = d.part
    ? d.part.field
      ? t('briefing.part.hubField', { n: d.part.hub, field: t(`briefing.part.field.${d.part.field}`) })
      : t('briefing.part.hub', { n: d.part.hub })
    : null;
  return `${d.param}=${value} (${part ? `${part}: ` : ''}${reason})`;
}

function NoticeBody({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  switch (notice.type) {
    case 'link':
      return (
        <>
          <p>{t('briefing.notice.link')}</p>
          <ul>
            {notice.dropped.map((d, i) => (
              <li key={i}>
                <code>{droppedText(t, d)}</code>
              </li>
            ))}
          </ul>
        </>
      );
    case 'storage': {
      const p = notice.problem;
      switch (p.type) {
        case 'unreadable':
          return <p>{t('briefing.notice.unreadable', { detail: sceneProblemText(t, p.detail) })}</p>;
        case 'newerVersion':
          return <p>{t('briefing.notice.newerVersion', { version: p.version })}</p>;
        case 'skipped':
          return (
            <p>{t('briefing.notice.skipped', { count: p.count, detail: sceneProblemText(t, p.detail) })}</p>
          );
        default:
          return p satisfies never;
      }
    }
    case 'saveFailed':
      return <p>{t('briefing.notice.saveFailed', { detail: notice.detail })}</p>;
    default:
      return notice satisfies never;
  }
}

/**
 * Why the embedded data did not load, naming the file, in the reader's language; an HTTP status or
 * the browser's message is kept as it is.
 * @example dataLoadText(t, { file: 'cells.json', reason: 'http', detail: '404' }) // 'The embedded data could not be loaded: the server answered HTTP 404 for the file cells.json.'
 */
export function dataLoadText(t: TFunction, failure: DataLoadFailure): string {
  const why = t(`app.loadFailure.${failure.reason}`, {
    file: failure.file ?? '',
    detail: failure.detail ?? '',
  });
  return t('app.loadError', { message: why });
}

/** The data did not load: what went wrong, and a way to try again (the files are fetched once per page). */
export function DataLoadNotice({ failure }: { failure: DataLoadFailure }) {
  const { t, i18n } = useTranslation();
  const language = useStore((s) => s.language);
  // The link is applied (and the language followed) by the URL sync, which starts only with the data: without
  // them, the notice takes the link's language itself and follows the Language control.
  useEffect(() => {
    const fromLink = decode(window.location.search).state.language;
    if (fromLink) store.getState().setLanguage(fromLink);
  }, []);
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);
  return (
    <div className="notice error" role="alert">
      <p>{dataLoadText(t, failure)}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/** Visible, dismissible notices over the map: ignored link settings, unreadable saved scenes. */
export function Notices() {
  const { t } = useTranslation();
  const notices = useStore((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="briefing-notices">
      {notices.map((n) => (
        <div key={n.id} className="briefing-notice" role="alert">
          <div className="briefing-notice-body">
            <NoticeBody notice={n} />
          </div>
          <button
            type="button"
            className="icon-button"
            aria-label={t('briefing.dismiss')}
            onClick={() => store.getState().dismissNotice(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
