/**
 * Demand per population cell: who the roadshow is for, in two units.
 *
 *   count[c] = base[c] × (useOffline ? (1 − share[polygon]) : 1) × region[polygon] × (useCoverage ? (1 − covered[c]) : 1)
 *   score[c] = base[c] × (useOffline ? (1 − share[polygon])^a : 1) × region[polygon] × priority[c] × (same coverage)
 *
 * `count` is a headcount (offline residents, or estimated offline MSMEs); `score` is the priority score the
 * optimiser ranks by. They are equal when a = 1 and every priority weight is 1; otherwise the score is no longer
 * people and is never shown as people. `region[polygon]` is 1 inside the planned region and 0 outside it (people
 * outside the region count for nothing, wherever the stop stands); `priority[c]` is a per-cell weight (e.g. the
 * daerah tertinggal and outermost small islands weighted up), 1 when absent.
 *
 * where base[c] is the cell's residents, or with `useMsme` its estimated MSMEs (residents × MSMEs per resident of
 * its polygon); `share` is the internet-use fraction of the cell's polygon for the chosen year; and `covered` is
 * the largest reach weight of any current hub at the cell (`coverageOf` in catchment.ts).
 *
 * Missing values: a missing internet-use share (null, NaN, or no entry) is treated as no information, i.e. a
 * factor of 1, and the affected cells are counted so the UI can say so. A missing MSME rate makes the polygon's
 * demand 0 (there is nothing to multiply) and is counted too.
 */
import type { CellTable } from './types';

/** The switches of the demand formula. */
export interface DemandSettings {
  /** Weight people by the share of their province that is offline. */
  readonly useOffline: boolean;
  /** Exponent `a` on the offline share, in [0, 3]. */
  readonly offlineExponent: number;
  /** Discount cells already inside a current hub's catchment. */
  readonly useCoverage: boolean;
  /** Count MSMEs (residents × MSMEs per resident) instead of residents. */
  readonly useMsme: boolean;
  /**
   * Weight of the priority cells (daerah tertinggal, outermost small islands) in the score, in [1, 10]; 1 = none.
   * Absent = 1.
   */
  readonly priorityFactor?: number;
}

/** Largest priority weight. */
export const MAX_PRIORITY_FACTOR = 10;

/** Offline factor on with a = 1, coverage on, MSME off. */
export const DEFAULT_DEMAND_SETTINGS: DemandSettings = Object.freeze({
  useOffline: true,
  offlineExponent: 1,
  useCoverage: true,
  useMsme: false,
  priorityFactor: 1,
});

/** Does the score differ from the headcount (exponent ≠ 1 or priority weights)? */
export function scoreIsWeighted(settings: DemandSettings, hasPriorityCells: boolean): boolean {
  return (
    (settings.useOffline && settings.offlineExponent !== 1) ||
    (hasPriorityCells && (settings.priorityFactor ?? 1) !== 1)
  );
}

/** Per-polygon and per-cell inputs of the formula. */
export interface DemandInputs {
  /** Internet-use fraction (0..1) per polygon id for the chosen year; null/NaN/absent = missing. */
  readonly share: ArrayLike<number | null>;
  /** Per-cell coverage of the current hubs (0..1); absent = no hubs. */
  readonly covered?: ArrayLike<number> | null;
  /** MSMEs per resident per polygon id; needed when `useMsme` is on. null/NaN/absent = missing. */
  readonly msmePerResident?: ArrayLike<number | null> | null;
  /** Per polygon id: inside the planned region? Absent = every polygon counts; a missing entry counts as outside. */
  readonly inRegion?: ArrayLike<boolean> | null;
  /** Per-cell priority weight (≥ 0) of the score; absent = 1 everywhere. Never applied to the headcount. */
  readonly priority?: ArrayLike<number> | null;
}

/** Per-cell demand plus what was missing (counts are 0 for factors that are switched off). */
export interface Demand {
  /** The priority score per cell (what the optimiser maximises). */
  readonly values: Float64Array;
  /** The headcount per cell: offline residents (or offline MSMEs, or residents with the offline factor off). */
  readonly counts: Float64Array;
  /** Cells whose polygon had no internet-use share (their offline factor was taken as 1). */
  readonly missingShareCells: number;
  /** Polygon ids (ascending) with cells but no internet-use share. */
  readonly missingSharePolygons: readonly number[];
  /** Cells whose polygon had no MSME rate (their demand is 0). */
  readonly missingMsmeCells: number;
  /** Polygon ids (ascending) with cells but no MSME rate. */
  readonly missingMsmePolygons: readonly number[];
}

function present(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && !Number.isNaN(value);
}

/**
 * Throws a RangeError when the settings are unusable (exponent outside [0, 3]).
 *
 * @param settings Demand switches.
 * @example
 * validateDemandSettings(DEFAULT_DEMAND_SETTINGS); // ok
 */
export function validateDemandSettings(settings: DemandSettings): void {
  const a = settings.offlineExponent;
  if (!Number.isFinite(a) || a < 0 || a > 3)
    throw new RangeError(`offlineExponent must be in [0, 3], got ${a}`);
  const f = settings.priorityFactor ?? 1;
  if (!Number.isFinite(f) || f < 1 || f > MAX_PRIORITY_FACTOR)
    throw new RangeError(`priorityFactor must be in [1, ${MAX_PRIORITY_FACTOR}], got ${f}`);
}

/**
 * Computes the demand of every cell. Inputs are not mutated.
 *
 * @param cells The population surface.
 * @param settings Which factors to apply.
 * @param inputs Shares, coverage and MSME rates.
 * @returns A new Float64Array of demand plus missing-data counts.
 * @throws RangeError for a share or MSME rate outside its range (e.g. a percentage passed as a fraction) or a
 *   coverage array of the wrong length.
 * @example
 * const d = buildDemand(cells, DEFAULT_DEMAND_SETTINGS, { share: [0.7, 0.55, null], covered });
 * d.values[0]; // pop × (1 − share) × (1 − covered)
 * d.missingShareCells; // cells of polygon 2
 */
export function buildDemand(cells: CellTable, settings: DemandSettings, inputs: DemandInputs): Demand {
  validateDemandSettings(settings);
  const n = cells.count;
  const covered = settings.useCoverage ? (inputs.covered ?? null) : null;
  if (covered && covered.length !== n) {
    throw new RangeError(`covered has ${covered.length} entries, expected ${n}`);
  }
  const msme = settings.useMsme ? (inputs.msmePerResident ?? null) : null;
  const priority = inputs.priority ?? null;
  if (priority && priority.length !== n) {
    throw new RangeError(`priority has ${priority.length} entries, expected ${n}`);
  }
  const inRegion = inputs.inRegion ?? null;

  // Per-polygon factor tables (polygon ids are Uint8, so 256 entries cover every id).
  const offlineFactor = new Float64Array(256).fill(1);
  const offlineShare = new Float64Array(256).fill(1);
  const regionFactor = new Float64Array(256).fill(1);
  const shareMissing = new Uint8Array(256);
  const baseFactor = new Float64Array(256).fill(1);
  const msmeMissing = new Uint8Array(256);
  for (let p = 0; p < 256; p++) {
    if (settings.useOffline) {
      const share = inputs.share[p];
      if (present(share)) {
        if (share < 0 || share > 1)
          throw new RangeError(`share[${p}] = ${share} is not a fraction in [0, 1]`);
        offlineFactor[p] = Math.pow(1 - share, settings.offlineExponent);
        offlineShare[p] = 1 - share;
      } else {
        shareMissing[p] = 1;
      }
    }
    if (inRegion && inRegion[p] !== true) regionFactor[p] = 0;
    if (settings.useMsme) {
      const rate = msme?.[p];
      if (present(rate)) {
        if (rate < 0) throw new RangeError(`msmePerResident[${p}] = ${rate} is negative`);
        baseFactor[p] = rate;
      } else {
        baseFactor[p] = 0;
        msmeMissing[p] = 1;
      }
    }
  }

  const values = new Float64Array(n);
  const counts = new Float64Array(n);
  const cellsPerPolygon = new Uint32Array(256);
  for (let c = 0; c < n; c++) {
    const p = cells.polygon[c] ?? 0;
    cellsPerPolygon[p] = (cellsPerPolygon[p] ?? 0) + 1;
    const coverage = covered ? 1 - (covered[c] ?? 0) : 1;
    const base = (cells.pop[c] ?? 0) * (baseFactor[p] ?? 0) * (regionFactor[p] ?? 0) * coverage;
    counts[c] = base * (offlineShare[p] ?? 1);
    values[c] = base * (offlineFactor[p] ?? 1) * (priority ? (priority[c] ?? 1) : 1);
  }

  let missingShareCells = 0;
  let missingMsmeCells = 0;
  const missingSharePolygons: number[] = [];
  const missingMsmePolygons: number[] = [];
  for (let p = 0; p < 256; p++) {
    const count = cellsPerPolygon[p] ?? 0;
    if (count === 0) continue;
    if (shareMissing[p] === 1) {
      missingShareCells += count;
      missingSharePolygons.push(p);
    }
    if (msmeMissing[p] === 1) {
      missingMsmeCells += count;
      missingMsmePolygons.push(p);
    }
  }
  return { values, counts, missingShareCells, missingSharePolygons, missingMsmeCells, missingMsmePolygons };
}

/** Exponent for display: up to two decimals, no trailing zeros. */
function formatExponent(a: number): string {
  return String(Math.round(a * 100) / 100);
}

/**
 * The formula in plain words (English; translated by the UI later).
 *
 * @param settings Demand switches.
 * @returns e.g. "people × (share offline)^1 × (not yet inside any hub's catchment)".
 * @example
 * describeDemand(DEFAULT_DEMAND_SETTINGS);
 * // "people × (share offline)^1 × (not yet inside any hub's catchment)"
 */
export function describeDemand(settings: DemandSettings): string {
  const parts = [settings.useMsme ? 'MSMEs (people × MSMEs per resident)' : 'people'];
  if (settings.useOffline) parts.push(`(share offline)^${formatExponent(settings.offlineExponent)}`);
  if (settings.useCoverage) parts.push("(not yet inside any hub's catchment)");
  return parts.join(' × ');
}
