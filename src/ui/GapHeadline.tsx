import { useTranslation } from 'react-i18next';
import { bpsGap } from '../domain/gap';
import { useStore } from '../state/store';
import { formatNumber } from '../i18n/format';

/**
 * The east–west gap in one line, for the phone's read-only view: the latest year with every province
 * (BPS internet use, population-weighted, the grouping from the settings).
 */
export function GapHeadline() {
  const { t, i18n } = useTranslation();
  const data = useStore((s) => s.dataset);
  const grouping = useStore((s) => s.grouping);
  if (!data) return null;
  const years = bpsGap(data.metrics, grouping).years.filter((y) => y.coverage.complete && y.gapPp !== null);
  const y = years[years.length - 1];
  if (!y) return null;
  const lng = i18n.language;
  return (
    <section className="phone-gap-headline" aria-label={t('phone.gapTitle')}>
      <strong>{t('phone.gapTitle')}</strong>{' '}
      {t('phone.gapLine', {
        east: formatNumber(lng, y.east.value!, 1),
        west: formatNumber(lng, y.west.value!, 1),
        gap: formatNumber(lng, y.gapPp!, 1),
        year: y.year,
      })}
    </section>
  );
}
