/**
 * Candidate stops on the map: the top ranked candidates as numbered white circles, or the planned stops
 * as numbered purple circles (hollow when the stop changes with the radius). Pure specs and data; the numbers are
 * small images that CandidateLayers.tsx draws once (the offline style has no glyphs for text).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

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
  /** GeoNames id of the place (clicking a marker inspects it); -1 when unknown. */
  readonly placeId: number;
  /** The place's true position [lon, lat] (the marker may be moved aside so that markers never pile up). */
  readonly at: readonly [number, number];
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
  T extends { readonly name: string; readonly lat: number; readonly lon: number; readonly placeId?: number },
>(points: readonly T[], kind: (p: T) => CandidateKind): FeatureCollection<Point, CandidateProps> {
  return {
    type: 'FeatureCollection',
    features: points.map((p, i): Feature<Point, CandidateProps> => {
      const k = kind(p);
      return {
        type: 'Feature',
        id: i + 1,
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: {
          rank: i + 1,
          name: p.name,
          kind: k,
          ink: INK[k],
          placeId: p.placeId ?? -1,
          at: [p.lon, p.lat],
        },
      };
    }),
  };
}

/** Smallest distance in pixels between two marker centres (a marker is about 18–24 px across). */
export const MARKER_GAP_PX = 24;

/**
 * Screen positions for markers so that none overlaps another: in rank order, each marker stays where it is
 * unless an earlier one is within `gap` pixels; then it takes the first free spot on rings of radius `gap`,
 * 2 × `gap`, … around its place (12 directions per ring, starting north). Pure: projected points in, points out.
 *
 * @param points Projected positions [x, y] in pixels, in rank order.
 * @param gap Minimum distance between centres.
 * @returns The positions to draw at (the same point where nothing was in the way).
 * @example declutter([[0, 0], [5, 0]], 24) // [[0, 0], [0, -24]]
 */
export function declutter(
  points: readonly (readonly [number, number])[],
  gap = MARKER_GAP_PX,
): [number, number][] {
  const placed: [number, number][] = [];
  const free = (x: number, y: number) =>
    placed.every(([px, py]) => (px - x) ** 2 + (py - y) ** 2 >= gap * gap - 1e-6);
  for (const [x, y] of points) {
    let spot: [number, number] = [x, y];
    if (!free(x, y)) {
      search: for (let ring = 1; ring <= 8; ring++) {
        for (let k = 0; k < 12; k++) {
          const a = -Math.PI / 2 + (k * Math.PI) / 6;
          const cx = x + ring * gap * Math.cos(a);
          const cy = y + ring * gap * Math.sin(a);
          if (free(cx, cy)) {
            spot = [cx, cy];
            break search;
          }
        }
      }
    }
    placed.push(spot);
  }
  return placed;
}

/** Leader lines from each moved marker back to its place. */
export const LEADERS_SOURCE_ID = 'candidate-leaders';
export const candidateLeaderLayer: LineLayerSpecification = {
  id: 'candidate-leaders',
  type: 'line',
  source: LEADERS_SOURCE_ID,
  paint: { 'line-color': CANDIDATE_INK, 'line-width': 1, 'line-opacity': 0.7 },
};
export const candidateAnchorLayer: CircleLayerSpecification = {
  id: 'candidate-anchors',
  type: 'circle',
  source: LEADERS_SOURCE_ID,
  filter: ['==', ['geometry-type'], 'Point'],
  paint: { 'circle-radius': 2.5, 'circle-color': CANDIDATE_INK },
};

/** The inspected candidate's catchment (its cells and the outline of their union). */
export const INSPECT_SOURCE_ID = 'inspect-zone';
export const INSPECT_COLOUR = '#d95f02';
export const inspectFillLayer: FillLayerSpecification = {
  id: 'inspect-fill',
  type: 'fill',
  source: INSPECT_SOURCE_ID,
  filter: ['==', ['get', 'part'], 'fill'],
  paint: { 'fill-color': 'rgba(217, 95, 2, 0.18)', 'fill-antialias': false },
};
export const inspectOutlineLayer: LineLayerSpecification = {
  id: 'inspect-outline',
  type: 'line',
  source: INSPECT_SOURCE_ID,
  filter: ['==', ['get', 'part'], 'outline'],
  layout: { 'line-join': 'round' },
  paint: { 'line-color': INSPECT_COLOUR, 'line-width': 2 },
};

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
