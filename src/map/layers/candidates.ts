/**
 * Candidate stops on the map (issue #5): the top ranked candidates as numbered white circles, or the planned stops
 * as numbered purple circles (hollow when the stop changes with the radius). Pure specs and data; the numbers are
 * small images that CandidateLayers.tsx draws once (the offline style has no glyphs for text).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CircleLayerSpecification, SymbolLayerSpecification } from 'maplibre-gl';

export const CANDIDATES_SOURCE_ID = 'candidates';
export const CANDIDATE_CIRCLE_LAYER = 'candidates-circle';
export const CANDIDATE_NUMBER_LAYER = 'candidates-number';
/** Ranked candidates shown on the map. */
export const TOP_CANDIDATES = 10;

export const CANDIDATE_INK = '#1f2933';
export const PLAN_COLOUR = '#6a3d9a';

/** `ranked`: a candidate of the ranking; `planned`/`planned-unstable`: a planned stop (robust or not). */
export type CandidateKind = 'ranked' | 'planned' | 'planned-unstable';
/** Colour of the number drawn on the circle. */
export type Ink = 'dark' | 'light' | 'plan';

export interface CandidateProps {
  readonly rank: number;
  readonly name: string;
  readonly kind: CandidateKind;
  readonly ink: Ink;
}

const INK: Record<CandidateKind, Ink> = { ranked: 'dark', planned: 'light', 'planned-unstable': 'plan' };

/** Number images are named `candidate-number-<ink>-<n>`. */
export const NUMBER_IMAGE_PREFIX = 'candidate-number-';

/**
 * @example numberImageId('light', 3) // "candidate-number-light-3"
 */
export const numberImageId = (ink: Ink, n: number): string => `${NUMBER_IMAGE_PREFIX}${ink}-${n}`;

const NUMBER_IMAGE_ID = new RegExp(`^${NUMBER_IMAGE_PREFIX}(dark|light|plan)-([1-9]\\d{0,2})$`);

/**
 * The ink and number an image id asks for, or null for any other image (or a number out of 1..999).
 * @example parseNumberImageId('candidate-number-light-3') // { ink: 'light', n: 3 }
 */
export function parseNumberImageId(id: string): { ink: Ink; n: number } | null {
  const m = NUMBER_IMAGE_ID.exec(id);
  return m ? { ink: m[1] as Ink, n: Number(m[2]) } : null;
}

export const INK_COLOUR: Record<Ink, string> = { dark: CANDIDATE_INK, light: '#ffffff', plan: PLAN_COLOUR };

/**
 * Points numbered 1..n in the given order.
 *
 * @param points Places in rank (or visit) order.
 * @param kind How each point is drawn.
 * @returns A FeatureCollection for the candidates source.
 * @example candidateFeatures(ranking.rows.slice(0, 10), () => 'ranked')
 */
export function candidateFeatures<
  T extends { readonly name: string; readonly lat: number; readonly lon: number },
>(points: readonly T[], kind: (p: T) => CandidateKind): FeatureCollection<Point, CandidateProps> {
  return {
    type: 'FeatureCollection',
    features: points.map((p, i): Feature<Point, CandidateProps> => {
      const k = kind(p);
      return {
        type: 'Feature',
        id: i + 1,
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { rank: i + 1, name: p.name, kind: k, ink: INK[k] },
      };
    }),
  };
}

export const candidateCircleLayer: CircleLayerSpecification = {
  id: CANDIDATE_CIRCLE_LAYER,
  type: 'circle',
  source: CANDIDATES_SOURCE_ID,
  layout: { 'circle-sort-key': ['-', 0, ['get', 'rank']] },
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 9, 8, 12],
    'circle-color': ['match', ['get', 'kind'], 'planned', PLAN_COLOUR, '#ffffff'],
    'circle-stroke-color': [
      'match',
      ['get', 'kind'],
      'ranked',
      CANDIDATE_INK,
      'planned',
      '#ffffff',
      PLAN_COLOUR,
    ],
    'circle-stroke-width': ['match', ['get', 'kind'], 'planned', 2, 2.5],
    'circle-opacity': 0.96,
  },
};

export const candidateNumberLayer: SymbolLayerSpecification = {
  id: CANDIDATE_NUMBER_LAYER,
  type: 'symbol',
  source: CANDIDATES_SOURCE_ID,
  layout: {
    'icon-image': ['concat', NUMBER_IMAGE_PREFIX, ['get', 'ink'], '-', ['to-string', ['get', 'rank']]],
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
    'symbol-sort-key': ['-', 0, ['get', 'rank']],
  },
};
