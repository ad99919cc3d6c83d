/** How a hub's status and date read, in the reader's language: beside the hub in the list and on its marker. */
import type { TFunction } from 'i18next';
import { formatDate } from '../i18n/format';
import type { Hub } from '../state/slices/scenario';

/** "held Sep 13, 2018" / "sudah, 13 Sep 2018": the status, and the date of a held hub in the locale's words. */
export function statusText(t: TFunction, locale: string, hub: Hub): string {
  if (hub.status === 'held')
    return hub.date ? t('hubs.heldOn', { date: formatDate(locale, hub.date) }) : t('hubs.heldUnknownDate');
  return t(`hubs.${hub.status}`);
}
