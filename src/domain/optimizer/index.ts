/**
 * The optimiser's public surface: candidates, ranking, planning, caching, sessions.
 */
export * from './cache';
export * from './cancel';
export * from './candidates';
export * from './plan';
export * from './rank';
export * from './session';
