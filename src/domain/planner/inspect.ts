/**
 * What one candidate's catchment holds, for the planner's inspector: people, offline share, 3T share, estimated
 * MSMEs, overlap with the current hubs, the provinces, regencies and islands it reaches, and the distance to the
 * nearest hub. Computed on the main thread from the same catchment rule the optimiser uses.
 */
import type { CatchmentRule, CellIndex, HubPoint } from '../catchment';
import { catchment, nearestCell } from '../catchment';
import { nearestHubKm } from '../optimizer/candidates';
import type { CellTable } from '../types';
import { cellIs3T, cellRegency, has3TFlags } from './fields';

export interface InspectInputs {
  /** Internet-use fraction per polygon (null = missing). */
  readonly share: ArrayLike<number | null>;
  /** MSMEs per resident per polygon (null = missing). */
  readonly msmePerResident: ArrayLike<number | null>;
  /** Per polygon: inside the planned region. */
  readonly inRegion: ArrayLike<boolean>;
  /** Coverage of the current hubs per cell (0..1). */
  readonly covered: ArrayLike<number>;
  readonly hubs: readonly HubPoint[];
}

export interface PartReached {
  /** Polygon, regency or island id. */
  readonly id: number;
  /** Residents of its cells inside the catchment. */
  readonly people: number;
}

export interface Inspection {
  /** Cell ids of the catchment (sorted), to draw it. */
  readonly cells: Uint32Array;
  /** Residents within the catchment (a headcount). */
  readonly people: number;
  /** Estimated offline residents (people × offline share of their province); cells without a share left out. */
  readonly offline: number;
  /** offline / people over the cells with a share; null when none has one. */
  readonly offlineShare: number | null;
  /** Residents inside the planned region. */
  readonly inRegion: number;
  /** Share of the people in daerah tertinggal or on outermost small islands; null without flags in the data. */
  readonly share3T: number | null;
  /** Estimated MSMEs (people × MSMEs per resident of their province); null when no province has a rate. */
  readonly msmes: number | null;
  /** Share of the people already inside a current hub's catchment. */
  readonly overlapShare: number;
  readonly polygons: readonly PartReached[];
  /** null without regency data. */
  readonly regencies: readonly PartReached[] | null;
  readonly islands: readonly PartReached[];
  /** The island the stop stands on. */
  readonly island: number;
  /** Great-circle km to the nearest current hub (Infinity without hubs). */
  readonly nearestHubKm: number;
}

const present = (x: number | null | undefined): x is number =>
  x !== null && x !== undefined && !Number.isNaN(x);

function parts(map: Map<number, number>): PartReached[] {
  return [...map.entries()]
    .map(([id, people]) => ({ id, people }))
    .sort((a, b) => b.people - a.people || a.id - b.id);
}

const add = (map: Map<number, number>, key: number, v: number) => map.set(key, (map.get(key) ?? 0) + v);

/**
 * Inspects one point's catchment.
 * @example inspectCandidate(index, { lat: -10.17, lon: 123.6 }, rule, inputs).people
 */
export function inspectCandidate(
  index: CellIndex,
  point: HubPoint,
  rule: CatchmentRule,
  inputs: InspectInputs,
): Inspection {
  const cells: CellTable = index.cells;
  const c = catchment(index, point, rule);
  const flags = has3TFlags(cells);
  let people = 0;
  let offline = 0;
  let withShare = 0;
  let inRegion = 0;
  let people3T = 0;
  let msmes = 0;
  let anyRate = false;
  let overlap = 0;
  const polygons = new Map<number, number>();
  const regencies = new Map<number, number>();
  const islands = new Map<number, number>();
  let hasRegency = false;
  for (const cell of c.cells) {
    const pop = cells.pop[cell] ?? 0;
    const polygon = cells.polygon[cell] ?? 0;
    people += pop;
    const share = inputs.share[polygon];
    if (present(share)) {
      offline += pop * (1 - share);
      withShare += pop;
    }
    if (inputs.inRegion[polygon] === true) inRegion += pop;
    if (flags && cellIs3T(cells, cell)) people3T += pop;
    const rate = inputs.msmePerResident[polygon];
    if (present(rate)) {
      msmes += pop * rate;
      anyRate = true;
    }
    overlap += pop * (inputs.covered[cell] ?? 0);
    add(polygons, polygon, pop);
    add(islands, cells.island[cell] ?? 0, pop);
    const regency = cellRegency(cells, cell);
    if (regency !== null) {
      hasRegency = true;
      add(regencies, regency, pop);
    }
  }
  const at = nearestCell(index, point);
  return {
    cells: c.cells,
    people,
    offline,
    offlineShare: withShare > 0 ? offline / withShare : null,
    inRegion,
    share3T: flags && people > 0 ? people3T / people : null,
    msmes: anyRate ? msmes : null,
    overlapShare: people > 0 ? overlap / people : 0,
    polygons: parts(polygons),
    regencies: hasRegency ? parts(regencies) : null,
    islands: parts(islands),
    island: at < 0 ? -1 : (cells.island[at] ?? -1),
    nearestHubKm: nearestHubKm(point.lat, point.lon, inputs.hubs),
  };
}

/**
 * A name for every island: its most populous place (GeoNames), or null when no named place stands on it.
 * @example islandNames(index, places)[139] // "Denpasar"
 */
export function islandNames(
  index: CellIndex,
  places: {
    readonly name: readonly string[];
    readonly lat: readonly number[];
    readonly lon: readonly number[];
    readonly pop: readonly number[];
  },
): (string | null)[] {
  const best = new Array<number>(index.islandCount).fill(-1);
  const names: (string | null)[] = new Array<string | null>(index.islandCount).fill(null);
  for (let i = 0; i < places.name.length; i++) {
    const cell = nearestCell(index, { lat: places.lat[i] ?? NaN, lon: places.lon[i] ?? NaN });
    if (cell < 0) continue;
    const island = index.cells.island[cell] ?? 0;
    const pop = places.pop[i] ?? 0;
    if (pop > (best[island] ?? -1)) {
      best[island] = pop;
      names[island] = places.name[i] ?? null;
    }
  }
  return names;
}
