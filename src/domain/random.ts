/**
 * Seeded pseudo-random numbers for tests, benchmarks and synthetic instances.
 * The domain never calls `Math.random()`; anything random takes a seed instead.
 */

/** A deterministic stream of pseudo-random numbers. Same seed, same stream, on every platform. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

/**
 * Creates a seeded generator (mulberry32: 32-bit state, period 2^32, good enough for test data, not for crypto).
 *
 * @param seed Any number; only its low 32 bits matter.
 * @returns A generator whose stream depends only on `seed`.
 * @example
 * const rng = createRng(42);
 * rng.next(); // same value on every run
 * rng.int(10); // 0..9
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    range: (min, max) => min + (max - min) * next(),
    normal: () => {
      // 1 - next() is in (0, 1], so the logarithm is finite.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
