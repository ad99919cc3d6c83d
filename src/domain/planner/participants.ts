/**
 * Expected participants: an estimate from a participation rate the user sets, beside the 2018 campaign's own
 * result as the reference. The reference is read from the cited campaign facts (data/laju_digital.csv), never
 * typed in here: when the fact is not in the data, there is no reference.
 */
import type { CampaignFact } from '../types';

export interface ParticipationReference {
  /** People (UMKM actors) trained. */
  readonly trained: number;
  /** Cities the training was held in. */
  readonly cities: number;
  /** The fact as cited, and its source id. */
  readonly fact: string;
  readonly sourceId: string;
}

const TRAINED_IN_CITIES = /trained ([\d,.]+) UMKM\b[^.]*? in (\d+) cities/i;

/**
 * The campaign's cumulative result ("trained 12,000 UMKM actors in 15 cities") from the facts, or null.
 * @example participationReference(stats.facts)?.trained // 12000
 */
export function participationReference(facts: readonly CampaignFact[]): ParticipationReference | null {
  for (const f of facts) {
    if (f.type !== 'result') continue;
    const m = TRAINED_IN_CITIES.exec(f.fact);
    if (!m) continue;
    const trained = Number((m[1] ?? '').replace(/[,.]/g, ''));
    const cities = Number(m[2]);
    if (trained > 0 && cities > 0) return { trained, cities, fact: f.fact, sourceId: f.sourceId };
  }
  return null;
}

/** Largest participation rate (a share of the estimated MSMEs reached). */
export const MAX_PARTICIPATION_RATE = 1;

/**
 * Expected participants of a stop: rate × estimated MSMEs it newly reaches (an estimate; null without MSMEs).
 * @example expectedParticipants(40_000, 0.02) // 800
 */
export function expectedParticipants(msmes: number | null, rate: number): number | null {
  if (msmes === null || !Number.isFinite(msmes)) return null;
  return Math.max(0, msmes) * Math.min(MAX_PARTICIPATION_RATE, Math.max(0, rate));
}
